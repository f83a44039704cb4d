import fc from 'fast-check';
import {
  DEFAULT_SPLIT,
  DEFAULT_TERMS,
  DistributionError,
  checkInput,
  decimal,
  distribute,
  formulaInWords,
  largestRemainder,
  splitPools,
  yuan,
  type DistributionInput,
  type Holding,
} from '../../../core/dividends';

const holding = (householdId: string, overrides: Partial<Holding> = {}): Holding => ({
  householdId,
  name: `户${householdId}`,
  capitalFen: 0,
  landCentiMu: 0,
  allocatedCentiShares: 0,
  collectiveCentiShares: 0,
  volumeFen: 0,
  ...overrides,
});

const input = (holdings: Holding[], overrides: Partial<DistributionInput> = {}): DistributionInput => ({
  profitFen: 0,
  rule: DEFAULT_SPLIT,
  basis: 'shares',
  transactionReturnBp: 6_000,
  terms: DEFAULT_TERMS,
  holdings,
  ...overrides,
});

const ids = (n: number) => Array.from({ length: n }, (_, i) => `h${String(i + 1).padStart(2, '0')}`);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('largest remainder', () => {
  test('the parts sum to the pool, the leftover fen go to the largest remainders', () => {
    const parts = largestRemainder(100n, [1n, 1n, 1n], ['a', 'b', 'c']);
    expect(parts.map((p) => p.fen)).toEqual([34, 33, 33]);
    expect(parts.map((p) => p.adjustmentFen)).toEqual([1, 0, 0]);
    expect(parts[0]!.exact).toBe('33.3333');
  });

  test('ties go to the smaller key, not to the first in the list', () => {
    expect(largestRemainder(1n, [1n, 1n], ['b', 'a']).map((p) => p.fen)).toEqual([0, 1]);
  });

  test('decimal gives the same digits on its fast path (doubles) as in BigInt, up to the edge of it', () => {
    const slow = (n: bigint, d: bigint, places: number) => {
      const scale = BigInt(10) ** BigInt(places);
      const q = (n * scale * BigInt(2) + d) / (BigInt(2) * d);
      const frac = (q % scale).toString().padStart(places, '0');
      return places ? `${q / scale}.${frac}` : `${q / scale}`;
    };
    const edge = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / 40_000));
    const samples: [bigint, bigint][] = [
      [edge - 1n, edge - 1n],
      [edge - 1n, 3n],
      [1n, edge - 1n],
      [edge, 7n],
      [0n, 1n],
    ];
    let x = 12345;
    for (let i = 0; i < 2000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const n = BigInt(x) * BigInt((x % 977) + 1) * BigInt(i % 5 === 0 ? 1 : 100);
      samples.push([n % edge, (BigInt(x % 100_003) % edge) + 1n]);
    }
    for (const [n, d] of samples) {
      for (const places of [0, 2, 4]) expect(decimal(n, d, places)).toBe(slow(n, d, places));
    }
  });

  test('decimal rounds half up at 4 places', () => {
    expect(decimal(1n, 3n)).toBe('0.3333');
    expect(decimal(2n, 3n)).toBe('0.6667');
    expect(decimal(5n, 100_000n)).toBe('0.0001');
  });
});

