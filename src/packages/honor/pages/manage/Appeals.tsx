import { Text, View } from '@tarojs/components';
import { monthLabel, NOTE_MAX } from '@core/honor';
import { formatDateTime } from '@core/time';
import StateView, { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import EntryCard from '../../components/EntryCard';
import ReasonForm from '../../components/ReasonForm';
import { useAction } from '../../honor';

/** 待处理申诉, oldest first: the entry, what the household wrote, and 维持 or 撤销 with a reason. */
export default function Appeals({ version, onChanged }: { version: number; onChanged: () => void }) {
  const appeals = useRemote(() => call('honor', 'listAppeals', {}), [version]);
  const act = useAction(onChanged);
  if (!appeals.data) return <RemoteState remote={appeals} />;
  if (appeals.data.appeals.length === 0) return <StateView kind="empty" title="没有待处理的申诉" />;
  return (
    <>
      {act.error && <Text className="form__error">{act.error}</Text>}
      {appeals.data.appeals.map((a) => (
        <View key={a.appealId} className="card" data-testid="appeal">
          <Text className="card__title">{monthLabel(a.month)}黑榜的申诉</Text>
          <EntryCard entry={a.entry} />
          <Text className="muted">{formatDateTime(a.createdAt)} 提交</Text>
          <Text className="honor-quote">申诉理由：{a.text}</Text>
          <ReasonForm
            placeholder="处理意见（申诉人会看到）"
            max={NOTE_MAX}
            busy={act.busy}
            actions={[
              {
                label: '维持原决定',
                ghost: true,
                onClick: (reason) =>
                  act.run(
                    {
                      title: '维持原决定？',
                      content: `${a.entry.name} 仍在黑榜上，限制照常。处理意见：${reason}`,
                      confirmText: '维持',
                    },
                    () => call('honor', 'resolveAppeal', { appealId: a.appealId, outcome: 'upheld', reason }),
                    '已处理',
                  ),
              },
              {
                label: '撤销上榜',
                onClick: (reason) =>
                  act.run(
                    {
                      title: '撤销这条上榜记录？',
                      content: `会在榜单上公布更正，限制随即解除。处理意见：${reason}`,
                      confirmText: '撤销',
                    },
                    () =>
                      call('honor', 'resolveAppeal', { appealId: a.appealId, outcome: 'revoked', reason }),
                    '已撤销',
                  ),
              },
            ]}
          />
        </View>
      ))}
    </>
  );
}
