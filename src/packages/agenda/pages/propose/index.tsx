import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { AGENDA_FIELD_LABELS, agendaInput, ITEM_BODY_MAX, ITEM_TITLE_MAX, ITEMS_PER_DAY } from '@core/agenda';
import { fieldProblems } from '@core/validation';
import Field from '../../../../components/Field';
import FormActions from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import { call } from '../../../../services/cloud';
import { useSession } from '../../../../store/session';
import { confirm, inform } from '../../../../utils/feedback';
import { routes } from '../../../../routes';
import '../../agenda.css';

/**
 * 群众提事: a title and what the matter is, checked with the cloud's own rules as the resident types. The
 * matter is public to the village once sent (or after the admin's look when the content check asks for one).
 */
export default function Propose() {
  const session = useSession();
  const member = session.me?.status === 'bound' ? session.me.member : null;
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const problems = fieldProblems(agendaInput.raise, { title, body }, AGENDA_FIELD_LABELS);
  const show = (field: string) => (touched ? problems[field] : null);

  const submit = async () => {
    setTouched(true);
    setServerError(null);
    if (Object.keys(problems).length > 0) return;
    if (
      !(await confirm(
        '提交这件事？',
        `提交后${member?.villageName ?? '全村'}的村民都能看到，不能再修改。`,
        '提交',
      ))
    )
      return;
    setSending(true);
    const result = await call('agenda', 'raise', { title, body });
    setSending(false);
    if (!result.ok) return setServerError(result.error.message);
    if (result.data.held) await inform('已提交', '内容需要村干部看一下，审核通过后全村可见。');
    await Taro.redirectTo({ url: routes.agenda.item({ itemId: result.data.item.itemId }) });
  };

  return (
    <Screen title="我要提事">
      <View className="card" data-testid="propose-form">
        <Text className="card__title">提出一件村里的事</Text>
        <Text className="muted lead">
          {member ? `${member.villageName} · ` : ''}
          写清楚是什么事、在哪里、希望怎么办。村民可以支持和讨论，村里会按“圆桌议事”六步办理。每人每天最多提{' '}
          {ITEMS_PER_DAY} 件。
        </Text>
        <Field label="标题" error={show('title')} hint={`${title.trim().length}/${ITEM_TITLE_MAX} 字`}>
          <Input
            className="input"
            value={title}
            placeholder="例如：修缮村口老水井"
            maxlength={ITEM_TITLE_MAX}
            onInput={(e) => setTitle(e.detail.value)}
          />
        </Field>
        <Field label="具体内容" error={show('body')} hint={`${body.trim().length}/${ITEM_BODY_MAX} 字`}>
          <Textarea
            className="textarea"
            value={body}
            placeholder="事情的经过、涉及哪些户、您的建议"
            maxlength={ITEM_BODY_MAX}
            onInput={(e) => setBody(e.detail.value)}
          />
        </Field>
        {serverError && <Text className="form__error">{serverError}</Text>}
        <FormActions
          submitText="提交"
          sending={sending}
          onSubmit={() => void submit()}
          onCancel={() => void Taro.navigateBack()}
        />
      </View>
    </Screen>
  );
}