describe('golden: the seed cooperatives', () => {
  test('中海村众城种养殖合作社: 50 households, 130万元 capital, 30/10/60 of a 26万元 profit', () => {
    // Seed 000: 50 shareholder households put in 1,300,000 元 (26,000 元 each, 1,000 元 a share).
    // The profit is illustrative: 260,000 元.
    const holdings = ids(50).map((id) => holding(id, { capitalFen: 2_600_000 }));
    const d = distribute(input(holdings, { profitFen: 26_000_000 }));
    expect(d.pools).toEqual({
      reserveFen: 7_800_000,
      collectiveFen: 2_600_000,
      membersFen: 15_600_000,
      byVolumeFen: 0,
      bySharesFen: 15_600_000,
    });
    expect(d.totalWeightedShares).toBe('1300.0000');
    expect(d.ratePerShare).toBe('120.0000');
    expect(new Set(d.lines.map((l) => l.amountFen))).toEqual(new Set([312_000]));
    expect(d.lines[0]!.shares.capital).toBe('26.0000');
    expect(formulaInWords(d, d.lines[0]!)).toBe(
      '股民分红池 156,000.00 元 × 本户折合股数 26.0000 ÷ 全社折合股数 1300.0000 = 312000.0000 分；取整到分，合计 3,120.00 元',
    );
  });

  test("苏向德's cooperative: 24 households, 110万元, a profit that does not divide evenly", () => {
    // 1,100,000 元 over 24 households: 45,833.33 元 each is not whole, so shares are given in hundredths.
    const holdings = ids(24).map((id) => holding(id, { capitalFen: 4_583_333 }));
    const d = distribute(input(holdings, { profitFen: 10_000_001 }));
    // 30% / 10% / 60% of 100,000.01 元: the leftover fen goes to the largest remainder (the members' .6).
    expect(d.pools).toMatchObject({ reserveFen: 3_000_000, collectiveFen: 1_000_000, membersFen: 6_000_001 });
    // 6,000,001 fen over 24 equal households: 250,000 each and one fen left, to the smallest household id.
    expect(d.lines.map((l) => l.amountFen)).toEqual([250_001, ...Array(23).fill(250_000)]);
    expect(d.lines[0]!.byShares).toMatchObject({ floorFen: 250_000, adjustmentFen: 1, exact: '250000.0417' });
    expect(formulaInWords(d, d.lines[0]!)).toContain('按“最大余数法”补 1 分');
  });

  test('a Huixian-style roster: 村集体控股, 群众参股 and 贫困户配股', () => {
    // Seed 001: the village collective holds the majority, residents buy shares, poor households are allotted some.
    const holdings = [
      holding('collective', { name: '村集体', collectiveCentiShares: 5_100 }),
      ...['m1', 'm2', 'm3'].map((id) => holding(id, { capitalFen: 1_000_000 })),
      ...['p1', 'p2'].map((id) => holding(id, { allocatedCentiShares: 500 })),
    ];
    const d = distribute(input(holdings, { profitFen: 1_516_667 }));
    // 30/10/60 of 15,166.67 元: the leftover fen goes to the collective pool (remainder .7).
    expect(d.pools).toMatchObject({ reserveFen: 455_000, collectiveFen: 151_667, membersFen: 910_000 });
    expect(d.totalWeightedShares).toBe('91.0000');
    expect(d.ratePerShare).toBe('100.0000');
    expect(Object.fromEntries(d.lines.map((l) => [l.householdId, l.amountFen]))).toEqual({
      collective: 510_000,
      m1: 100_000,
      m2: 100_000,
      m3: 100_000,
      p1: 50_000,
      p2: 50_000,
    });
  });

  test('class weights: 配股 at half weight halves those households’ share', () => {
    const holdings = [holding('a', { capitalFen: 100_000 }), holding('b', { allocatedCentiShares: 100 })];
    const terms = { ...DEFAULT_TERMS, weights: { ...DEFAULT_TERMS.weights, allocated: 50 } };
    const d = distribute(
      input(holdings, {
        profitFen: 1_500,
        rule: { reserveBp: 0, collectiveBp: 0, membersBp: 10_000 },
        terms,
      }),
    );
    expect(d.lines.map((l) => l.amountFen)).toEqual([1_000, 500]);
  });

  test('land converts at the stated shares per 亩', () => {
    // 2.5 亩 at 2 shares a 亩 = 5 shares; 5,000 元 at 1,000 元 a share = 5 shares.
    const holdings = [holding('a', { landCentiMu: 250 }), holding('b', { capitalFen: 500_000 })];
    const terms = { ...DEFAULT_TERMS, centiSharesPerMu: 200 };
    const d = distribute(
      input(holdings, {
        profitFen: 1_000,
        rule: { reserveBp: 0, collectiveBp: 0, membersBp: 10_000 },
        terms,
      }),
    );
    expect(d.lines.map((l) => [l.shares.land, l.shares.capital, l.amountFen])).toEqual([
      ['5.0000', '0.0000', 500],
      ['0.0000', '5.0000', 500],
    ]);
  });

  test('a 农民专业合作社 returns at least 60% by transactions, the rest by shares', () => {
    const holdings = [
      holding('a', { capitalFen: 100_000, volumeFen: 300_000 }),
      holding('b', { capitalFen: 100_000, volumeFen: 100_000 }),
    ];
    const d = distribute(input(holdings, { profitFen: 100_000, basis: 'transactions' }));
    expect(d.pools).toMatchObject({ membersFen: 60_000, byVolumeFen: 36_000, bySharesFen: 24_000 });
    expect(d.lines.map((l) => [l.byVolume!.fen, l.byShares.fen, l.amountFen])).toEqual([
      [27_000, 12_000, 39_000],
      [9_000, 12_000, 21_000],
    ]);
    expect(d.ratePerVolumeYuan).toBe('0.0900');
    expect(formulaInWords(d, d.lines[0]!)).toMatch(/^交易量返还池 360\.00 元 × 本户交易额 3,000\.00 元/);
  });
});

