import type { MemberDoc } from '../_shared/documents';
import { randomBytes } from 'node:crypto';
import type { ItemStatus, PollRules, Eligibility, Step, TimelineEvent } from '../../core/agenda';
import { roleLabels } from '../../core/roles';
import { envInt, envMs } from '../_shared/runtime';

export interface ItemDoc {
  _id: string;
  villageId: string;
  villageName: string;
  title: string;
  body: string;
  authorResidentId: string;
  authorOpenid: string;
  authorName: string;
  status: ItemStatus;
  step: Step;
  supportCount: number;
  commentCount: number;
  verdicts: { confirm: number; dispute: number };
  mergedInto: { itemId: string; title: string; reason: string } | null;
  mergedFrom: { itemId: string; title: string; reason: string }[];
  roundtable: {
    at: Date;
    place: string;
    participants: { residentId: string; name: string; role: string }[];
    minutes: string | null;
  } | null;
  pollId: string | null;
  moderation: { reason: string | null } | null;
  timeline: (Omit<TimelineEvent, 'at'> & { at: Date })[];
  createdAt: Date;
  updatedAt: Date;
}

export interface CommentDoc {
  _id: string;
  itemId: string;
  residentId: string;
  authorOpenid: string;
  authorName: string;
  text: string;
  held: boolean;
  createdAt: Date;
}

export interface TaskDoc {
  _id: string;
  itemId: string;
  title: string;
  ownerId: string;
  ownerName: string;
  ownerOpenid: string | null;
  dueAt: Date;
  progress: number;
  notes: { at: Date; progress: number; note: string; byName: string }[];
  createdAt: Date;
}

/** A chunked openPoll's progress: members after `after` are still to be read; one bucket per page written. */
export interface OpeningProgress {
  after: string;
  rolled: number;
  bounds: string[];
  /** Who opened it, for the timeline entry written when the roll is complete (maybe by the timer). */
  by: { name: string; role: string };
}

/** The chunked check of a frozen result: ballots after `after` are still to be read, `chain` digests those read. */
export interface AuditProgress {
  after: string;
  cast: number;
  counts: Record<string, number>;
  chain: string | null;
}

export interface PollDoc extends PollRules {
  _id: string;
  itemId: string;
  villageId: string;
  question: string;
  eligibility: Eligibility;
  visibility: 'afterClose' | 'live';
  /** `opening`: the roll is being written a page at a time (opening.ts); votes wait for `open`. */
  status: 'draft' | 'opening' | 'open' | 'closed';
  /** When an admin started opening the poll. */
  openingAt: Date | null;
  /** While `opening`: how far the roll is written (resumable from here after a crash). */
  opening?: OpeningProgress | null;
  /** The lowest openid of each roll bucket, sorted (polls.ts bucketIndex). */
  rollBounds?: string[];
  /** After the result is frozen from the counters, until the ballots are checked and digested (freeze.ts). */
  audit?: AuditProgress | null;
  opensAt: Date | null;
  closesAt: Date;
  eligibleCount: number;
  rollBuckets: number;
  tallyShards: number;
  result: { cast: number; counts: Record<string, number> } | null;
  digest: string | null;
  finalizedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

/**
 * Time budgets of the chunked poll work, each a third of the function's 3 s default timeout at most, so a step
 * never runs near the limit on a slow instance (config.json gives the function 5 s).
 */
export const pollTuning = () => ({
  /** Members read per roll step, and so the most voters in one roll bucket (the SDK reads 1000 at most). */
  rollPage: Math.min(envInt('POLL_ROLL_PAGE', 1000), 1000),
  /** How long one openPoll keeps writing roll pages before it answers `opening`. */
  openBudgetMs: envMs('POLL_OPEN_BUDGET_MS', 1_000),
  /** How long one timer run keeps opening, freezing and digesting polls nobody is reading. */
  timerBudgetMs: envMs('POLL_TIMER_BUDGET_MS', 1_000),
  /** An opening older than this is continued by the timer (its page was closed). */
  abandonedMs: envMs('POLL_ABANDONED_MS', 30_000),
});

/** How an actor appears on the public timeline: their most significant role. */
export function actorRole(member: MemberDoc): string {
  return roleLabels(member.roles)[0] ?? '村民';
}

/** A timeline entry, appended in the same write as the change it records. */
export function event(step: Step, member: MemberDoc, what: string, at: Date): ItemDoc['timeline'][number] {
  return { step, at, actorName: member.name, actorRole: actorRole(member), what };
}

/** `<itemId>_<residentId>`: one support, and one verdict, per resident and matter. */
export const residentMarkId = (itemId: string, residentId: string) => `${itemId}_${residentId}`;

/** `<pollId>_<residentId>`: that someone voted (and nothing about how). */
export const voteMarkerId = (pollId: string, residentId: string) => `${pollId}_${residentId}`;

/**
 * Comment ids sort by time (listComments pages by `_id`, oldest first, on the itemId_1__id_1 index): the time
 * in base 36, fixed width, then random bits so that two comments of the same millisecond still differ.
 */
export const commentId = (now: number) =>
  `c_${now.toString(36).padStart(9, '0')}${randomBytes(8).toString('hex')}`;
