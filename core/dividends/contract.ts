/**
 * 合作社分红: dividing a cooperative's distributable profit, exact to the fen and explainable to every household
 * (seeds 000, 001). Pure arithmetic: integer fen, BigInt products, no floating point in any amount.
 *
 * 1. The profit is split into pools by the cooperative's rule (seed 000: 30% next year's operations, 10% the
 *    village collective, 60% the shareholders), in basis points.
 * 2. The shareholders' pool is divided by the basis the law gives the cooperative's legal form:
 *    - 股份经济合作社 (`shares`): by weighted shares, as its 章程 says;
 *    - 农民专业合作社 (`transactions`): at least 60% returned in proportion to each member's transactions with the
 *      cooperative (交易量), the rest by weighted shares.
 * 3. Shares come in classes (seed 001: 村集体控股, 群众参股, 贫困户配股; seed 000: land and capital): capital in fen
 *    converted at a price per share, land in 0.01 亩 converted at shares per 亩, allocated and collective shares
 *    as given (in 0.01 shares). Each class has a weight (100 = 1×).
 *
 * Every division uses the largest-remainder method: each part gets the floor of its exact share, then the fen
 * left over go one each to the parts with the largest fractional remainders, so the parts sum exactly to the
 * pool. Ties (equal remainders) go to the smaller household id first — never to roster order — so the result
 * does not depend on how the roster is sorted, and households with equal shares differ by at most 1 fen.
 */

import * as z from 'zod/mini';
import { inputSchemas, returns, type ActionMap, type InputsOf, type OutputsOf } from '../action';
import { ANYONE, RESIDENT, ADMINS, DIVIDEND_MANAGERS } from '../roles';
import { idSchema, trimmedText } from '../validation';

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

export interface DistributionInput {
  profitFen: number;
  rule: SplitRule;
  basis: Basis;
  /** Share of the members' pool returned by transactions (`transactions` basis only), basis points ≥ 6,000. */
  transactionReturnBp: number;
  terms: ShareTerms;
  holdings: Holding[];
}

/** A part of one pool: the exact share as a decimal string, the floor, and the fen the rounding added (0 or 1). */
export interface Part {
  exact: string;
  floorFen: number;
  adjustmentFen: number;
  fen: number;
}

export interface HouseholdLine {
  householdId: string;
  name: string;
  /** Shares of each class after conversion, to 4 decimals (explanation only). */
  shares: Record<ShareClass, string>;
  /** Weighted shares, to 4 decimals (explanation only). */
  weightedShares: string;
  volumeFen: number;
  byShares: Part;
  byVolume: Part | null;
  amountFen: number;
}

export interface Distribution {
  profitFen: number;
  basis: Basis;
  pools: {
    reserveFen: number;
    collectiveFen: number;
    membersFen: number;
    byVolumeFen: number;
    bySharesFen: number;
  };
  totalWeightedShares: string;
  totalVolumeFen: number;
  /** 元 per weighted share, to 4 decimals (explanation only; amounts come from the exact division). */
  ratePerShare: string;
  /** 元 per 元 of transactions, to 4 decimals (transactions basis). */
  ratePerVolumeYuan: string | null;
  lines: HouseholdLine[];
}

export class DistributionError extends Error {
  override name = 'DistributionError';
}

// ------------------------------------------------------------------------------------------------ arithmetic

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/** `n / d` as a decimal string with `places` decimals, rounded half up (n, d ≥ 0, d > 0). */
export function decimal(n: bigint, d: bigint, places = 4): string {
  const scale = 10n ** BigInt(places);
  const q = (n * scale * 2n + d) / (2n * d);
  const int = q / scale;
  const frac = (q % scale).toString().padStart(places, '0');
  return places ? `${int}.${frac}` : `${int}`;
}

/**
 * Divides `pool` fen among parts in proportion to `weights` (≥ 0) by the largest-remainder method. Ties go to
 * the smaller key. When every weight is 0 nobody gets anything (the pool is then undistributed: the caller
 * refuses that case).
 */
