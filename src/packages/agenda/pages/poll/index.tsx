import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  checkChoices,
  ELIGIBILITY_LABELS,
  formatReceipt,
  POLL_KIND_LABELS,
  receiptFromBytes,
  type PollView,
} from '@core/agenda';
import { GROUPS } from '@core/groups';
import { formatDateTime } from '@core/time';
import Screen from '../../../../components/Screen';
import { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { randomBytes } from '../../../../services/random';
import { confirm, toast } from '../../../../utils/feedback';
import ResultBars from '../../components/ResultBars';
import { dropReceipt, markCast, putReceipt, receiptFor, type StoredReceipt } from '../../receipts';
import PublicReceipts from './PublicReceipts';
import Choice from '../../components/Choice';
import '../../agenda.css';
import './index.css';
import { useRefresh } from '../../../../hooks/use-refresh';
import { useShare } from '../../../../hooks/use-share';
import { routes } from '../../../../routes';

export function eligibilityText(poll: Pick<PollView, 'eligibility'>): string {
  const e = poll.eligibility;
  return e.kind === 'group' ? `${GROUPS[e.group].name}成员` : ELIGIBILITY_LABELS[e.kind];
}

/** The rules in one paragraph, so that everyone knows before voting what carries the matter. */
function rulesText(p: PollView): string {
  const choose =
    p.kind === 'multiple'
      ? p.minChoices === p.maxChoices
        ? `选 ${p.minChoices} 项`
        : `选 ${p.minChoices} 到 ${p.maxChoices} 项`
      : '选 1 项';
  const base = p.thresholdBase === 'cast' ? '投票人数' : '有投票资格的人数';
  const carried = p.kind === 'approval' ? '“赞成”' : '一个选项';
  return `${POLL_KIND_LABELS[p.kind]}，${choose}。投票范围：${eligibilityText(p)}，共 ${p.eligibleCount} 人。至少 ${p.quorumPct}% 的人投票才有效；${carried}得票达到${base}的 ${p.thresholdPct}% 即通过。${p.visibility === 'live' ? '投票期间公开实时结果。' : '结果在投票结束后公布。'}`;
}

/**
 * 会议定事: the ballot and the result. The voter picks, confirms on a screen that says the ballot cannot be
 * changed, and gets a receipt code made on their own phone to check later that it was counted. After close:
 * the bar chart, the frozen digest, and every published receipt.
 */
export default function PollPage() {
  const pollId = useRouter().params.id ?? '';
  const poll = useRemote(() => call('agenda', 'getPoll', { pollId }), [pollId]);
  useRefresh(poll.reload);
  const [chosen, setChosen] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stored, setStored] = useState<StoredReceipt | null>(() => receiptFor(pollId));
  const p = poll.data;
  useShare(routes.agenda.poll({ pollId }), p && `表决：${p.question}`, '村里的表决');

  // A ballot saved but not confirmed sent (weak signal, the app closed): settle it against the cloud.
  useEffect(() => {
    if (!p || !stored || stored.state !== 'sending') return;
    if (p.mine.voted) {
      void call('agenda', 'checkReceipt', { pollId, receipt: stored.receipt }).then((r) => {
        if (!r.ok) return;
        if (r.data.counted) markCast(pollId);
        else dropReceipt(pollId);
        setStored(receiptFor(pollId));
      });
    } else if (p.status !== 'open') {
      dropReceipt(pollId);
      setStored(null);
    }
  }, [p?.mine.voted, p?.status]);

  if (!p) {
    return (
      <Screen title="表决">
        <RemoteState remote={poll} />
      </Screen>
    );
  }

  const label = (id: string) => p.options.find((o) => o.id === id)?.label ?? id;
  const toggle = (id: string) => {
    setError(null);
    if (p.kind !== 'multiple') return setChosen([id]);
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  };

  const send = async (ballot: StoredReceipt) => {
    setSending(true);
    setError(null);
    const result = await call('agenda', 'vote', {
      pollId,
      choices: ballot.choices!,
      receipt: ballot.receipt,
    });
    setSending(false);
    if (result.ok) {
      markCast(pollId);
      setStored(receiptFor(pollId));
      toast('投票成功', 'success');
      void poll.reload();
    } else if (result.error.code === 'INTERNAL') {
      // Maybe it arrived, maybe not: the same ballot with the same receipt can be sent again safely.
      setError(`${result.error.message}。您的选择已保存在手机上，请点“重新发送”。`);
    } else {
      dropReceipt(pollId);
      setStored(null);
      setError(result.error.message);
      void poll.reload();
    }
  };

  const vote = async () => {
    const problem = checkChoices(p, chosen);
    if (problem) return setError(problem);
    const text = `您选择：${chosen.map(label).join('、')}\n\n投票后不能更改，也不能撤回。`;
    if (!(await confirm('确认投票？', text, '确认投票'))) return;
    let bytes: Uint8Array;
    try {
      bytes = await randomBytes(10);
    } catch {
      return setError('无法生成回执码，请把微信升级到最新版本后再投票');
    }
    const ballot: StoredReceipt = {
      pollId,
      itemId: p.itemId,
      question: p.question,
      receipt: receiptFromBytes(bytes),
      at: Date.now(),
      state: 'sending',
      choices: [...chosen],
    };
    putReceipt(ballot);
    setStored(ballot);
    await send(ballot);
  };

  const canVote = p.status === 'open' && p.mine.eligible && !p.mine.voted;
  const pending = stored?.state === 'sending' && canVote ? stored : null;
  return (
    <Screen title="表决">
      <View className="card" data-testid="poll-head">
        <Text className="card__title">{p.question}</Text>
        <Text className="lead">{rulesText(p)}</Text>
        <View className="facts">
          <Text>
            {p.status === 'draft'
              ? '尚未开始投票'
              : p.status === 'open'
                ? `正在投票，截止 ${formatDateTime(p.closesAt)}`
                : p.status === 'counting'
                  ? '投票已结束，正在计票，请稍后下拉刷新'
                  : `投票已于 ${formatDateTime(p.closesAt)} 结束`}
          </Text>
          <Text>
            已投票 {p.cast}/{p.eligibleCount} 人
          </Text>
        </View>
      </View>

      {error && !canVote && <Text className="form__error">{error}</Text>}

      {p.status === 'open' && !p.mine.eligible && (
        <Text className="notice">
          您不在这次表决的投票范围内（{eligibilityText(p)}），可以查看进展和结果。
        </Text>
      )}

      {pending && (
        <View className="card" data-testid="pending-ballot">
          <Text className="card__title">上次的投票还没有送达</Text>
          <Text className="lead">
            您选择了：{pending.choices?.map(label).join('、')}。请重新发送（不会重复计票）。
          </Text>
          {error && <Text className="form__error">{error}</Text>}
          <Button
            className="btn btn--primary"
            loading={sending}
            disabled={sending}
            onClick={() => void send(pending)}
          >
            重新发送
          </Button>
        </View>
      )}

      {canVote && !pending && (
        <View className="card" data-testid="ballot">
          <Text className="card__title">我的选票</Text>
          <Text className="muted lead">
            {p.kind === 'multiple' ? `可选 ${p.minChoices}–${p.maxChoices} 项` : '请选择一项'}
            ，选好后点“投票”。
          </Text>
          {p.options.map((o) => {
            const on = chosen.includes(o.id);
            return (
              <Choice
                key={o.id}
                on={on}
                testId={`choice-${o.id}`}
                label={o.label}
                onClick={() => toggle(o.id)}
              >
                <Text>{o.label}</Text>
              </Choice>
            );
          })}
          {error && <Text className="form__error">{error}</Text>}
          <Button
            className="btn btn--primary"
            loading={sending}
            disabled={sending || chosen.length === 0}
            onClick={() => void vote()}
          >
            投票
          </Button>
        </View>
      )}

      {p.mine.voted && (
        <View className="card" data-testid="my-receipt">
          <Text className="card__title">您已投票</Text>
          {stored?.state === 'cast' ? (
            <View>
              <Text>您的回执码：</Text>
              <Text className="receipt" userSelect>
                {formatReceipt(stored.receipt)}
              </Text>
              <Text className="muted">
                回执码只保存在您的手机上，凭它可以核验您的票是否被计入，别人无法知道您投了什么。结果公布后，公开回执里能找到它。
              </Text>
            </View>
          ) : (
            <Text className="muted">这部手机上没有这张票的回执码（可能是在别的手机上投的）。</Text>
          )}
        </View>
      )}

      {p.outcome && (
        <View className="card" data-testid="poll-result">
          <Text className="card__title">{p.status === 'closed' ? '表决结果' : '实时结果'}</Text>
          {p.status === 'closed' && (
            <Text className={`poll__verdict ${p.outcome.passed ? 'poll__verdict--passed' : ''}`}>
              {p.outcome.passed ? '通过' : p.outcome.quorumMet ? '未通过' : '未通过（参与人数不足）'}
            </Text>
          )}
          <ResultBars
            options={p.options}
            outcome={p.outcome}
            thresholdPct={p.thresholdPct}
            thresholdBase={p.thresholdBase}
          />
        </View>
      )}

      {p.status === 'closed' && (
        <PublicReceipts
          pollId={pollId}
          digest={p.digest}
          closed={p.status === 'closed'}
          mine={stored?.receipt ?? null}
          label={label}
        />
      )}
    </Screen>
  );
}
