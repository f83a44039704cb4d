import * as z from 'zod/mini';
import { inputSchemas, returns, type ActionMap, type InputsOf, type OutputsOf } from '../action';
import { ANYONE, RESIDENT, ADMINS, ITEM_VILLAGE } from '../roles';
import { GROUP_CODES, type GroupCode } from '../groups';
import { idSchema, pageSchema, trimmedText } from '../validation';

/**
 * The round table (党群圆桌会, seed 004): a village matter goes through six steps — 群众提事 → 征求论事 → 圆桌议事 →
 * 会议定事 → 集中办事 → 制度监事 — and then is closed with a public timeline of who did what, when.
 */
export const STEPS = [
  'raised',
  'consulting',
  'roundtable',
  'deciding',
  'doing',
  'supervising',
  'closed',
] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step, string> = {
  raised: '群众提事',
  consulting: '征求论事',
  roundtable: '圆桌议事',
  deciding: '会议定事',
  doing: '集中办事',
  supervising: '制度监事',
  closed: '已办结',
};

/** The six steps a matter is shown going through (`closed` is where it ends). */
export const SIX_STEPS: Step[] = ['raised', 'consulting', 'roundtable', 'deciding', 'doing', 'supervising'];

/** `held`: waiting for an admin because the content check asked for a person; `merged` into another item. */
export type ItemStatus = 'held' | 'open' | 'merged' | 'rejected';

/** Which step comes next; the only forward moves an admin can make. */
export const NEXT_STEP: Partial<Record<Step, Step>> = {
  raised: 'consulting',
  consulting: 'roundtable',
  roundtable: 'deciding',
  deciding: 'doing',
  doing: 'supervising',
  supervising: 'closed',
};

/** Residents may comment and support while the matter is being raised and discussed. */
export const DISCUSSION_STEPS: Step[] = ['raised', 'consulting'];

export const ITEM_TITLE_MAX = 40;
export const ITEM_BODY_MAX = 1000;
export const COMMENT_MAX = 300;
/** Matters a resident may raise per day. */
export const ITEMS_PER_DAY = 3;
/** Comments a resident may write per hour. */
export const COMMENTS_PER_HOUR = 20;
/** Progress reports kept per task. */
export const TASK_NOTES_MAX = 100;

// ------------------------------------------------------------------------------------------------ polls

export const POLL_KINDS = ['single', 'multiple', 'approval'] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export const POLL_KIND_LABELS: Record<PollKind, string> = {
  single: '单选',
  multiple: '多选',
  approval: '赞成/反对/弃权',
};

export const APPROVAL_OPTIONS = [
  { id: 'yes', label: '赞成' },
  { id: 'no', label: '反对' },
  { id: 'abstain', label: '弃权' },
] as const;

export type Eligibility = { kind: 'residents' } | { kind: 'reps' } | { kind: 'group'; group: GroupCode };
export const ELIGIBILITY_LABELS = {
  residents: '本村已认证村民',
  reps: '本村村民代表',
  group: '联盟小组成员',
} as const;

export interface PollOption {
  id: string;
  label: string;
}

export interface PollRules {
  kind: PollKind;
  options: PollOption[];
  /** Multiple choice: how many options a ballot must pick, at least and at most. */
  minChoices: number;
  maxChoices: number;
  /** Percent of eligible voters who must vote for the result to count. */
  quorumPct: number;
  /** Percent an option needs to carry, of the ballots cast or of everyone eligible. */
  thresholdPct: number;
  thresholdBase: 'cast' | 'eligible';
}

/** The options of a poll: fixed for 赞成/反对/弃权, given for choice polls. */
export function pollOptions(kind: PollKind, labels: string[]): PollOption[] {
  if (kind === 'approval') return APPROVAL_OPTIONS.map((o) => ({ ...o }));
  return labels.map((label, i) => ({ id: `o${i + 1}`, label }));
}

/** Checks a ballot's choices against the poll's rules; returns the problem in Chinese, or null. */
export function checkChoices(
  rules: Pick<PollRules, 'kind' | 'options' | 'minChoices' | 'maxChoices'>,
  choices: string[],
): string | null {
  const known = new Set(rules.options.map((o) => o.id));
  if (new Set(choices).size !== choices.length) return '同一个选项不能选两次';
  if (choices.some((c) => !known.has(c))) return '选项不存在';
  if (rules.kind === 'multiple') {
    if (choices.length < rules.minChoices) return `至少要选 ${rules.minChoices} 项`;
    if (choices.length > rules.maxChoices) return `最多只能选 ${rules.maxChoices} 项`;
    return null;
  }
  return choices.length === 1 ? null : '请选择一项';
}

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

