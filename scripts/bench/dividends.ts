/**
 * The dividends figures of `npm run bench`: one distribution over 10,055 households (the whole of Yina town,
 * seed 000) computed by core/dividends.ts. Time: the median of 15 runs, interleaved with 15 runs of the same
 * arithmetic as a plain loop, and their ratio (goal ≤ 2, machine-independent; the time itself is information).
 * Memory (goal ≤ 100 MB): the child process runs with a 100 MB V8 heap limit (`--max-old-space-size=100`), so
 * finishing at all proves the computation fits; the figure printed is what one distribution keeps alive on the
 * heap (heap used after a full GC with the result held, minus before). The roster is deterministic: every
 * household holds capital, a third land, a tenth 配股, one is the village collective, and each has a
 * transaction volume; the basis is transactions (both divisions run).
 *
 * Run in a child process (`node --import tsx scripts/bench/dividends.ts --child`) so that the memory figure is
 * this computation's alone, not the bench's.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BP, DEFAULT_SPLIT, DEFAULT_TERMS, distribute, splitPools, type Holding } from '../../core/dividends';
import { figure, median, type Figure } from './stats';

const HOUSEHOLDS = 10_055;
const RUNS = 15;
const MEMORY_GOAL_MB = 100;
/**
 * What the published distribution may cost over the bare arithmetic: it also checks the input, writes every
 * share and amount as an exact decimal and builds each household's line.
 */
const RATIO_GOAL = 2;

function roster(): Holding[] {
  return Array.from({ length: HOUSEHOLDS }, (_, i) => ({
    householdId: `hh${String(i).padStart(5, '0')}`,
    name: `户主${i}`,
    capitalFen: 100_000 * (1 + (i % 30)) + (i % 7) * 3_333,
    landCentiMu: i % 3 === 0 ? 50 * (1 + (i % 11)) : 0,
    allocatedCentiShares: i % 10 === 0 ? 500 : 0,
    collectiveCentiShares: i === 0 ? 510_000 : 0,
    volumeFen: 10_000 * (1 + ((i * 7919) % 500)),
  }));
}

const PROFIT_FEN = 987_654_321;
const RETURN_BP = 6_000;

/** Largest remainder over BigInt weights, the fewest steps: floors, then one fen to the largest remainders. */
function plainShares(pool: bigint, weights: bigint[], keys: string[]): bigint[] {
  let total = BigInt(0);
  for (const w of weights) total += w;
  const out = new Array<bigint>(weights.length);
  const rest = new Array<bigint>(weights.length);
  let left = pool;
  for (let i = 0; i < weights.length; i++) {
    out[i] = (pool * weights[i]!) / total;
    rest[i] = (pool * weights[i]!) % total;
    left -= out[i]!;
  }
  const order = weights.map((_w, i) => i);
  order.sort((a, b) => (rest[a] === rest[b] ? (keys[a]! < keys[b]! ? -1 : 1) : rest[b]! > rest[a]! ? 1 : -1));
  for (let j = 0; left > BigInt(0) && j < order.length && rest[order[j]!]! > BigInt(0); j++, left--) {
    out[order[j]!]! += BigInt(1);
  }
  return out;
}

/**
 * The same distribution as a plain loop: the same pools, weights and rounding, with none of the checks, exact
 * decimals, per-class shares or line objects that the published distribution carries. The baseline of the
 * ratio: what the arithmetic alone costs on this machine.
 */