export function largestRemainder(pool: bigint, weights: bigint[], keys: string[]): Part[] {
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) {
    return weights.map(() => ({ exact: '0.0000', floorFen: 0, adjustmentFen: 0, fen: 0 }));
  }
  const floors = weights.map((w) => (pool * w) / total);
  const remainders = weights.map((w) => (pool * w) % total);
  let left = pool - floors.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) =>
      remainders[a]! !== remainders[b]!
        ? remainders[b]! > remainders[a]!
          ? 1
          : -1
        : keys[a]! < keys[b]!
          ? -1
          : keys[a]! > keys[b]!
            ? 1
            : 0,
    );
  const adjust = weights.map(() => 0);
  for (const i of order) {
    if (left === 0n) break;
    if (remainders[i] === 0n) break;
    adjust[i] = 1;
    left -= 1n;
  }
  return weights.map((w, i) => ({
    exact: decimal(pool * w, total),
    floorFen: Number(floors[i]),
    adjustmentFen: adjust[i]!,
    fen: Number(floors[i]!) + adjust[i]!,
  }));
}

/** Splits the profit into the rule's three pools (largest remainder; ties: reserve, collective, members). */
export function splitPools(
  profitFen: number,
  rule: SplitRule,
): { reserveFen: number; collectiveFen: number; membersFen: number } {
  const [reserve, collective, members] = largestRemainder(
    BigInt(profitFen),
    [BigInt(rule.reserveBp), BigInt(rule.collectiveBp), BigInt(rule.membersBp)],
    ['0', '1', '2'],
  );
  return { reserveFen: reserve!.fen, collectiveFen: collective!.fen, membersFen: members!.fen };
}

// ------------------------------------------------------------------------------------------------ checks

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** Problems with an input, in Chinese, or [] when it can be computed. */
export function checkInput(input: DistributionInput): string[] {
  const problems: string[] = [];
  const { rule, terms } = input;
  if (!isCount(input.profitFen)) problems.push('可分配盈余必须是不小于 0 的整数（分）');
  if (![rule.reserveBp, rule.collectiveBp, rule.membersBp].every(isCount))
    problems.push('分配比例必须是整数');
  else if (rule.reserveBp + rule.collectiveBp + rule.membersBp !== BP)
    problems.push('三项分配比例之和必须是 100%');
  if (input.basis === 'transactions') {
    if (
      !isCount(input.transactionReturnBp) ||
      input.transactionReturnBp < MIN_TRANSACTION_RETURN_BP ||
      input.transactionReturnBp > BP
    ) {
      problems.push('按交易量返还的比例应在 60% 到 100% 之间');
    }
  }
  if (!(Number.isSafeInteger(terms.fenPerShare) && terms.fenPerShare > 0))
    problems.push('每股金额必须大于 0');
  if (!(Number.isSafeInteger(terms.centiSharesPerMu) && terms.centiSharesPerMu > 0))
    problems.push('每亩折股数必须大于 0');
  if (!SHARE_CLASSES.every((c) => isCount(terms.weights[c]))) problems.push('股份权重必须是不小于 0 的整数');
  if (input.holdings.length === 0) problems.push('股东名册是空的');
  const seen = new Set<string>();
  input.holdings.forEach((h, i) => {
    if (seen.has(h.householdId)) problems.push(`第 ${i + 1} 户重复：${h.name}`);
    seen.add(h.householdId);
    if (
      ![h.capitalFen, h.landCentiMu, h.allocatedCentiShares, h.collectiveCentiShares, h.volumeFen].every(
        isCount,
      )
    ) {
      problems.push(`第 ${i + 1} 户（${h.name}）的股份或交易额不是不小于 0 的整数`);
    }
  });
  if (problems.length === 0) {
    const w = weightsOf(input);
    if (w.shares.every((x) => x === 0n)) problems.push('没有任何有效股份，无法按股分配');
    if (input.basis === 'transactions' && w.volumes.every((x) => x === 0n)) {
      problems.push('没有任何交易额，无法按交易量返还');
    }
  }
  return problems;
}

// ------------------------------------------------------------------------------------------------ computation

/**
 * Weighted shares of every holding as integers over one common denominator D (exact: capital converts at
 * 1/fenPerShare, land at centiSharesPerMu/10,000, the other classes at 1/100; weights are in hundredths).
 */