describe('refusals', () => {
  test.each([
    [
      'a rule that does not add up to 100%',
      { rule: { reserveBp: 3_000, collectiveBp: 1_000, membersBp: 5_000 } },
      '三项分配比例之和必须是 100%',
    ],
    [
      'less than 60% returned by transactions',
      { basis: 'transactions' as const, transactionReturnBp: 5_999 },
      '按交易量返还的比例应在 60% 到 100% 之间',
    ],
    ['a negative profit', { profitFen: -1 }, '可分配盈余必须是不小于 0 的整数（分）'],
    ['a fractional profit', { profitFen: 1.5 }, '可分配盈余必须是不小于 0 的整数（分）'],
  ])('%s', (_label, overrides, message) => {
    const i = input([holding('a', { capitalFen: 100_000, volumeFen: 1 })], overrides);
    expect(checkInput(i)).toContain(message);
    expect(() => distribute(i)).toThrow(new DistributionError(message));
  });

  test('an empty roster, a duplicate household, a roster without shares', () => {
    expect(checkInput(input([]))).toContain('股东名册是空的');
    expect(checkInput(input([holding('a', { capitalFen: 1 }), holding('a', { capitalFen: 1 })]))).toContain(
      '第 2 户重复：户a',
    );
    expect(checkInput(input([holding('a')]))).toContain('没有任何有效股份，无法按股分配');
  });

  test('yuan never uses floating point', () => {
    expect(yuan(123_456_789)).toBe('1,234,567.89');
    expect(yuan(5)).toBe('0.05');
  });
});

// ------------------------------------------------------------------------------------------------ properties

const holdingArb = fc.record({
  capitalFen: fc.integer({ min: 0, max: 50_000_000 }),
  landCentiMu: fc.integer({ min: 0, max: 5_000 }),
  allocatedCentiShares: fc.integer({ min: 0, max: 2_000 }),
  collectiveCentiShares: fc.integer({ min: 0, max: 10_000 }),
  volumeFen: fc.integer({ min: 0, max: 100_000_000 }),
});

const bpSplit = fc
  .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }))
  .map(([a, b]) => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    return { reserveBp: lo, collectiveBp: hi - lo, membersBp: 10_000 - hi };
  });