function plainDistribution(holdings: Holding[]): number[] {
  const pools = splitPools(PROFIT_FEN, DEFAULT_SPLIT);
  const [byVolume, byShares] = plainShares(
    BigInt(pools.membersFen),
    [BigInt(RETURN_BP), BigInt(BP - RETURN_BP)],
    ['0', '1'],
  );
  const t = DEFAULT_TERMS;
  const gcd = (a: bigint, b: bigint): bigint => (b === BigInt(0) ? a : gcd(b, a % b));
  const lcm = (a: bigint, b: bigint) => (a / gcd(a, b)) * b;
  const D = lcm(lcm(BigInt(t.fenPerShare), BigInt(10000)), BigInt(100));
  const weights = holdings.map(
    (h) =>
      BigInt(t.weights.capital) * BigInt(h.capitalFen) * (D / BigInt(t.fenPerShare)) +
      BigInt(t.weights.land) * BigInt(h.landCentiMu) * BigInt(t.centiSharesPerMu) * (D / BigInt(10000)) +
      BigInt(t.weights.allocated) * BigInt(h.allocatedCentiShares) * (D / BigInt(100)) +
      BigInt(t.weights.collective) * BigInt(h.collectiveCentiShares) * (D / BigInt(100)),
  );
  const keys = holdings.map((h) => h.householdId);
  const shares = plainShares(byShares!, weights, keys);
  const volumes = plainShares(
    byVolume!,
    holdings.map((h) => BigInt(h.volumeFen)),
    keys,
  );
  return shares.map((s, i) => Number(s + volumes[i]!));
}

function timed(run: () => unknown, n: number): number[] {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times;
}

function child(): void {
  const holdings = roster();
  const run = () =>
    distribute({
      profitFen: PROFIT_FEN,
      rule: DEFAULT_SPLIT,
      basis: 'transactions',
      transactionReturnBp: RETURN_BP,
      terms: DEFAULT_TERMS,
      holdings,
    });
  // Interleaved, so that both see the same machine: distribute, plain, distribute, plain…
  const times: number[] = [];
  const plainTimes: number[] = [];
  for (let round = 0; round < 3; round++) {
    times.push(...timed(run, RUNS / 3));
    plainTimes.push(...timed(() => plainDistribution(holdings), RUNS / 3));
  }
  const amounts = run().lines.map((l) => l.amountFen);
  const plain = plainDistribution(holdings);
  const same = plain.length === amounts.length && plain.every((a, i) => a === amounts[i]);
  const total = amounts.reduce((a, b) => a + b, 0);
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = run();
  gc();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  process.stdout.write(
    JSON.stringify({
      times,
      plainTimes,
      same,
      heapMb,
      lines: kept.lines.length,
      exact: total === 592_592_593,
    }),
  );
}

export function dividendsBench(): Figure[] {
  const out = spawnSync(
    process.execPath,
    ['--max-old-space-size=100', '--expose-gc', '--import', 'tsx', __filename, '--child'],
    {
      cwd: path.join(__dirname, '..', '..'),
      encoding: 'utf8',
    },
  );
  if (out.status !== 0) throw new Error(`bench: dividends child failed\n${out.stderr}`);
  const { times, plainTimes, same, heapMb, exact } = JSON.parse(out.stdout) as {
    times: number[];
    plainTimes: number[];
    same: boolean;
    heapMb: number;
    exact: boolean;
  };
  const ms = median(times);
  const ratio = ms / median(plainTimes);
  return [
    figure({
      name: `dividends: a distribution over ${HOUSEHOLDS.toLocaleString('en')} households, median`,
      value: ms.toFixed(1),
      unit: 'ms',
      // The ratio to a plain loop below is the goal (machines differ); the time is information.
      goal: '—',
      met: exact ? null : false,
      note: `${RUNS} runs after 3 warm-ups; parts sum to the pool: ${exact ? 'yes' : 'NO'}`,
    }),
    figure({
      name: '  ÷ the same arithmetic in a plain loop (medians, interleaved)',
      value: ratio.toFixed(2),
      unit: '',
      goal: `≤ ${RATIO_GOAL}`,
      met: ratio <= RATIO_GOAL && same,
      note: `plain loop ${median(plainTimes).toFixed(1)} ms; the same amounts: ${same ? 'yes' : 'NO'}`,
    }),
    figure({
      name: '  heap one distribution keeps',
      value: heapMb.toFixed(1),
      unit: 'MB',
      goal: `≤ ${MEMORY_GOAL_MB} MB`,
      met: heapMb <= MEMORY_GOAL_MB,
      note: `every run within a ${MEMORY_GOAL_MB} MB heap limit`,
    }),
  ];
}

if (process.argv.includes('--child')) child();
