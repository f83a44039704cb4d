import * as z from 'zod/mini';
import { inputSchemas, returns, type ActionMap, type InputsOf, type OutputsOf } from '../action';
import { RESIDENT, ADMINS, OWN_VILLAGE } from '../roles';
import { idSchema } from '../validation';
import type {
  AppealView,
  BoardSummary,
  BoardView,
  EntryView,
  RestrictionState,
  RuleView,
  StandingEntry,
} from './views';

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

/** How long a black-list restriction runs from publication, in calendar months. */
export const RESTRICTION_MONTHS = 3;
/** Days after publication (counted in China time, the publication day not included) to appeal. */
export const APPEAL_DAYS = 15;
export const ENTRIES_MAX = 300;
export const NOTE_MAX = 200;
export const APPEAL_TEXT_MAX = 500;

/** A board's month, `YYYY-MM`. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

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
