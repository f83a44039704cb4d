import type { MemberDoc } from '../_shared/documents';
import {
  canManageItem,
  canMergeItem,
  outcomeSummary,
  type CommentView,
  type ItemDetail,
  type ItemSummary,
  type PollBrief,
  type PollView,
  type TaskView,
} from '../../core/agenda';
import type { CommentDoc, ItemDoc, PollDoc, TaskDoc } from './model';
import { outcomeOf } from './polls';

/** What the client sees of the agenda's documents (times as milliseconds; no openids). */

export function itemSummary(d: ItemDoc): ItemSummary {
  return {
    itemId: d._id,
    villageId: d.villageId,
    villageName: d.villageName,
    title: d.title,
    step: d.step,
    status: d.status,
    authorName: d.authorName,
    supportCount: d.supportCount,
    commentCount: d.commentCount,
    createdAt: new Date(d.createdAt).getTime(),
    updatedAt: new Date(d.updatedAt).getTime(),
  };
}

export const commentView = (c: CommentDoc): CommentView => ({
  commentId: c._id,
  authorName: c.authorName,
  text: c.text,
  createdAt: new Date(c.createdAt).getTime(),
});

export const taskView = (t: TaskDoc): TaskView => ({
  taskId: t._id,
  title: t.title,
  ownerId: t.ownerId,
  ownerName: t.ownerName,
  dueAt: new Date(t.dueAt).getTime(),
  progress: t.progress,
  notes: t.notes.map((n) => ({ ...n, at: new Date(n.at).getTime() })),
});

/** A matter's page: the item, its tasks and poll in brief, and what the caller has done and may do. */
export function itemDetail(
  item: ItemDoc,
  member: MemberDoc,
  parts: {
    tasks: TaskDoc[];
    poll: PollDoc | null;
    supported: boolean;
    verdict: 'confirm' | 'dispute' | null;
    now: number;
  },
): ItemDetail {
  return {
    ...itemSummary(item),
    body: item.body,
    mergedInto: item.mergedInto,
    mergedFrom: item.mergedFrom,
    roundtable: item.roundtable ? { ...item.roundtable, at: new Date(item.roundtable.at).getTime() } : null,
    pollId: item.pollId,
    poll: parts.poll && pollBrief(parts.poll, parts.now),
    tasks: parts.tasks.map(taskView),
    verdicts: item.verdicts,
    timeline: item.timeline.map((e) => ({ ...e, at: new Date(e.at).getTime() })),
    mine: {
      supported: parts.supported,
      verdict: parts.verdict,
      canManage: canManageItem(member, item),
      canMerge: canMergeItem(member, item),
    },
  };
}

/** What a poll's page shows as its status: `counting` once past closing, until the result is frozen. */
export function pollStatus(poll: PollDoc, now: number): PollView['status'] {
  if (poll.status === 'opening') return 'draft';
  return poll.status === 'open' && now >= new Date(poll.closesAt).getTime() ? 'counting' : poll.status;
}

export function pollBrief(poll: PollDoc, now: number): PollBrief {
  const outcome = poll.result ? outcomeOf(poll, poll.result) : null;
  return {
    pollId: poll._id,
    question: poll.question,
    status: pollStatus(poll, now),
    closesAt: new Date(poll.closesAt).getTime(),
    passed: outcome ? outcome.passed : null,
    summary: outcome ? outcomeSummary(poll, outcome) : null,
  };
}

/** A poll's page: its rules, turnout, the result when it may show (after close, or live) and the caller's part. */
export function pollView(
  poll: PollDoc,
  tally: { cast: number; counts: Record<string, number> },
  mine: PollView['mine'],
  now: number,
): PollView {
  const showResult = poll.status === 'closed' || poll.visibility === 'live';
  return {
    pollId: poll._id,
    itemId: poll.itemId,
    question: poll.question,
    kind: poll.kind,
    options: poll.options,
    minChoices: poll.minChoices,
    maxChoices: poll.maxChoices,
    eligibility: poll.eligibility,
    eligibleCount: poll.eligibleCount,
    status: pollStatus(poll, now),
    opensAt: poll.opensAt ? new Date(poll.opensAt).getTime() : null,
    closesAt: new Date(poll.closesAt).getTime(),
    quorumPct: poll.quorumPct,
    thresholdPct: poll.thresholdPct,
    thresholdBase: poll.thresholdBase,
    visibility: poll.visibility,
    cast: tally.cast,
    outcome:
      showResult && (poll.status === 'open' || poll.status === 'closed') ? outcomeOf(poll, tally) : null,
    digest: poll.digest,
    mine,
  };
}