function weightsOf(input: DistributionInput): { shares: bigint[]; volumes: bigint[]; denominator: bigint } {
  const { terms } = input;
  const dCapital = BigInt(terms.fenPerShare);
  const D = lcm(lcm(dCapital, 10_000n), 100n);
  const w = (c: ShareClass) => BigInt(terms.weights[c]);
  const shares = input.holdings.map(
    (h) =>
      w('capital') * BigInt(h.capitalFen) * (D / dCapital) +
      w('land') * BigInt(h.landCentiMu) * BigInt(terms.centiSharesPerMu) * (D / 10_000n) +
      w('allocated') * BigInt(h.allocatedCentiShares) * (D / 100n) +
      w('collective') * BigInt(h.collectiveCentiShares) * (D / 100n),
  );
  // Weights are in hundredths: the weighted shares are shares[i] / (D * 100).
  return { shares, volumes: input.holdings.map((h) => BigInt(h.volumeFen)), denominator: D * 100n };
}

function classShares(h: Holding, terms: ShareTerms): Record<ShareClass, string> {
  return {
    capital: decimal(BigInt(h.capitalFen), BigInt(terms.fenPerShare)),
    land: decimal(BigInt(h.landCentiMu) * BigInt(terms.centiSharesPerMu), 10_000n),
    allocated: decimal(BigInt(h.allocatedCentiShares), 100n),
    collective: decimal(BigInt(h.collectiveCentiShares), 100n),
  };
}

/** Computes a distribution; throws DistributionError with the first problem when the input is not valid. */
export function distribute(input: DistributionInput): Distribution {
  const problems = checkInput(input);
  if (problems.length) throw new DistributionError(problems[0]);
  const pools = splitPools(input.profitFen, input.rule);
  const keys = input.holdings.map((h) => h.householdId);
  const { shares, volumes, denominator } = weightsOf(input);

  let byVolumeFen = 0;
  let bySharesFen = pools.membersFen;
  if (input.basis === 'transactions') {
    const [v, s] = largestRemainder(
      BigInt(pools.membersFen),
      [BigInt(input.transactionReturnBp), BigInt(BP - input.transactionReturnBp)],
      ['0', '1'],
    );
    byVolumeFen = v!.fen;
    bySharesFen = s!.fen;
  }
  const shareParts = largestRemainder(BigInt(bySharesFen), shares, keys);
  const volumeParts =
    input.basis === 'transactions' ? largestRemainder(BigInt(byVolumeFen), volumes, keys) : null;

  const totalShares = shares.reduce((a, b) => a + b, 0n);
  const totalVolume = volumes.reduce((a, b) => a + b, 0n);
  return {
    profitFen: input.profitFen,
    basis: input.basis,
    pools: { ...pools, byVolumeFen, bySharesFen },
    totalWeightedShares: decimal(totalShares, denominator),
    totalVolumeFen: Number(totalVolume),
    // 元 per weighted share = (pool fen / 100) / (total / denominator)
    ratePerShare: decimal(BigInt(bySharesFen) * denominator, totalShares * 100n),
    ratePerVolumeYuan: volumeParts ? decimal(BigInt(byVolumeFen), totalVolume) : null,
    lines: input.holdings.map((h, i) => ({
      householdId: h.householdId,
      name: h.name,
      shares: classShares(h, input.terms),
      weightedShares: decimal(shares[i]!, denominator),
      volumeFen: h.volumeFen,
      byShares: shareParts[i]!,
      byVolume: volumeParts ? volumeParts[i]! : null,
      amountFen: shareParts[i]!.fen + (volumeParts ? volumeParts[i]!.fen : 0),
    })),
  };
}

// ------------------------------------------------------------------------------------------------ words