const inputArb = fc
  .record({
    rows: fc.array(holdingArb, { minLength: 1, maxLength: 40 }),
    profitFen: fc.integer({ min: 0, max: 1_000_000_000_000 }),
    rule: bpSplit,
    basis: fc.constantFrom('shares' as const, 'transactions' as const),
    transactionReturnBp: fc.integer({ min: 6_000, max: 10_000 }),
    fenPerShare: fc.integer({ min: 1, max: 1_000_000 }),
    centiSharesPerMu: fc.integer({ min: 1, max: 1_000 }),
    weights: fc.record({
      capital: fc.integer({ min: 0, max: 300 }),
      land: fc.integer({ min: 0, max: 300 }),
      allocated: fc.integer({ min: 0, max: 300 }),
      collective: fc.integer({ min: 0, max: 300 }),
    }),
  })
  .map((r): DistributionInput => ({
    profitFen: r.profitFen,
    rule: r.rule,
    basis: r.basis,
    transactionReturnBp: r.transactionReturnBp,
    terms: { fenPerShare: r.fenPerShare, centiSharesPerMu: r.centiSharesPerMu, weights: r.weights },
    holdings: r.rows.map((row, i) => ({ householdId: `h${i}`, name: `户${i}`, ...row })),
  }))
  .filter((i) => checkInput(i).length === 0);

describe('properties (fast-check)', () => {
  test('the pools sum to the profit, and the parts to each pool', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const d = distribute(i);
        const p = d.pools;
        expect(p.reserveFen + p.collectiveFen + p.membersFen).toBe(i.profitFen);
        expect(p.byVolumeFen + p.bySharesFen).toBe(p.membersFen);
        expect(sum(d.lines.map((l) => l.byShares.fen))).toBe(p.bySharesFen);
        expect(sum(d.lines.map((l) => l.byVolume?.fen ?? 0))).toBe(p.byVolumeFen);
        expect(sum(d.lines.map((l) => l.amountFen))).toBe(p.membersFen);
      }),
      { numRuns: 300 },
    );
  });

  test('no amount is negative, and no rounding adds more than 1 fen per pool', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        for (const l of distribute(i).lines) {
          expect(l.amountFen).toBeGreaterThanOrEqual(0);
          expect([0, 1]).toContain(l.byShares.adjustmentFen);
          expect([0, 1]).toContain(l.byVolume?.adjustmentFen ?? 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('households with equal holdings differ by at most 1 fen per pool', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 5 }), (i, copies) => {
        const twin = i.holdings[0]!;
        const twins = Array.from({ length: copies }, (_, k) => ({
          ...twin,
          householdId: `twin${k}`,
          name: `双${k}`,
        }));
        const d = distribute({ ...i, holdings: [...i.holdings, ...twins] });
        const same = d.lines.filter(
          (l) => l.householdId === twin.householdId || l.householdId.startsWith('twin'),
        );
        const amounts = same.map((l) => l.amountFen);
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(
          i.basis === 'transactions' ? 2 : 1,
        );
        const byShares = same.map((l) => l.byShares.fen);
        expect(Math.max(...byShares) - Math.min(...byShares)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  test('the result does not depend on roster order (ties included: twins of one household)', () => {
    const withTwins = inputArb.map((i) => ({
      ...i,
      holdings: [
        ...i.holdings,
        ...[1, 2, 3].map((k) => ({ ...i.holdings[0]!, householdId: `twin${k}`, name: `双${k}` })),
      ],
    }));
    fc.assert(
      fc.property(
        withTwins.chain((i) =>
          fc.tuple(fc.constant(i), fc.shuffledSubarray(i.holdings, { minLength: i.holdings.length })),
        ),
        ([i, shuffled]) => {
          const amounts = (d: ReturnType<typeof distribute>) =>
            Object.fromEntries(d.lines.map((l) => [l.householdId, l.amountFen]));
          expect(amounts(distribute({ ...i, holdings: shuffled }))).toEqual(amounts(distribute(i)));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('splitting the pools is exact for any profit and rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), bpSplit, (profit, rule) => {
        const p = splitPools(profit, rule);
        expect(p.reserveFen + p.collectiveFen + p.membersFen).toBe(profit);
      }),
    );
  });
});
