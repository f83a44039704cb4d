import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AGENDA_FIELD_LABELS, agendaInput, ITEM_BODY_MAX, ITEM_TITLE_MAX, ITEMS_PER_DAY } from '@core/agenda';
import FormActions from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import TextArea from '../../../../components/TextArea';
import TextField from '../../../../components/TextField';
import { useForm } from '../../../../hooks/use-form';
import { call } from '../../../../services/cloud';
import { useSession } from '../../../../store/session';
import { inform } from '../../../../utils/feedback';
import { routes } from '../../../../routes';
import '../../agenda.css';

/**
 * 群众提事: a title and what the matter is, checked with the cloud's own rules as the resident types. The
 * matter is public to the village once sent (or after the admin's look when the content check asks for one).
 */
export default function Propose() {
  const session = useSession();
  const member = session.me?.status === 'bound' ? session.me.member : null;
  const form = useForm({
    initial: { title: '', body: '' },
    schema: agendaInput.raise,
    labels: AGENDA_FIELD_LABELS,
    ask: () => ({
      title: '提交这件事？',
      content: `提交后${member?.villageName ?? '全村'}的村民都能看到，不能再修改。`,
      confirmText: '提交',
    }),
    send: (input) => call('agenda', 'raise', input),
    done: async ({ held, item }) => {
      if (held) await inform('已提交', '内容需要村干部看一下，审核通过后全村可见。');
      await Taro.redirectTo({ url: routes.agenda.item({ itemId: item.itemId }) });
    },
  });

  return (
    <Screen title="我要提事">
      <View className="card" data-testid="propose-form">
        <Text className="card__title">提出一件村里的事</Text>
        <Text className="muted lead">
          {member ? `${member.villageName} · ` : ''}
          写清楚是什么事、在哪里、希望怎么办。村民可以支持和讨论，村里会按“圆桌议事”六步办理。每人每天最多提{' '}
          {ITEMS_PER_DAY} 件。
        </Text>
        <TextField
          label="标题"
          {...form.field('title')}
          counted
          placeholder="例如：修缮村口老水井"
          maxlength={ITEM_TITLE_MAX}
        />
        <TextArea
          label="具体内容"
          {...form.field('body')}
          counted
          placeholder="事情的经过、涉及哪些户、您的建议"
          maxlength={ITEM_BODY_MAX}
        />
        <FormActions submitText="提交" form={form} />
      </View>
    </Screen>
  );
}
