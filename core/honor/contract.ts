import * as z from 'zod/mini';
import { inputSchemas, returns, type ActionMap, type InputsOf, type OutputsOf } from '../action';
import { RESIDENT, ADMINS, OWN_VILLAGE } from '../roles';
import { DAY_MS, inShanghai } from '../time';
import { idSchema } from '../validation';

/**
 * 诚信红黑榜 with due process (seeds 000, 001, 002). Each village keeps its 村规民约 as rules with reason codes;
 * every month an admin drafts a board of households on the red list (rewarded) or the black list (village
 * services and benefits suspended for 3 months). A board is published only after review — a second admin's
 * approval, or the 村民代表大会's vote recorded with its date — and is immutable once published: corrections
 * are added beside the original. A black-listed household may appeal within 15 days, and the restriction
 * lifts by itself after 3 months, or earlier on re-assessment. Pure rules only: no I/O here.
 */

export const HONOR_LISTS = ['red', 'black'] as const;
export type HonorList = (typeof HONOR_LISTS)[number];
export const HONOR_LIST_LABELS: Record<HonorList, string> = { red: '红榜', black: '黑榜' };

/** draft (the admin is still writing it) → pending (waiting for review) → published (immutable). */
export const BOARD_STATUSES = ['draft', 'pending', 'published'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];
export const BOARD_STATUS_LABELS: Record<BoardStatus, string> = {
  draft: '草稿',
  pending: '待审核',
  published: '已公布',
};

/** Entries can be added, changed or removed only while the board is a draft. */
export const canEditBoard = (status: BoardStatus): boolean => status === 'draft';

/** How long a black-list restriction runs from publication, in calendar months. */
export const RESTRICTION_MONTHS = 3;
/** Days after publication (counted in China time, the publication day not included) to appeal. */
export const APPEAL_DAYS = 15;
export const ENTRIES_MAX = 300;
export const NOTE_MAX = 200;
export const APPEAL_TEXT_MAX = 500;

// ------------------------------------------------------------------------------------------------ months

/** A board's month, `YYYY-MM`. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month a moment falls in, China time: `2026-11`. */
export function monthOf(ms: number): string {
  return inShanghai(ms).format('YYYY-MM');
}

