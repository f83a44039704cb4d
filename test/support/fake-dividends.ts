import {
  BASIS_OF,
  DEFAULT_SPLIT,
  DEFAULT_TERMS,
  distribute,
  formulaInWords,
  type CooperativeSummary,
  type CooperativeView,
  type Distribution,
  type DistributionSummary,
  type DistributionView,
  type DividendsOutput,
  type HouseholdView,
  type MyDividend,
  type RosterRow,
} from '../../core/dividends';
import type { Result } from '../../core/result';
import { fakeFunction } from './fake-members';

/**
 * Fake answers of the `dividends` function for component tests (what the pages expect to receive). The amounts
 * are computed by core/dividends itself from a three-household roster, so every figure agrees with the others.
 */
export const COOP_ID = 'coop_zhonghai_potato';
export const COOP_NAME = '迤那镇中海村马铃薯股份经济合作社';
export const DISTRIBUTION_ID = 'dist_zhonghai_potato_2025_1';
export const PUBLISHED_AT = Date.UTC(2026, 1, 10, 2, 0, 0);

export const ROSTER: RosterRow[] = [
  {
    householdId: 'h_019',
    household: '三组019号',
    villageId: 'zhonghai',
    name: '胡翠萍',
    capitalFen: 200_000,
    landCentiMu: 350,
    allocatedCentiShares: 0,
    collectiveCentiShares: 0,
    volumeFen: 0,
  },
  {
    householdId: 'h_004',
    household: '四组004号',
    villageId: 'zhonghai',
    name: '安春梅',
    capitalFen: 100_000,
    landCentiMu: 120,
    allocatedCentiShares: 100,
    collectiveCentiShares: 0,
    volumeFen: 0,
  },
  {
    householdId: 'h_collective',
    household: '村集体',
    villageId: 'zhonghai',
    name: '中海村村集体',
    capitalFen: 0,
    landCentiMu: 0,
    allocatedCentiShares: 0,
    collectiveCentiShares: 1000,
    volumeFen: 0,
  },
];

/** 12,345.67 元 divided: 胡翠萍's household gets 2,178.65 元, one fen of it from the largest-remainder rounding. */
export const PROFIT_FEN = 1_234_567;

export function computed(profitFen = PROFIT_FEN): Distribution {
  return distribute({
    profitFen,
    rule: DEFAULT_SPLIT,
    basis: 'shares',
    transactionReturnBp: 6000,
    terms: DEFAULT_TERMS,
    holdings: ROSTER,
  });
}

export function householdView(index = 0, d: Distribution = computed()): HouseholdView {
  const line = d.lines[index]!;
  return { ...line, household: ROSTER[index]!.household, formula: formulaInWords(d, line) };
}

export function distributionSummary(overrides: Partial<DistributionSummary> = {}): DistributionSummary {
  const d = computed(overrides.profitFen);
  return {
    distributionId: DISTRIBUTION_ID,
    coopId: COOP_ID,
    coopName: COOP_NAME,
    year: 2025,
    version: 1,
    status: 'published',
    basis: 'shares',
    profitFen: d.profitFen,
    pools: d.pools,
    shareholders: ROSTER.length,
    totalWeightedShares: d.totalWeightedShares,
    ratePerShare: d.ratePerShare,
    ratePerVolumeYuan: null,
    reason: null,
    supersededBy: null,
    declaredBy: '吴家顺',
    reviewedBy: '李文',
    publishedAt: PUBLISHED_AT,
    ...overrides,
  };
}

export function myDividend(overrides: Partial<MyDividend> = {}): MyDividend {
  return { summary: distributionSummary(), legalForm: 'shareCoop', line: householdView(0), ...overrides };
}

export function coopSummary(overrides: Partial<CooperativeSummary> = {}): CooperativeSummary {
  return {
    coopId: COOP_ID,
    villageId: 'zhonghai',
    villageName: '中海村',
    name: COOP_NAME,
    industry: '马铃薯种植',
    legalForm: 'shareCoop',
    basis: BASIS_OF.shareCoop,
    rule: DEFAULT_SPLIT,
    transactionReturnBp: 6000,
    terms: DEFAULT_TERMS,
    shareholders: ROSTER.length,
    latest: distributionSummary(),
    ...overrides,
  };
}

export function coopView(overrides: Partial<CooperativeView> = {}): CooperativeView {
  return {
    ...coopSummary(),
    distributions: [distributionSummary()],
    canManage: false,
    roster: null,
    board: [{ residentId: 'r_board_001', name: '吴家顺' }],
    ...overrides,
  };
}

export function distributionView(overrides: Partial<DistributionView> = {}): DistributionView {
  return {
    summary: distributionSummary(),
    legalForm: 'shareCoop',
    rule: DEFAULT_SPLIT,
    transactionReturnBp: 6000,
    terms: DEFAULT_TERMS,
    lines: null,
    mine: householdView(0),
    canManage: false,
    canReview: false,
    canPublish: false,
    ...overrides,
  };
}

/** What a manager sees of a distribution in `status`. */
export function managedView(
  status: DistributionSummary['status'],
  overrides: Partial<DistributionView> = {},
): DistributionView {
  const computedYet = status !== 'declared';
  return distributionView({
    summary: distributionSummary({
      status,
      ...(computedYet
        ? {}
        : {
            pools: null,
            totalWeightedShares: null,
            ratePerShare: null,
            reviewedBy: null,
            publishedAt: null,
          }),
      ...(status === 'published' ? {} : { publishedAt: null }),
    }),
    lines: computedYet ? ROSTER.map((_, i) => householdView(i)) : null,
    mine: computedYet ? householdView(0) : null,
    canManage: true,
    ...overrides,
  });
}

export type DividendsAnswers = {
  [A in keyof DividendsOutput]?:
    DividendsOutput[A] | ((input: Record<string, unknown>) => Result<DividendsOutput[A], string>);
};

const DEFAULTS: DividendsAnswers = {
  myDividends: { dividends: [myDividend()], household: '三组019号' },
  listCooperatives: { cooperatives: [coopSummary()] },
  getCooperative: coopView(),
  getDistribution: distributionView(),
};

export function fakeDividends(
  answers: DividendsAnswers = {},
): (event: Record<string, unknown>) => Result<unknown, string> {
  return fakeFunction({ ...DEFAULTS, ...answers });
}
