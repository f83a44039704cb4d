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

import {
  BP,
  MIN_TRANSACTION_RETURN_BP,
  SHARE_CLASSES,
  type Basis,
  type Holding,
  type ShareClass,
  type ShareTerms,
  type SplitRule,
} from './contract';
import { decimal, decimalOfNumbers, lcm } from './exact';
import type { Distribution, HouseholdLine, HouseholdView, Part } from './views';

export interface DistributionInput {
  profitFen: number;
  rule: SplitRule;
  basis: Basis;
  /** Share of the members' pool returned by transactions (`transactions` basis only), basis points ≥ 6,000. */
  transactionReturnBp: number;
  terms: ShareTerms;
  holdings: Holding[];
}

export class DistributionError extends Error {
  override name = 'DistributionError';
}

// ------------------------------------------------------------------------------------------------ division

/**
 * Divides `pool` fen among parts in proportion to `weights` (≥ 0) by the largest-remainder method. Ties go to
 * the smaller key. When every weight is 0 nobody gets anything (the pool is then undistributed: the caller
 * refuses that case).
 */
export function largestRemainder(pool: bigint, weights: bigint[], keys: string[]): Part[] {
  const total = weights.reduce((a, b) => a + b, BigInt(0));
  if (total === BigInt(0)) {
    return weights.map(() => ({ exact: '0.0000', floorFen: 0, adjustmentFen: 0, fen: 0 }));
  }
  const floors = weights.map((w) => (pool * w) / total);
  const remainders = weights.map((w) => (pool * w) % total);
  let left = pool - floors.reduce((a, b) => a + b, BigInt(0));
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
    if (left === BigInt(0)) break;
    if (remainders[i] === BigInt(0)) break;
    adjust[i] = 1;
    left -= BigInt(1);
  }
  // pool·w / total to 4 places, from the floor and remainder already known: one small division per part.
  const twice = BigInt(2) * total;
  const exact = (i: number) => {
    const r = Number((remainders[i]! * BigInt(20_000) + total) / twice);
    const int = Number(floors[i]!) + (r === 10_000 ? 1 : 0);
    return `${int}.${String(r % 10_000).padStart(4, '0')}`;
  };
  return weights.map((_w, i) => ({
    exact: exact(i),
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
    if (w.shares.every((x) => x === BigInt(0))) problems.push('没有任何有效股份，无法按股分配');
    if (input.basis === 'transactions' && w.volumes.every((x) => x === BigInt(0))) {
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
  const D = lcm(lcm(dCapital, BigInt(10000)), BigInt(100));
  // Per-class factors, once: weight × the class's scale to the common denominator D.
  const capital = BigInt(terms.weights.capital) * (D / dCapital);
  const land = BigInt(terms.weights.land) * BigInt(terms.centiSharesPerMu) * (D / BigInt(10000));
  const allocated = BigInt(terms.weights.allocated) * (D / BigInt(100));
  const collective = BigInt(terms.weights.collective) * (D / BigInt(100));
  const zero = BigInt(0);
  const shares = input.holdings.map(
    (h) =>
      capital * BigInt(h.capitalFen) +
      (h.landCentiMu ? land * BigInt(h.landCentiMu) : zero) +
      (h.allocatedCentiShares ? allocated * BigInt(h.allocatedCentiShares) : zero) +
      (h.collectiveCentiShares ? collective * BigInt(h.collectiveCentiShares) : zero),
  );
  // Weights are in hundredths: the weighted shares are shares[i] / (D * 100).
  return { shares, volumes: input.holdings.map((h) => BigInt(h.volumeFen)), denominator: D * BigInt(100) };
}

/** `n / d` to 4 places for counts small enough to be exact in doubles (decimal's fast path, without BigInt). */
function smallDecimal(n: number, d: number): string {
  if (n === 0) return '0.0000'; // most households hold no land, 配股 or collective shares
  return n * 20_000 + d <= Number.MAX_SAFE_INTEGER
    ? decimalOfNumbers(n, d, 4)
    : decimal(BigInt(n), BigInt(d));
}

function classShares(h: Holding, terms: ShareTerms): Record<ShareClass, string> {
  return {
    capital: smallDecimal(h.capitalFen, terms.fenPerShare),
    land: smallDecimal(h.landCentiMu * terms.centiSharesPerMu, 10000),
    allocated: smallDecimal(h.allocatedCentiShares, 100),
    collective: smallDecimal(h.collectiveCentiShares, 100),
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

  const totalShares = shares.reduce((a, b) => a + b, BigInt(0));
  const totalVolume = volumes.reduce((a, b) => a + b, BigInt(0));
  return {
    profitFen: input.profitFen,
    basis: input.basis,
    pools: { ...pools, byVolumeFen, bySharesFen },
    totalWeightedShares: decimal(totalShares, denominator),
    totalVolumeFen: Number(totalVolume),
    // 元 per weighted share = (pool fen / 100) / (total / denominator)
    ratePerShare: decimal(BigInt(bySharesFen) * denominator, totalShares * BigInt(100)),
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
