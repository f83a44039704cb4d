import * as z from 'zod/mini';
import { inputSchemas, returns, type ActionMap, type InputsOf, type OutputsOf } from '../action';
import { ANYONE, RESIDENT, ADMINS, ITEM_VILLAGE } from '../roles';
import { GROUP_CODES, type GroupCode } from '../groups';
import { idSchema, pageSchema, trimmedText } from '../validation';
import { DIGEST_BLOCK, RECEIPT_PATTERN } from './rules';
import type { CommentView, ItemDetail, ItemSummary, ParticipantView, PollView } from './views';

/**
 * The round table (党群圆桌会, seed 004): a village matter goes through six steps — 群众提事 → 征求论事 → 圆桌议事 →
 * 会议定事 → 集中办事 → 制度监事 — and then is closed with a public timeline of who did what, when.
 * This file: the steps, the actions' inputs and results, the error codes. Their words are in labels.ts, the
 * results' shapes in views.ts, the pure rules in rules.ts and who may do what in policy.ts.
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

/** The six steps a matter is shown going through (`closed` is where it ends). */
export const SIX_STEPS: Step[] = ['raised', 'consulting', 'roundtable', 'deciding', 'doing', 'supervising'];

/** `held`: waiting for an admin because the content check asked for a person; `merged` into another item. */
export type ItemStatus = 'held' | 'open' | 'merged' | 'rejected';

export const ITEM_TITLE_MAX = 40;
export const ITEM_BODY_MAX = 1000;
export const COMMENT_MAX = 300;

// ------------------------------------------------------------------------------------------------ polls

export const POLL_KINDS = ['single', 'multiple', 'approval'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

export type Eligibility = { kind: 'residents' } | { kind: 'reps' } | { kind: 'group'; group: GroupCode };

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

/**
 * Published receipts per page at most (a village's whole poll in one or two reads). A page is one digest block
 * (rules.ts DIGEST_BLOCK), so a verifier can chain the pages as they come.
 */
export const RECEIPTS_PAGE_MAX = DIGEST_BLOCK;

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
    // `opening`: the roll is written a page of members per step and the page calls again (eligibleCount so far).
    output: returns<{ status: 'opening' | 'open'; eligibleCount: number }>(),
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
