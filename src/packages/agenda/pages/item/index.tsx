import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { canUpdateTask, DISCUSSION_STEPS, STEP_LABELS, type ItemDetail, type PollBrief } from '@core/agenda';
import { formatDate, formatDateTime } from '@core/time';
import Screen from '../../../../components/Screen';
import { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { TextBox } from '../../../../components/TextArea';
import { call } from '../../../../services/cloud';
import { useSession } from '../../../../store/session';
import { confirm, toast } from '../../../../utils/feedback';
import StepBar from '../../components/StepBar';
import Timeline from '../../components/Timeline';
import AdminPanel from './AdminPanel';
import Comments from './Comments';
import Tasks from './Tasks';
import { routes } from '../../../../routes';
import '../../agenda.css';
import './index.css';
import { useRefresh } from '../../../../hooks/use-refresh';

const POLL_STATUS: Record<PollBrief['status'], string> = {
  draft: '准备中，尚未开始投票',
  open: '正在投票',
  counting: '投票已结束，正在计票',
  closed: '已公布结果',
};

/**
 * One matter: what it is, where it stands among the six steps, what the resident can do now (support,
 * discuss, vote, report progress, confirm or dispute), the admin's moves, and the public record. One call
 * opens it; pull down to refresh.
 */
export default function ItemPage() {
  const itemId = useRouter().params.id ?? '';
  const session = useSession();
  const me = session.me?.status === 'bound' ? session.me.member : null;
  const item = useRemote(() => call('agenda', 'getItem', { itemId }), [itemId]);
  useRefresh(item.reload, { shownAgain: true });

  if (!item.data) {
    return (
      <Screen title="事项详情">
        <RemoteState remote={item} />
      </Screen>
    );
  }
  const d = item.data;
  const open = d.status === 'open';
  const discussing = open && DISCUSSION_STEPS.includes(d.step);
  const reload = () => void item.reload();

  return (
    <Screen title="事项详情">
      <View className="card" data-testid="item-head">
        <View>
          <Text className={`tag${d.step === 'closed' ? ' tag--grey' : ''}`}>{STEP_LABELS[d.step]}</Text>
          {d.status === 'held' && <Text className="tag tag--grey">待审核，仅您和村干部可见</Text>}
          {d.status === 'merged' && <Text className="tag tag--grey">已合并</Text>}
        </View>
        <Text className="card__title item__title">{d.title}</Text>
        <Text className="muted">
          {d.villageName} · {d.authorName} 提出 · {formatDate(d.createdAt)}
        </Text>
        <Text className="item__body">{d.body}</Text>
        {d.mergedInto && (
          <Text
            ariaRole="button"
            className="notice"
            onClick={() =>
              void Taro.redirectTo({ url: routes.agenda.item({ itemId: d.mergedInto!.itemId }) })
            }
          >
            已合并到“{d.mergedInto.title}”：{d.mergedInto.reason}（点此查看）
          </Text>
        )}
        {d.mergedFrom.map((m) => (
          <Text key={m.itemId} className="notice">
            合并了“{m.title}”：{m.reason}
          </Text>
        ))}
      </View>

      <StepBar step={d.step} />

      {discussing && <Support item={d} onChanged={reload} />}
      {d.roundtable && <Roundtable item={d} />}
      {d.poll && <PollCard poll={d.poll} />}
      {(d.step === 'doing' || d.tasks.length > 0) && (
        <Tasks
          tasks={d.tasks}
          now={Date.now()}
          canReport={(t) => open && d.step === 'doing' && canUpdateTask(me, d, t)}
          onChanged={reload}
        />
      )}
      {(d.step === 'supervising' || d.step === 'closed') && (
        <Verdict item={d} canGive={open && d.step === 'supervising'} onChanged={reload} />
      )}
      <AdminPanel item={d} onChanged={reload} />
      {(discussing || d.commentCount > 0) && (
        <Comments itemId={d.itemId} open={discussing} onPosted={reload} />
      )}

      <View className="card">
        <Text className="card__title">办理记录</Text>
        <Timeline events={d.timeline} />
      </View>
    </Screen>
  );
}

function Support({ item, onChanged }: { item: ItemDetail; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const support = async () => {
    setBusy(true);
    const result = await call('agenda', 'support', { itemId: item.itemId });
    setBusy(false);
    if (!result.ok) return toast(result.error.message);
    toast('已支持', 'success');
    onChanged();
  };
  return (
    <View className="card item__support">
      <Text className="item__support-count">{item.supportCount} 人支持</Text>
      <Button
        className={`btn ${item.mine.supported ? 'btn--ghost' : 'btn--primary'}`}
        disabled={busy || item.mine.supported}
        onClick={() => void support()}
      >
        {item.mine.supported ? '您已支持' : '我也支持'}
      </Button>
    </View>
  );
}

function Roundtable({ item }: { item: ItemDetail }) {
  const rt = item.roundtable!;
  return (
    <View className="card" data-testid="roundtable">
      <Text className="card__title">圆桌会</Text>
      <View className="facts">
        <Text>时间：{formatDateTime(rt.at)}</Text>
        <Text>地点：{rt.place}</Text>
        <Text>参会：{rt.participants.map((p) => `${p.name}（${p.role}）`).join('、')}</Text>
      </View>
      {rt.minutes ? (
        <View>
          <Text className="section-title">会议纪要</Text>
          <Text className="item__body">{rt.minutes}</Text>
        </View>
      ) : (
        <Text className="muted">会议纪要会在会后公布。</Text>
      )}
    </View>
  );
}

function PollCard({ poll }: { poll: PollBrief }) {
  const open = poll.status === 'open';
  return (
    <View className="card" data-testid="poll-card">
      <Text className="card__title">表决：{poll.question}</Text>
      <Text className={poll.status === 'closed' ? (poll.passed ? 'tag tag--ok' : 'tag tag--grey') : 'tag'}>
        {poll.status === 'closed' ? (poll.passed ? '通过' : '未通过') : POLL_STATUS[poll.status]}
      </Text>
      <Text className="muted item__poll-line">
        {poll.summary ?? (open ? `投票截止：${formatDateTime(poll.closesAt)}` : POLL_STATUS[poll.status])}
      </Text>
      {poll.status !== 'draft' && (
        <Button
          className={`btn ${open ? 'btn--primary' : 'btn--ghost'}`}
          onClick={() => void Taro.navigateTo({ url: routes.agenda.poll({ pollId: poll.pollId }) })}
        >
          {open ? '去投票' : '查看表决结果'}
        </Button>
      )}
    </View>
  );
}

function Verdict({
  item,
  canGive,
  onChanged,
}: {
  item: ItemDetail;
  canGive: boolean;
  onChanged: () => void;
}) {
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const give = async (verdict: 'confirm' | 'dispute') => {
    setError(null);
    if (verdict === 'dispute' && reason.trim().length < 2) return setError('请写明异议的理由');
    const text = verdict === 'confirm' ? '确认这件事已经办好？' : `提出异议：${reason}`;
    if (!(await confirm('提交评议？', `${text}\n评议提交后不能更改。`, '提交'))) return;
    setBusy(true);
    const result = await call('agenda', 'giveVerdict', {
      itemId: item.itemId,
      verdict,
      ...(verdict === 'dispute' ? { reason } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    toast('已提交评议', 'success');
    onChanged();
  };
  return (
    <View className="card" data-testid="verdict">
      <Text className="card__title">村民评议</Text>
      <Text className="lead">
        {item.verdicts.confirm} 人确认办好 · {item.verdicts.dispute} 人有异议
      </Text>
      {item.mine.verdict && (
        <Text className="muted">您已{item.mine.verdict === 'confirm' ? '确认办好' : '提出异议'}。</Text>
      )}
      {canGive && !item.mine.verdict && (
        <View>
          {disputing && (
            <TextBox value={reason} placeholder="哪里没办好？" maxlength={200} onInput={setReason} />
          )}
          {error && <Text className="form__error">{error}</Text>}
          <View className="row">
            {disputing ? (
              <Button className="btn btn--ghost" onClick={() => setDisputing(false)}>
                取消
              </Button>
            ) : (
              <Button className="btn btn--ghost" onClick={() => setDisputing(true)}>
                有异议
              </Button>
            )}
            <Button
              className="btn btn--primary"
              disabled={busy}
              onClick={() => void give(disputing ? 'dispute' : 'confirm')}
            >
              {disputing ? '提交异议' : '确认办好了'}
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