/** 2026年11月 */
export function monthLabel(month: string): string {
  const m = MONTH_PATTERN.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

/** A village's board of a month: one per village and month, so its id is deterministic. */
export const boardId = (villageId: string, month: string) => `${villageId}_${month}`;

// ------------------------------------------------------------------------------------------------ time rules

/**
 * When a black-list restriction ends: the same moment 3 calendar months after publication, in China time. A
 * day that the end month lacks is clamped to its last day (published 11月30日 → ends 2月28日 or 29日).
 */
export function restrictionEndsAt(publishedAt: number): number {
  return inShanghai(publishedAt).add(RESTRICTION_MONTHS, 'month').valueOf();
}

export type RestrictionState = 'active' | 'expired' | 'lifted';

/**
 * Where a restriction stands at `now`: lifted (re-assessed, or its entry revoked on appeal), expired (it
 * lifts by itself at `endsAt`, exactly), or active.
 */
export function restrictionState(
  r: { endsAt: number; liftedAt: number | null },
  now: number,
): RestrictionState {
  if (r.liftedAt !== null && r.liftedAt <= now) return 'lifted';
  return now >= r.endsAt ? 'expired' : 'active';
}

/**
 * The last moment to appeal: the end of the 15th day after the day of publication, China time (published
 * 11月1日 10:00 → until 11月16日 24:00), so that a household always has 15 whole days.
 */
export function appealDeadline(publishedAt: number): number {
  return inShanghai(publishedAt).startOf('day').valueOf() + (APPEAL_DAYS + 1) * DAY_MS;
}

export const canAppeal = (publishedAt: number, now: number): boolean => now < appealDeadline(publishedAt);

// ------------------------------------------------------------------------------------------------ names

/**
 * A name as the black list shows it when the village masks names (the default): the first and last
 * characters kept, the middle starred — 张小明 → 张*明, 欧阳修文 → 欧**文, 张三 → 张*. Characters, not UTF-16
 * units, so rare characters outside the basic plane count as one.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Red-list names are always shown in full; black-list names are masked unless the village decided otherwise. */
export function shownName(name: string, list: HonorList, maskBlackNames: boolean): string {
  return list === 'black' && maskBlackNames ? maskName(name) : name;
}

// ------------------------------------------------------------------------------------------------ inputs

const text = (what: string, min: number, max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(min, min > 2 ? `${what}至少 ${min} 个字` : `请填写${what}`),
      z.maxLength(max, `${what}最多 ${max} 个字`),
    );

const month = z.string().check(z.regex(MONTH_PATTERN, '月份格式应为 2026-11'));
/** A rule's reason code within its village: short, stable, shown next to the plain words. */
const reasonCode = z.string().check(z.regex(/^[A-Za-z0-9-]{1,12}$/, '原因代码为 1–12 位字母、数字或 -'));

export const HONOR_FIELD_LABELS: Record<string, string> = {
  villageId: '村',
  code: '原因代码',
  list: '红黑榜',
  title: '通俗说明',
  article: '村规民约条文',
  active: '是否启用',
  maskBlackNames: '黑榜是否隐去姓名',
  month: '月份',
  boardId: '榜单编号',
  residentId: '村民',
  reasonCode: '原因代码',
  note: '说明',
  reward: '奖励',
  entryId: '上榜记录',
  date: '会议日期',
  reason: '原因',
  text: '申诉理由',
  appealId: '申诉编号',
  outcome: '处理结果',
  restrictionId: '限制编号',
  query: '姓名或户号',
};

// ------------------------------------------------------------------------------------------------ outputs

export interface RuleView {
  code: string;
  list: HonorList;
  title: string;
  article: string;
  active: boolean;
}

export interface EntryView {
  entryId: string;
  /** Shown as the village decided: black-list names masked unless it shows them (managers see them in full). */
  name: string;
  household: string;
  list: HonorList;
  reasonCode: string;
  /** The rule in plain words. */
  reasonTitle: string;
  note: string;
  reward: string | null;
  /** A correction published beside the original (e.g. revoked on appeal). */
  correction: { reason: string; at: number } | null;
}

export type ReviewView =
  | { kind: 'admin'; name: string; at: number }
  | { kind: 'assembly'; date: string; recordedBy: string; at: number };

export interface BoardView {
  boardId: string;
  villageId: string;
  villageName: string;
  month: string;
  status: BoardStatus;
  entries: EntryView[];
  draftedBy: string;
  review: ReviewView | null;
  /** Why a reviewer sent it back to draft, if they did. */
  returnedReason: string | null;
  publishedAt: number | null;
  canManage: boolean;
  /** A second admin may approve it now (not the one who drafted or submitted it). */
  canApprove: boolean;
}

export interface BoardSummary {
  boardId: string;
  month: string;
  status: BoardStatus;
  red: number;
  black: number;
  publishedAt: number | null;
}

export interface AppealView {
  appealId: string;
  status: 'open' | 'upheld' | 'revoked';
  text: string;
  createdAt: number;
  resolution: { reason: string; name: string; at: number } | null;
}

export interface RestrictionView {
  restrictionId: string;
  state: RestrictionState;
  startsAt: number;
  endsAt: number;
  liftedAt: number | null;
  liftReason: string | null;
}

export interface StandingEntry {
  boardId: string;
  month: string;
  entry: EntryView;
  appeal: AppealView | null;
  /** Until when an appeal may be made (black list only), and whether it still can. */
  appealUntil: number | null;
  canAppeal: boolean;
  restriction: RestrictionView | null;
}

/**
 * Every action of the `honor` function, named once: its input schema (shared by the client's forms and the
 * router), its result type, who may call it (the authorization matrix, core/access.ts) and the finer rule.
 */
export const honorActions = {
  listRules: {
    input: z.object({ villageId: z.optional(idSchema) }),
    output: returns<{ villageId: string; rules: RuleView[]; maskBlackNames: boolean }>(),
    allow: RESIDENT,
  },
  saveRule: {
    input: z.object({
      villageId: z.optional(idSchema),
      code: reasonCode,
      list: z.enum(HONOR_LISTS),
      title: text('通俗说明', 2, 40),
      article: text('村规民约条文', 2, 300),
      active: z.boolean(),
    }),
    output: returns<{ rule: RuleView }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  saveSettings: {
    input: z.object({ villageId: z.optional(idSchema), maskBlackNames: z.boolean() }),
    output: returns<{ maskBlackNames: boolean }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  listBoards: {
    input: z.object({ villageId: z.optional(idSchema) }),
    output: returns<{ villageId: string; boards: BoardSummary[] }>(),
    allow: RESIDENT,
    rule: 'published boards of the resident’s village; all to its admins',
  },
  getBoard: {
    input: z.object({ boardId: idSchema }),
    output: returns<BoardView>(),
    allow: RESIDENT,
    rule: 'as listBoards',
  },
  createBoard: {
    input: z.object({ villageId: z.optional(idSchema), month }),
    output: returns<{ boardId: string }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  addEntry: {
    input: z.object({
      boardId: idSchema,
      residentId: idSchema,
      list: z.enum(HONOR_LISTS),
      reasonCode,
      note: z.optional(text('说明', 0, NOTE_MAX)),
      /** Red list only: what the household receives (e.g. 洗衣粉一袋、积分 20 分). */
      reward: z.optional(text('奖励', 2, 40)),
    }),
    output: returns<{ entryId: string }>(),
    allow: ADMINS,
    rule: `${OWN_VILLAGE}, while the board is a draft`,
  },
  removeEntry: {
    input: z.object({ boardId: idSchema, entryId: idSchema }),
    output: returns<{ removed: true }>(),
    allow: ADMINS,
    rule: `${OWN_VILLAGE}, while the board is a draft`,
  },
  submitBoard: {
    input: z.object({ boardId: idSchema }),
    output: returns<{ status: BoardStatus }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  returnBoard: {
    input: z.object({ boardId: idSchema, reason: text('退回原因', 2, 100) }),
    output: returns<{ status: BoardStatus }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  approveBoard: {
    input: z.object({ boardId: idSchema }),
    output: returns<{ status: BoardStatus; restrictions: number }>(),
    allow: ADMINS,
    rule: `${OWN_VILLAGE}, not the one who drafted or submitted it`,
  },
  /** The 村民代表大会 passed the board on this date (China time, a date picker's YYYY-MM-DD). */
  recordAssembly: {
    input: z.object({
      boardId: idSchema,
      date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '请选择会议日期')),
    }),
    output: returns<{ status: BoardStatus; restrictions: number }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  addCorrection: {
    input: z.object({ boardId: idSchema, entryId: idSchema, reason: text('更正原因', 2, NOTE_MAX) }),
    output: returns<{ correction: { reason: string; at: number } }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  searchHouseholds: {
    input: z.object({ villageId: z.optional(idSchema), query: text('姓名或户号', 1, 20) }),
    output: returns<{ residents: { residentId: string; name: string; household: string }[] }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  myStanding: {
    input: z.object({}),
    output: returns<{
      household: string;
      villageName: string;
      /** The household's current black-list restriction, if any (restrictionStatus). */
      restricted: { until: number; reasonTitle: string } | null;
      entries: StandingEntry[];
    }>(),
    allow: RESIDENT,
    rule: 'their own household',
  },
  appeal: {
    input: z.object({ boardId: idSchema, entryId: idSchema, text: text('申诉理由', 10, APPEAL_TEXT_MAX) }),
    output: returns<{ appealId: string }>(),
    allow: RESIDENT,
    rule: 'a member of a household on the board',
  },
  /** Open appeals of the village, oldest first, with the entry they are about (admins). */
  listAppeals: {
    input: z.object({ villageId: z.optional(idSchema) }),
    output: returns<{
      appeals: (AppealView & { boardId: string; month: string; entry: EntryView })[];
    }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  resolveAppeal: {
    input: z.object({
      appealId: idSchema,
      outcome: z.enum(['upheld', 'revoked']),
      reason: text('处理意见', 2, NOTE_MAX),
    }),
    output: returns<{ status: AppealView['status'] }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
  reassess: {
    input: z.object({
      restrictionId: idSchema,
      outcome: z.enum(['lifted', 'kept']),
      note: text('复评意见', 2, NOTE_MAX),
    }),
    output: returns<{ state: RestrictionState }>(),
    allow: ADMINS,
    rule: OWN_VILLAGE,
  },
} satisfies ActionMap;

/** The input schemas by action (for forms that validate as the function does). */
export const honorInput = inputSchemas(honorActions);
export type HonorInput = InputsOf<typeof honorActions>;
export type HonorOutput = OutputsOf<typeof honorActions>;
