/**
 * 合作社分红: the `dividends` function's contract — legal forms, share classes, the split rule and terms a
 * cooperative keeps, a distribution's statuses, the roster limits, every action's input schema and result
 * type (views.ts), and the field labels. The computation itself is rules.ts.
 */

import * as z from 'zod/mini';
import { inputSchemas, returns, type ActionMap, type InputsOf, type OutputsOf } from '../action';
import { ANYONE, RESIDENT, ADMINS, DIVIDEND_MANAGERS } from '../roles';
import { fileIdSchema, idSchema, trimmedText } from '../validation';
import type {
  CooperativeSummary,
  CooperativeView,
  Distribution,
  DistributionView,
  HouseholdView,
  MyDividend,
} from './views';

export const LEGAL_FORMS = ['shareCoop', 'farmerCoop'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];
export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  shareCoop: '股份经济合作社',
  farmerCoop: '农民专业合作社',
};

export type Basis = 'shares' | 'transactions';
/** The basis the law gives each legal form. */
export const BASIS_OF: Record<LegalForm, Basis> = { shareCoop: 'shares', farmerCoop: 'transactions' };
export const BASIS_LABELS: Record<Basis, string> = {
  shares: '按股份分配（依合作社章程）',
  transactions: '按交易量返还（不低于可分配盈余的60%），其余按股份分配',
};

export const SHARE_CLASSES = ['capital', 'land', 'allocated', 'collective'] as const;
export type ShareClass = (typeof SHARE_CLASSES)[number];
export const SHARE_CLASS_LABELS: Record<ShareClass, string> = {
  capital: '资金入股',
  land: '土地入股',
  allocated: '配股（贫困户）',
  collective: '村集体股',
};

/** 10,000 basis points = 100%. */
export const BP = 10_000;
/** The least share of the members' pool a 农民专业合作社 returns by transactions (the law: 60%). */
export const MIN_TRANSACTION_RETURN_BP = 6_000;
export const DEFAULT_SPLIT: SplitRule = { reserveBp: 3_000, collectiveBp: 1_000, membersBp: 6_000 };

/** How the profit is split: basis points that add up to 10,000. */
export interface SplitRule {
  /** 下一年度运营保障 */
  reserveBp: number;
  /** 村集体 */
  collectiveBp: number;
  /** 股民 */
  membersBp: number;
}

/** How holdings become shares, and what a share of each class weighs (100 = 1×). */
export interface ShareTerms {
  /** Capital: fen per share (e.g. 100,000 = 1,000 元 a share). */
  fenPerShare: number;
  /** Land: hundredths of a share per 亩 (e.g. 100 = 1 share a 亩). */
  centiSharesPerMu: number;
  weights: Record<ShareClass, number>;
}

export const DEFAULT_TERMS: ShareTerms = {
  fenPerShare: 100_000,
  centiSharesPerMu: 100,
  weights: { capital: 100, land: 100, allocated: 100, collective: 100 },
};

/** One shareholder household of the roster. All amounts are integers. */
export interface Holding {
  householdId: string;
  name: string;
  /** Capital paid in, fen. */
  capitalFen: number;
  /** Land put in, hundredths of a 亩. */
  landCentiMu: number;
  /** Allocated shares (配股), hundredths of a share. */
  allocatedCentiShares: number;
  /** The village collective's shares, hundredths of a share (usually one holder: the collective itself). */
  collectiveCentiShares: number;
  /** Transactions with the cooperative this year, fen (the basis of a 农民专业合作社's return). */
  volumeFen: number;
}

// ------------------------------------------------------------------------------------------------ the function's API

/**
 * A distribution's life: declared (the profit stated) → computed (the roster snapshot divided) → reviewed (a
 * second manager checked it) → published (immutable, shown to households). A correction is a new version of the
 * same year with a reason; the earlier one stays visible, marked superseded.
 */
export const DISTRIBUTION_STATUSES = ['declared', 'computed', 'reviewed', 'published'] as const;
export type DistributionStatus = (typeof DISTRIBUTION_STATUSES)[number];
export const DISTRIBUTION_STATUS_LABELS: Record<DistributionStatus, string> = {
  declared: '已申报',
  computed: '已核算',
  reviewed: '已复核',
  published: '已公布',
};

export const ROSTER_MAX = 20_000;
/** One row of a cooperative's roster, as stored and shown to its managers. */
export interface RosterRow extends Holding {
  /** The household label (户号), as the village's books write it. */
  household: string;
  villageId: string;
}

// ------------------------------------------------------------------------------------------------ input

const count = (what: string, max = Number.MAX_SAFE_INTEGER) =>
  z.int().check(z.minimum(0, `${what}不能小于 0`), z.maximum(max, `${what}太大`));
const bp = (what: string) => count(what, BP);

const rule = z
  .object({ reserveBp: bp('运营保障比例'), collectiveBp: bp('村集体比例'), membersBp: bp('股民比例') })
  .check(
    z.refine((r) => r.reserveBp + r.collectiveBp + r.membersBp === BP, {
      message: '三项分配比例之和必须是 100%',
      path: ['membersBp'],
    }),
  );

