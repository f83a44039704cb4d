import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { APPEAL_TEXT_MAX, HONOR_FIELD_LABELS, honorInput, monthLabel } from '@core/honor';
import FormActions from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import StateView, { RemoteState } from '../../../../components/StateView';
import TextArea from '../../../../components/TextArea';
import { useForm } from '../../../../hooks/use-form';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { inform } from '../../../../utils/feedback';
import EntryCard from '../../components/EntryCard';
import { appealLastDay } from '../../honor';
import '../../honor.css';

/**
 * 申诉: a black-listed household says why the entry is wrong, within 15 days of publication. The text is
 * checked with the cloud's own rule as it is typed, and cannot be changed once sent.
 */
export default function Appeal() {
  const { boardId = '', entryId = '' } = useRouter().params;
  const standing = useRemote(() => call('honor', 'myStanding', {}), []);
  const form = useForm({
    initial: { text: '' },
    input: ({ text }) => ({ boardId, entryId, text }),
    schema: honorInput.appeal,
    labels: HONOR_FIELD_LABELS,
    ask: () => ({
      title: '提交申诉？',
      content: '提交后不能修改。村两委处理后，结果会显示在“我家的情况”里。',
      confirmText: '提交',
    }),
    send: (input) => call('honor', 'appeal', { ...input, text: input.text.trim() }),
    done: async () => {
      await inform('申诉已提交', '村两委会尽快处理，处理结果会显示在“我家的情况”里。');
      await Taro.navigateBack();
    },
  });
  const { text } = form.values;

  if (!standing.data) {
    return (
      <Screen title="申诉">
        <RemoteState remote={standing} />
      </Screen>
    );
  }
  const item = standing.data.entries.find((e) => e.boardId === boardId && e.entry.entryId === entryId);
  if (!item || !item.canAppeal) {
    return (
      <Screen title="申诉">
        <StateView
          kind="empty"
          title={item ? '这条记录不能再申诉' : '没有找到这条上榜记录'}
          hint={item ? '可能已经申诉过、已经更正，或已超过申诉期。' : '请回到“我家的情况”重新选择。'}
        />
      </Screen>
    );
  }

  return (
    <Screen title="申诉">
      <View className="card">
        <Text className="card__title">{monthLabel(item.month)}黑榜</Text>
        <EntryCard entry={item.entry} />
        {item.appealUntil && <Text className="muted">申诉截止：{appealLastDay(item.appealUntil)}</Text>}
      </View>
      <View className="card" data-testid="appeal-form">
        <TextArea
          label="申诉理由"
          {...form.field('text')}
          // Shown as soon as something is typed, not only after 提交.
          error={form.touched || text ? form.problems.text : null}
          counted="写清楚哪里不对、有什么证明，"
          maxlength={APPEAL_TEXT_MAX}
          placeholder="例如：那天我家在外地打工，垃圾不是我家倒的，邻居可以作证。"
        />
        <FormActions submitText="提交申诉" form={form} />
      </View>
    </Screen>
  );
}
