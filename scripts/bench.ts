/**
 * `npm run bench`: measures local-cloud and prints each figure with its goal and the command that measured it.
 *
 * - single-document writes/s through the real SDK path (function → wx-server-sdk → HTTP → backend → fsync);
 * - raw backend writes/s: the same requests over HTTP without the SDK, from an identical function instance;
 * - their ratio (goal ≥ 0.3);
 * - a where-query over 50,000 documents through the SDK (goal ≤ 50 ms, median of repeated runs);
 * - the agenda through the local HTTP gateway (scripts/bench/agenda.ts): ballots/s of 2000 voters at once
 *   (goal ≥ 300, none lost), and tally read latency at 100 vs 43,464 ballots (goal: ratio ≤ 1.5);
 * - briefings through the same gateway (scripts/bench/briefings.ts): list and search latency with 5,000
 *   briefings (goal: p95 ≤ 100 ms each), and the database requests of one search;
 * - notices (scripts/bench/notices.ts): a town-wide notice to 43,464 residents through the batching path, from
 *   push to every recipient accounted for (goal ≤ 60 s), with the outcome counts;
 * - dividends (scripts/bench/dividends.ts): one distribution over 10,055 households in core/dividends.ts (goal
 *   ≤ 100 ms) and the heap it keeps, inside a 100 MB heap limit (goal ≤ 100 MB).
 */
import path from 'node:path';
import { startLocalCloud } from '../local-cloud';
import { agendaBench } from './bench/agenda';
import { briefingsBench } from './bench/briefings';
import { dividendsBench } from './bench/dividends';
import { noticesBench } from './bench/notices';
import { median, p95, type Row } from './bench/stats';

const COMMAND = 'npm run bench';
const WRITES = Number(process.env.BENCH_WRITES ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const QUERY_DOCS = 50_000;
const QUERY_REPEAT = 25;

async function main(): Promise<void> {
  const cloud = await startLocalCloud({
    functionsDir: path.join(__dirname, 'bench-functions'),
    manifest: {
      collections: [{ name: 'sdk_writes' }, { name: 'raw_writes' }, { name: 'warmup' }, { name: 'big' }],
    },
  });
  const rows: Row[] = [];
  try {
    const call = async <T>(fn: string, data: Record<string, unknown>) => (await cloud.call(fn, data)) as T;
    // Warm both instances (cold start is not what is measured).
    await call('bench-sdk', { action: 'writes', collection: 'warmup', n: 200, concurrency: CONCURRENCY });
    await call('bench-raw', { collection: 'warmup', n: 200, concurrency: CONCURRENCY });

    const sdk = await call<{ ms: number }>('bench-sdk', {
      action: 'writes',
      collection: 'sdk_writes',
      n: WRITES,
      concurrency: CONCURRENCY,
    });
    const raw = await call<{ ms: number }>('bench-raw', {
      collection: 'raw_writes',
      n: WRITES,
      concurrency: CONCURRENCY,
    });
    const sdkRate = WRITES / (sdk.ms / 1000);
    const rawRate = WRITES / (raw.ms / 1000);
    if (cloud.dump('sdk_writes').length !== WRITES || cloud.dump('raw_writes').length !== WRITES) {
      throw new Error('bench: not every write landed');
    }
    rows.push({
      metric: `single-doc writes/s via wx-server-sdk (${WRITES} adds, ${CONCURRENCY} in flight, fsync on)`,
      value: sdkRate.toFixed(0),
      goal: '—',
      ok: null,
    });
    rows.push({
      metric: `raw backend writes/s (same requests over HTTP, no SDK)`,
      value: rawRate.toFixed(0),
      goal: '—',
      ok: null,
    });
    const ratio = sdkRate / rawRate;
    rows.push({ metric: 'ratio SDK / raw', value: ratio.toFixed(2), goal: '≥ 0.3', ok: ratio >= 0.3 });
    const stats = cloud.store.walStats;
    rows.push({
      metric: 'log records per fsync (group commit)',
      value: (stats.records / Math.max(1, stats.flushes)).toFixed(1),
      goal: '—',
      ok: null,
    });

    // 50,000 documents, written in batches through the store (setup, not measured).
    const villages = 40;
    for (let start = 0; start < QUERY_DOCS; start += 5000) {
      const docs = Array.from({ length: 5000 }, (_v, k) => {
        const i = start + k;
        return {
          _id: `b${i}`,
          village: `v${i % villages}`,
          age: 18 + (i % 80),
          active: i % 3 !== 0,
          name: `村民${i}`,
        };
      });
      await cloud.insert({ big: docs });
    }
    const query = await call<{ times: number[]; returned: number }>('bench-sdk', {
      action: 'query',
      collection: 'big',
      repeat: QUERY_REPEAT,
    });
    const times = query.times.slice(3); // the first runs warm up V8
    rows.push({
      metric: `where-query over ${QUERY_DOCS.toLocaleString('en')} docs via SDK, median (p95) ms, ${query.returned} returned`,
      value: `${median(times).toFixed(1)} (${p95(times).toFixed(1)})`,
      goal: '≤ 50 ms',
      ok: median(times) <= 50,
    });
  } finally {
    await cloud.stop();
  }
  rows.push(...(await agendaBench()));
  rows.push(...(await briefingsBench()));
  rows.push(...(await noticesBench()));
  rows.push(...dividendsBench());

  const width = Math.max(...rows.map((r) => r.metric.length));
  console.log(
    `\nlocal-cloud benchmark (${new Date().toISOString()}, node ${process.version}, measured by \`${COMMAND}\`)\n`,
  );
  console.log(`${'metric'.padEnd(width)}  ${'value'.padStart(14)}  ${'goal'.padEnd(8)}  result`);
  for (const r of rows) {
    const result = r.ok === null ? '' : r.ok ? 'met' : 'MISSED';
    console.log(`${r.metric.padEnd(width)}  ${r.value.padStart(14)}  ${r.goal.padEnd(8)}  ${result}`);
  }
  if (rows.some((r) => r.ok === false)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
