/**
 * The dividends figures of `npm run bench`: one distribution over 10,055 households (the whole of Yina town,
 * seed 000) computed by core/dividends.ts — time (goal ≤ 100 ms, median of 15 runs after 3 warm-ups) and memory
 * (goal ≤ 100 MB): the child process runs with a 100 MB V8 heap limit (`--max-old-space-size=100`), so finishing
 * at all proves the computation fits; the figure printed is what one distribution keeps alive on the heap (heap
 * used after a full GC with the result held, minus before). The roster is deterministic: every household holds capital, a third land, a tenth 配股, one is the
 * village collective, and each has a transaction volume; the basis is transactions (both divisions run).
 *
 * Run in a child process (`node --import tsx scripts/bench/dividends.ts --child`) so that the memory figure is
 * this computation's alone, not the bench's.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_SPLIT, DEFAULT_TERMS, distribute, type Holding } from '../../core/dividends';
import { figure, median, type Figure } from './stats';

const HOUSEHOLDS = 10_055;
const RUNS = 15;
const TIME_GOAL_MS = 100;
const MEMORY_GOAL_MB = 100;

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

function child(): void {
  const holdings = roster();
  const run = () =>
    distribute({
      profitFen: 987_654_321,
      rule: DEFAULT_SPLIT,
      basis: 'transactions',
      transactionReturnBp: 6_000,
      terms: DEFAULT_TERMS,
      holdings,
    });
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const d = run();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    total = d.lines.reduce((a, l) => a + l.amountFen, 0);
  }
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = run();
  gc();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  process.stdout.write(
    JSON.stringify({ times, heapMb, lines: kept.lines.length, exact: total === 592_592_593 }),
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
  const { times, heapMb, exact } = JSON.parse(out.stdout) as {
    times: number[];
    heapMb: number;
    exact: boolean;
  };
  const ms = median(times);
  return [
    figure({
      name: `dividends: a distribution over ${HOUSEHOLDS.toLocaleString('en')} households, median`,
      value: ms.toFixed(1),
      unit: 'ms',
      goal: `≤ ${TIME_GOAL_MS} ms`,
      met: ms <= TIME_GOAL_MS && exact,
      note: `${RUNS} runs after 3 warm-ups; parts sum to the pool: ${exact ? 'yes' : 'NO'}`,
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