/** The result of a poll from its counters: what the tally shows at any moment, and what is frozen at close. */
export function computeOutcome(
  rules: PollRules,
  eligible: number,
  cast: number,
  counts: Record<string, number>,
): Outcome {
  const base = rules.thresholdBase === 'cast' ? cast : eligible;
  const pct = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 10 : 0);
  const full: Record<string, number> = {};
  const percents: Record<string, number> = {};
  for (const o of rules.options) {
    full[o.id] = counts[o.id] ?? 0;
    percents[o.id] = pct(full[o.id]!, base);
  }
  // Exact integer comparisons: count / base >= threshold / 100.
  const quorumMet = eligible > 0 && cast * 100 >= rules.quorumPct * eligible;
  const carriedOptions =
    rules.kind === 'approval' ? rules.options.filter((o) => o.id === 'yes') : rules.options;
  const carried = carriedOptions
    .filter((o) => base > 0 && full[o.id]! * 100 >= rules.thresholdPct * base)
    .map((o) => o.id);
  return {
    cast,
    eligible,
    counts: full,
    percents,
    turnoutPct: pct(cast, eligible),
    quorumMet,
    carried,
    passed: quorumMet && carried.length > 0,
  };
}

/** One line for the timeline and the result card, e.g. “赞成 12 · 反对 3 · 弃权 1，投票 16/20 人”. */
export function outcomeSummary(rules: Pick<PollRules, 'options'>, outcome: Outcome): string {
  const counts = rules.options.map((o) => `${o.label} ${outcome.counts[o.id] ?? 0}`).join(' · ');
  return `${counts}，投票 ${outcome.cast}/${outcome.eligible} 人`;
}

/**
 * Receipts: the voter's phone makes a random code and keeps it; the cloud stores only its hash on the ballot,
 * never next to the voter. 16 characters of Crockford base32 (80 bits), shown in groups of four.
 */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_PATTERN = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/;

export function formatReceipt(receipt: string): string {
  return receipt.match(/.{1,4}/g)!.join('-');
}

/** Accepts what people copy: spaces, dashes, lower case; O→0, I/L→1 as Crockford base32 does. */
export function normalizeReceipt(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return RECEIPT_PATTERN.test(code) ? code : null;
}