/** 1234567 fen → "12,345.67" 元 (no floating point). */
export function yuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const int = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${int}.${String(abs % 100).padStart(2, '0')}`;
}

/** The formula of a household's amount in words, as the lookup page shows it. */
export function formulaInWords(d: Distribution, line: HouseholdLine): string {
  const parts = [
    `股民分红池 ${yuan(d.pools.bySharesFen)} 元 × 本户折合股数 ${line.weightedShares} ÷ 全社折合股数 ${d.totalWeightedShares} = ${line.byShares.exact} 分`,
  ];
  if (line.byVolume) {
    parts.unshift(
      `交易量返还池 ${yuan(d.pools.byVolumeFen)} 元 × 本户交易额 ${yuan(line.volumeFen)} 元 ÷ 全社交易额 ${yuan(d.totalVolumeFen)} 元 = ${line.byVolume.exact} 分`,
    );
  }
  const adjustment = line.byShares.adjustmentFen + (line.byVolume?.adjustmentFen ?? 0);
  parts.push(
    `取整到分${adjustment ? `，按“最大余数法”补 ${adjustment} 分` : ''}，合计 ${yuan(line.amountFen)} 元`,
  );
  return parts.join('；');
}

/** Every line with its household label and formula, as stored with a computed distribution. */
export function householdViews(d: Distribution, rows: { household: string }[]): HouseholdView[] {
  return d.lines.map((l, i) => ({ ...l, household: rows[i]!.household, formula: formulaInWords(d, l) }));
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
/**
 * A roster file travels inside the function call, whose request WeChat caps at 100 KB of text: base64 of a file
 * up to 70 KB (a CSV of about 1,500 households) fits. Larger files would go through wx.cloud.CDN (not done).
 */
export const ROSTER_FILE_MAX_BYTES = 70 * 1024;
export const ROSTER_FILE_MAX_BASE64 = Math.ceil(ROSTER_FILE_MAX_BYTES / 3) * 4;
export const ROSTER_FILE_TOO_BIG = '文件太大（最多 70 KB，约一千五百户）：请删去多余的工作表、列和格式后重试';

/** One row of a cooperative's roster, as stored and shown to its managers. */
export interface RosterRow extends Holding {
  /** The household label (户号), as the village's books write it. */
  household: string;
  villageId: string;
}

export interface CooperativeSummary {
  coopId: string;
  villageId: string;
  villageName: string;
  name: string;
  industry: string;
  legalForm: LegalForm;
  basis: Basis;
  rule: SplitRule;
  transactionReturnBp: number;
  terms: ShareTerms;
  shareholders: number;
  /** The newest published distribution, if any. */
  latest: DistributionSummary | null;
}

export interface DistributionSummary {
  distributionId: string;
  coopId: string;
  coopName: string;
  year: number;
  version: number;
  status: DistributionStatus;
  basis: Basis;
  profitFen: number;
  pools: Distribution['pools'] | null;
  shareholders: number;
  totalWeightedShares: string | null;
  ratePerShare: string | null;
  ratePerVolumeYuan: string | null;
  /** Why this version corrects an earlier one. */
  reason: string | null;
  /** The version that corrects this one, when there is one. */
  supersededBy: string | null;
  declaredBy: string;
  reviewedBy: string | null;
  publishedAt: number | null;
}

/** A household's line in a distribution, with everything needed to explain it. */
export interface HouseholdView extends HouseholdLine {
  household: string;
  formula: string;
}

export interface MyDividend {
  summary: DistributionSummary;
  legalForm: LegalForm;
  line: HouseholdView;
}

export interface CooperativeView extends CooperativeSummary {
  distributions: DistributionSummary[];
  canManage: boolean;
  /** Managers only. */
  roster: RosterRow[] | null;
  board: { residentId: string; name: string }[];
}

export interface DistributionView {
  summary: DistributionSummary;
  legalForm: LegalForm;
  rule: SplitRule;
  transactionReturnBp: number;
  terms: ShareTerms;
  /** Every household's line: managers only. */
  lines: HouseholdView[] | null;
  /** The caller's household's line, if it is on the roster. */
  mine: HouseholdView | null;
  canManage: boolean;
  canReview: boolean;
  canPublish: boolean;
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
  contentBase64: '文件',
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
      /** The file's bytes, base64: an Excel workbook (.xlsx) or a CSV (UTF-8 or GBK). */
      contentBase64: z.string().check(z.maxLength(ROSTER_FILE_MAX_BASE64, ROSTER_FILE_TOO_BIG)),
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