const terms = z.object({
  fenPerShare: z.int().check(z.minimum(1, '每股金额必须大于 0'), z.maximum(100_000_000, '每股金额太大')),
  centiSharesPerMu: z
    .int()
    .check(z.minimum(1, '每亩折股数必须大于 0'), z.maximum(1_000_000, '每亩折股数太大')),
  weights: z.object({
    capital: count('资金入股权重', 10_000),
    land: count('土地入股权重', 10_000),
    allocated: count('配股权重', 10_000),
    collective: count('村集体股权重', 10_000),
  }),
});

const year = z.int().check(z.minimum(2000, '年度无效'), z.maximum(2100, '年度无效'));

export const DIVIDENDS_FIELD_LABELS: Record<string, string> = {
  coopId: '合作社',
  villageId: '村（社区）',
  name: '合作社名称',
  industry: '产业',
  legalForm: '组织形式',
  rule: '分配比例',
  transactionReturnBp: '按交易量返还比例',
  terms: '折股办法',
  board: '理事会成员',
  filename: '文件名',
  fileID: '文件',
  year: '年度',
  profitFen: '可分配盈余',
  corrects: '更正',
  reason: '更正原因',
  distributionId: '分配方案',
};

/**
 * Every action of the `dividends` function, named once: its input schema (shared by the client's forms and the
 * router), its result type, who may call it (the authorization matrix, core/access.ts) and the finer rule.
 */
export const dividendsActions = {
  listCooperatives: {
    input: z.object({ villageId: z.optional(idSchema) }),
    output: returns<{ cooperatives: CooperativeSummary[] }>(),
    allow: ANYONE,
    rule: 'public summaries, no household amount',
  },
  getCooperative: {
    input: z.object({ coopId: idSchema }),
    output: returns<CooperativeView>(),
    allow: ANYONE,
    rule: `the roster only for ${DIVIDEND_MANAGERS}`,
  },
  saveCooperative: {
    input: z.object({
      coopId: z.optional(idSchema),
      villageId: idSchema,
      name: trimmedText('合作社名称', 4, '请填写合作社全称', 40),
      industry: trimmedText('产业', 2, '请填写产业', 40),
      legalForm: z.enum(LEGAL_FORMS),
      rule,
      transactionReturnBp: z
        .int()
        .check(
          z.minimum(MIN_TRANSACTION_RETURN_BP, '按交易量返还不得低于可分配盈余的 60%'),
          z.maximum(BP, '按交易量返还不能超过 100%'),
        ),
      terms,
      board: z.array(idSchema).check(z.maxLength(15, '理事会成员最多 15 人')),
    }),
    output: returns<{ coopId: string }>(),
    allow: ADMINS,
    rule: "an admin of the cooperative's village, or a town admin",
  },
  importRoster: {
    input: z.object({
      coopId: idSchema,
      filename: trimmedText('文件名', 1, '缺少文件名', 120),
      /** The uploaded file in cloud storage (`uploads/…`): an Excel workbook (.xlsx) or a CSV (UTF-8 or GBK). */
      fileID: fileIdSchema,
    }),
    output: returns<{ rows: number; households: number }>(),
    allow: RESIDENT,
    rule: DIVIDEND_MANAGERS,
  },
  declare: {
    input: z.object({
      coopId: idSchema,
      year,
      profitFen: count('可分配盈余', 1_000_000_000_000),
      /** A correction of a published distribution of the same year, with the reason everyone will see. */
      corrects: z.optional(
        z.object({
          distributionId: idSchema,
          reason: trimmedText('更正原因', 5, '请写清更正原因（至少 5 个字）', 200),
        }),
      ),
    }),
    output: returns<{ distributionId: string; version: number }>(),
    allow: RESIDENT,
    rule: DIVIDEND_MANAGERS,
  },
  compute: {
    input: z.object({ distributionId: idSchema }),
    output: returns<DistributionView>(),
    allow: RESIDENT,
    rule: DIVIDEND_MANAGERS,
  },
  review: {
    input: z.object({ distributionId: idSchema }),
    output: returns<{ status: DistributionStatus }>(),
    allow: RESIDENT,
    rule: `${DIVIDEND_MANAGERS}, not the declarer`,
  },
  publish: {
    input: z.object({ distributionId: idSchema }),
    output: returns<{ status: DistributionStatus }>(),
    allow: RESIDENT,
    rule: `${DIVIDEND_MANAGERS}, once reviewed`,
  },
  getDistribution: {
    input: z.object({ distributionId: idSchema }),
    output: returns<DistributionView>(),
    allow: ANYONE,
    rule: 'the summary to anyone; the own line to the household; every line to the managers',
  },
  whatIf: {
    input: z.object({ distributionId: idSchema, profitFen: count('可分配盈余', 1_000_000_000_000) }),
    output: returns<{ profitFen: number; pools: Distribution['pools']; mine: HouseholdView | null }>(),
    allow: ANYONE,
    rule: 'only the caller’s own line comes back',
  },
  exportDistribution: {
    input: z.object({ distributionId: idSchema }),
    output: returns<{ filename: string; csv: string; rows: number }>(),
    allow: RESIDENT,
    rule: DIVIDEND_MANAGERS,
  },
  myDividends: {
    input: z.object({}),
    output: returns<{ dividends: MyDividend[]; household: string | null }>(),
    allow: RESIDENT,
    rule: 'their own household',
  },
} satisfies ActionMap;

/** The input schemas by action (for forms that validate as the function does). */
export const dividendsInput = inputSchemas(dividendsActions);
export type DividendsInput = InputsOf<typeof dividendsActions>;
export type DividendsOutput = OutputsOf<typeof dividendsActions>;