/** A receipt from 10 random bytes (the caller supplies a cryptographic source where it has one). */
export function receiptFromBytes(bytes: ArrayLike<number>): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (let i = 0; i < bytes.length && out.length < 16; i++) {
    value = (value << 8) | (bytes[i]! & 0xff);
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += RECEIPT_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/**
 * The published text a tally digest is computed over: one line per ballot, `<receiptHash> <choices>`, sorted.
 * Anyone with the published receipts can rebuild it and compare `sha256(text)` with the poll's digest.
 */
export function tallyDigestText(ballots: { receiptHash: string; choices: string[] }[]): string {
  return ballots
    .map((b) => `${b.receiptHash} ${[...b.choices].sort().join(',')}`)
    .sort()
    .join('\n');
}

/** Published receipts per page at most (a village's whole poll in one or two reads). */
export const RECEIPTS_PAGE_MAX = 1000;

/** Seconds after closing before the result is frozen: longer than any vote can take to land (function timeout). */
export const FINALIZE_GRACE_MS = 15_000;

// ------------------------------------------------------------------------------------------------ inputs

/** Trimmed text between `min` and `max` characters, with what to say when it is too short. */
const text = trimmedText;
const title = text('标题', 4, '标题至少 4 个字', ITEM_TITLE_MAX);
const body = text('内容', 10, '请把事情说清楚（至少 10 个字）', ITEM_BODY_MAX);
const shortText = (what: string, max: number) => text(what, 2, `请填写${what}`, max);
const time = z
  .int()
  .check(z.minimum(1_600_000_000_000, '时间无效'), z.maximum(4_102_444_800_000, '时间无效'));
const pct = (what: string) =>
  z.int().check(z.minimum(0, `${what}在 0 到 100 之间`), z.maximum(100, `${what}在 0 到 100 之间`));

export const AGENDA_FIELD_LABELS: Record<string, string> = {
  title: '标题',
  body: '内容',
  text: '评论',
  itemId: '事项编号',
  intoItemId: '合并到的事项',
  reason: '原因',
  at: '时间',
  place: '地点',
  participantIds: '参会人',
  minutes: '会议纪要',
  question: '表决事项',
  kind: '表决方式',
  options: '选项',
  minChoices: '最少选择数',
  maxChoices: '最多选择数',
  eligibility: '投票范围',
  closesAt: '截止时间',
  quorumPct: '参与率',
  thresholdPct: '通过比例',
  thresholdBase: '通过比例的计算基数',
  visibility: '结果公开方式',
  pollId: '表决编号',
  choices: '选项',
  receipt: '回执码',
  ownerId: '负责人',
  dueAt: '完成期限',
  taskId: '任务编号',
  progress: '进度',
  note: '说明',
  verdict: '评议',
  step: '步骤',
  mine: '只看我提的',
  villageId: '村',
};

// ------------------------------------------------------------------------------------------------ outputs

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

/**
 * Every action of the `agenda` function, named once: its input schema (shared by the client's forms and the
 * router), its result type, who may call it (the authorization matrix, core/access.ts) and the finer rule.
 */
export const agendaActions = {
  listItems: {
    input: z.object({
      villageId: z.optional(idSchema),
      step: z.optional(z.enum(STEPS)),
      mine: z.optional(z.boolean()),
      ...pageSchema,
    }),
    output: returns<{ items: ItemSummary[]; nextCursor: string | null }>(),
    allow: RESIDENT,
    rule: "the resident's village (town admins any); held items to their author and the admins",
  },
  getItem: {
    input: z.object({ itemId: idSchema }),
    output: returns<ItemDetail>(),
    allow: RESIDENT,
    rule: 'held and rejected items only for their author and the admins',
  },
  raise: {
    input: z.object({ title, body }),
    output: returns<{ item: ItemSummary; held: boolean }>(),
    allow: RESIDENT,
    rule: 'in their own village',
  },
  moderate: {
    input: z.object({ itemId: idSchema, approve: z.boolean(), reason: z.optional(shortText('原因', 100)) }),
    output: returns<{ itemId: string; status: ItemStatus }>(),
    allow: ADMINS,
    rule: ITEM_VILLAGE,
  },
  merge: {
    input: z.object({ itemId: idSchema, intoItemId: idSchema, reason: shortText('合并原因', 100) }),
    output: returns<{ itemId: string }>(),
    allow: RESIDENT,
    rule: `${ITEM_VILLAGE}, or a 协商议事组 组长/副组长 of the town or that village`,
  },
  advance: {
    input: z.object({ itemId: idSchema, note: z.optional(shortText('说明', 200)) }),
    output: returns<{ step: Step }>(),
    allow: ADMINS,
    rule: ITEM_VILLAGE,
  },
  comment: {
    input: z.object({ itemId: idSchema, text: shortText('评论', COMMENT_MAX) }),
    output: returns<{ comment: CommentView; held: boolean }>(),
    allow: RESIDENT,
    rule: "the item's village, or town-level roles",
  },
  listComments: {
    input: z.object({ itemId: idSchema, ...pageSchema }),
    output: returns<{ items: CommentView[]; nextCursor: string | null }>(),
    allow: RESIDENT,
    rule: 'held comments only to their author and the admins',
  },
  support: {
    input: z.object({ itemId: idSchema }),
    output: returns<{ supportCount: number }>(),
    allow: RESIDENT,
    rule: "the item's village, or town-level roles",
  },
  scheduleRoundtable: {
    input: z.object({
      itemId: idSchema,
      at: time,
      place: shortText('地点', 40),
      participantIds: z
        .array(idSchema)
        .check(z.minLength(1, '请至少选择一位参会人'), z.maxLength(30, '参会人最多 30 位')),
    }),
    output: returns<{ step: Step }>(),
    allow: ADMINS,
    rule: ITEM_VILLAGE,
  },
  recordMinutes: {
    input: z.object({ itemId: idSchema, minutes: shortText('会议纪要', 2000) }),
    output: returns<{ itemId: string }>(),
    allow: ADMINS,
    rule: ITEM_VILLAGE,
  },
  listParticipants: {
    input: z.object({ itemId: idSchema }),
    output: returns<{ participants: ParticipantView[] }>(),
    allow: ADMINS,
    rule: ITEM_VILLAGE,
  },
  createPoll: {
    input: z.object({
      itemId: idSchema,
      question: shortText('表决事项', 60),
      kind: z.enum(POLL_KINDS),
      options: z.optional(
        z
          .array(text('选项', 1, '请填写选项', 20))
          .check(z.minLength(2, '至少两个选项'), z.maxLength(8, '最多 8 个选项')),
      ),
      minChoices: z.optional(z.int().check(z.minimum(1, '至少选 1 项'))),
      maxChoices: z.optional(z.int().check(z.minimum(1, '至少选 1 项'))),
      eligibility: z.union([
        z.object({ kind: z.literal('residents') }),
        z.object({ kind: z.literal('reps') }),
        z.object({ kind: z.literal('group'), group: z.enum(GROUP_CODES) }),
      ]),
      closesAt: time,
      quorumPct: pct('参与率'),
      thresholdPct: pct('通过比例'),
      thresholdBase: z.enum(['cast', 'eligible']),
      visibility: z.enum(['afterClose', 'live']),
    }),
    output: returns<{ pollId: string }>(),
    allow: ADMINS,
    rule: ITEM_VILLAGE,
  },
  openPoll: {
    input: z.object({ pollId: idSchema }),
    output: returns<{ eligibleCount: number }>(),
    allow: ADMINS,
    rule: ITEM_VILLAGE,
  },
  closePoll: {
    input: z.object({ pollId: idSchema }),
    output: returns<{ closesAt: number }>(),
    allow: ADMINS,
    rule: ITEM_VILLAGE,
  },
  getPoll: {
    input: z.object({ pollId: idSchema }),
    output: returns<PollView>(),
    allow: RESIDENT,
  },
  vote: {
    input: z.object({
      pollId: idSchema,
      choices: z.array(z.string().check(z.maxLength(8, '选项不存在'))).check(z.maxLength(8, '选项太多')),
      receipt: z.string().check(z.regex(RECEIPT_PATTERN, '回执码无效')),
    }),
    output: returns<{ receiptHash: string }>(),
    allow: ANYONE,
    rule: "on the poll's voter roll, frozen at opening: the village's residents, its 村民代表, or a group's members",
  },
  checkReceipt: {
    input: z.object({ pollId: idSchema, receipt: z.string().check(z.maxLength(40, '回执码无效')) }),
    output: returns<{ counted: boolean; choices: string[] | null }>(),
    allow: RESIDENT,
    rule: 'whoever holds the receipt (only its hash is stored)',
  },
  listReceipts: {
    input: z.object({
      pollId: idSchema,
      cursor: z.optional(z.string().check(z.maxLength(64, '分页参数无效'))),
      limit: z.optional(
        z
          .int()
          .check(
            z.minimum(1, '每页至少 1 条'),
            z.maximum(RECEIPTS_PAGE_MAX, `每页最多 ${RECEIPTS_PAGE_MAX} 条`),
          ),
      ),
    }),
    output: returns<{
      items: { receiptHash: string; choices: string[] }[];
      nextCursor: string | null;
      digest: string | null;
    }>(),
    allow: RESIDENT,
    rule: 'after the result is frozen',
  },
  addTask: {
    input: z.object({ itemId: idSchema, title: shortText('任务', 40), ownerId: idSchema, dueAt: time }),
    output: returns<{ taskId: string }>(),
    allow: ADMINS,
    rule: ITEM_VILLAGE,
  },
  updateTask: {
    input: z.object({ taskId: idSchema, progress: pct('进度'), note: shortText('进展说明', 200) }),
    output: returns<{ progress: number }>(),
    allow: RESIDENT,
    rule: `the task's owner, or ${ITEM_VILLAGE}`,
  },
  giveVerdict: {
    input: z.object({
      itemId: idSchema,
      verdict: z.enum(['confirm', 'dispute']),
      reason: z.optional(shortText('理由', 200)),
    }),
    output: returns<{ confirm: number; dispute: number }>(),
    allow: RESIDENT,
    rule: "the item's village, or town-level roles",
  },
} satisfies ActionMap;

/** The input schemas by action (for forms that validate as the function does). */
export const agendaInput = inputSchemas(agendaActions);
export type AgendaInput = InputsOf<typeof agendaActions>;
export type AgendaOutput = OutputsOf<typeof agendaActions>;

/** Error codes the agenda adds to the shared set. */
export const AGENDA_ERROR_CODES = [
  'ALREADY_VOTED',
  'NOT_ELIGIBLE',
  'POLL_NOT_OPEN',
  'POLL_CLOSED',
  'WRONG_STEP',
] as const;
export type AgendaErrorCode = (typeof AGENDA_ERROR_CODES)[number];
