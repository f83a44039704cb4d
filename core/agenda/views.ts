import type { Eligibility, ItemStatus, PollKind, PollOption, Step } from './contract';

/** What the agenda's actions answer: the client's view of matters, polls, tasks and comments. */

export interface Outcome {
  cast: number;
  eligible: number;
  counts: Record<string, number>;
  /** Percent of the threshold base, one decimal, per option. */
  percents: Record<string, number>;
  turnoutPct: number;
  quorumMet: boolean;
  /** Options that reached the threshold. */
  carried: string[];
  /** Approval: 赞成 carried; choice polls: at least one option carried. Both need the quorum. */
  passed: boolean;
}

export interface TimelineEvent {
  step: Step;
  at: number;
  actorName: string;
  actorRole: string;
  what: string;
}

export interface ItemSummary {
  itemId: string;
  villageId: string;
  villageName: string;
  title: string;
  step: Step;
  status: ItemStatus;
  authorName: string;
  supportCount: number;
  commentCount: number;
  createdAt: number;
  updatedAt: number;
}

export interface PollView {
  pollId: string;
  itemId: string;
  question: string;
  kind: PollKind;
  options: PollOption[];
  minChoices: number;
  maxChoices: number;
  eligibility: Eligibility;
  eligibleCount: number;
  /** `counting`: past its closing time, the result about to be frozen (no more ballots are taken). */
  status: 'draft' | 'open' | 'counting' | 'closed';
  opensAt: number | null;
  closesAt: number;
  quorumPct: number;
  thresholdPct: number;
  thresholdBase: 'cast' | 'eligible';
  visibility: 'afterClose' | 'live';
  /** Ballots cast so far (always public: it reveals no choice). */
  cast: number;
  /** Per-option results: when the poll is closed, or live if the poll says so. */
  outcome: Outcome | null;
  /** sha256 of the published receipts, once the result is frozen. */
  digest: string | null;
  /** Whether the caller may vote now, and whether they already did. */
  mine: { eligible: boolean; voted: boolean };
}

export interface PollBrief {
  pollId: string;
  question: string;
  status: PollView['status'];
  closesAt: number;
  /** Once frozen: passed or not, and the one-line result. */
  passed: boolean | null;
  summary: string | null;
}

export interface TaskView {
  taskId: string;
  title: string;
  ownerId: string;
  ownerName: string;
  dueAt: number;
  progress: number;
  notes: { at: number; progress: number; note: string; byName: string }[];
}

export interface ItemDetail extends ItemSummary {
  body: string;
  mergedInto: { itemId: string; title: string; reason: string } | null;
  mergedFrom: { itemId: string; title: string; reason: string }[];
  roundtable: {
    at: number;
    place: string;
    participants: { residentId: string; name: string; role: string }[];
    minutes: string | null;
  } | null;
  pollId: string | null;
  /** The poll in brief, so the matter's page opens with one call. */
  poll: PollBrief | null;
  tasks: TaskView[];
  verdicts: { confirm: number; dispute: number };
  timeline: TimelineEvent[];
  /** What the caller has done and may do here. */
  mine: { supported: boolean; verdict: 'confirm' | 'dispute' | null; canManage: boolean; canMerge: boolean };
}

/** Someone who may sit at the round table: a member of an alliance group (town level, or of the village). */
export interface ParticipantView {
  residentId: string;
  name: string;
  villageName: string;
  /** Their group role, e.g. 协商议事组组长（镇级）. */
  role: string;
}

export interface CommentView {
  commentId: string;
  authorName: string;
  text: string;
  createdAt: number;
}
