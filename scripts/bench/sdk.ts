/**
 * The local-cloud figures of `npm run bench`, through the bench functions of scripts/bench/functions:
 *
 * - single-document writes/s through the real SDK path (function → wx-server-sdk → HTTP → backend → fsync);
 * - raw backend writes/s: the same requests over HTTP without the SDK, from an identical function instance;
 * - their ratio (goal ≥ 0.3), and the log records per fsync (group commit);
 * - a where-query over 50,000 documents through the SDK (goal ≤ 50 ms, median of repeated runs).
 */
import path from 'node:path';
import { startLocalCloud } from '../../local-cloud';
import { fmtMs } from './cloud';
import { figure, median, type Figure } from './stats';

const WRITES = Number(process.env.BENCH_WRITES ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const QUERY_DOCS = 50_000;
const QUERY_REPEAT = 25;
const RATIO_GOAL = 0.3;
/** The row other parts compare with (index.ts: ballots/s ÷ these writes/s). */
export const SDK_WRITES_ROW = 'local-cloud: single-doc writes via wx-server-sdk';
const QUERY_GOAL_MS = 50;

export async function sdkBench(): Promise<Figure[]> {
  const cloud = await startLocalCloud({
    functionsDir: path.join(__dirname, 'functions'),
    manifest: {
      collections: [{ name: 'sdk_writes' }, { name: 'raw_writes' }, { name: 'warmup' }, { name: 'big' }],
    },
  });
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
    const ratio = sdkRate / rawRate;
    const stats = cloud.store.walStats;
    const rows: Figure[] = [
      figure({
        name: SDK_WRITES_ROW,
        value: sdkRate.toFixed(0),
        unit: 'writes/s',
        goal: '—',
        met: null,
        note: `${WRITES} adds, ${CONCURRENCY} in flight, fsync on`,
      }),
      figure({
        name: '  raw backend writes (the same requests over HTTP, no SDK)',
        value: rawRate.toFixed(0),
        unit: 'writes/s',
        goal: '—',
        met: null,
      }),
      figure({
        name: '  ratio SDK / raw',
        value: ratio.toFixed(2),
        unit: '',
        goal: `≥ ${RATIO_GOAL}`,
        met: ratio >= RATIO_GOAL,
      }),
      figure({
        name: '  log records per fsync (group commit)',
        value: (stats.records / Math.max(1, stats.flushes)).toFixed(1),
        unit: '',
        goal: '—',
        met: null,
      }),
    ];

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
    rows.push(
      figure({
        name: `local-cloud: where-query over ${QUERY_DOCS.toLocaleString('en')} docs via SDK, median (p95)`,
        value: fmtMs(times),
        unit: 'ms',
        goal: `≤ ${QUERY_GOAL_MS} ms`,
        met: median(times) <= QUERY_GOAL_MS,
        note: `${times.length} runs after 3 warm-ups, ${query.returned} returned`,
      }),
    );
    return rows;
  } finally {
    await cloud.stop();
  }
}
