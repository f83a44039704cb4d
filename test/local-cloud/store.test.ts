import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../local-cloud/src/store/store';
import type { WalOp } from '../../local-cloud/src/store/engine';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'store-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ENV = 'test-env';
const put = (c: string, doc: Record<string, unknown>): WalOp => ({
  op: 'put',
  c,
  doc: doc as { _id: string },
});
const segments = () => readdirSync(dir).filter((f) => f.startsWith('wal-'));
const lastSegment = () => path.join(dir, segments().sort().at(-1)!);

async function withStore<T>(fn: (store: Store) => Promise<T>, options = {}): Promise<T> {
  const store = await Store.open(dir, ENV, options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function seed(n: number): Promise<void> {
  await withStore(async (store) => {
    await store.commit(
      store.engine.planDefineCollection('docs', [{ name: 'k', keys: { k: 1 }, unique: true }]),
    );
    for (let i = 0; i < n; i++) await store.commit([put('docs', { _id: `d${i}`, k: i, at: new Date(i) })]);
  });
}

const ids = (store: Store) => store.engine.find('docs').map((d) => d._id);

test('every committed change is replayed on open, with types intact', async () => {
  await seed(5);
  await withStore(async (store) => {
    expect(ids(store)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
    expect(store.engine.getById('docs', 'd3')).toEqual({ _id: 'd3', k: 3, at: new Date(3) });
    expect(store.openInfo.replayed).toBe(6);
  });
});

test('a commit resolves only after its line is written and fsynced', async () => {
  await withStore(async (store) => {
    await store.commit(store.engine.planDefineCollection('docs', []));
    const flushes = store.walStats.flushes;
    await store.commit([put('docs', { _id: 'acked-one' })]);
    expect(readFileSync(lastSegment(), 'utf8')).toContain('"acked-one"');
    expect(store.walStats.flushes).toBe(flushes + 1); // counted after datasync() returned
  });
});

test('unique indexes are enforced again after a restart', async () => {
  await seed(2);
  await withStore(async (store) => {
    expect(() => store.engine.planInsert('docs', [{ _id: 'x', k: 1 }])).toThrow(/E11000/);
  });
});

test('a torn last line (no newline) is dropped and cut off; later writes land after it', async () => {
  await seed(3);
  const file = lastSegment();
  const good = statSync(file).size;
  appendFileSync(file, '{"lsn":5,"at":1,"ops":[{"op":"put","c":"docs","doc":{"_id":"torn"');
  await withStore(async (store) => {
    expect(store.openInfo.truncatedBytes).toBeGreaterThan(0);
    expect(ids(store)).toEqual(['d0', 'd1', 'd2']);
    expect(statSync(file).size).toBe(good);
    await store.commit([put('docs', { _id: 'after', k: 99 })]);
  });
  await withStore(async (store) => expect(ids(store)).toEqual(['d0', 'd1', 'd2', 'after']));
});

test('a complete record without its newline was never acknowledged and is dropped', async () => {
  await seed(1);
  appendFileSync(
    lastSegment(),
    '{"lsn":3,"at":1,"ops":[{"op":"put","c":"docs","doc":{"_id":"half","k":7}}]}',
  );
  await withStore(async (store) => expect(ids(store)).toEqual(['d0']));
});

test('a corrupt line before the end refuses to start instead of losing data silently', async () => {
  await seed(3);
  const file = lastSegment();
  const lines = readFileSync(file, 'utf8').split('\n');
  lines[1] = '{garbage';
  writeFileSync(file, lines.join('\n'));
  await expect(Store.open(dir, ENV)).rejects.toThrow(/corrupt; refusing to start/);
});

test('compaction writes a snapshot, drops covered log segments, and restores the same state', async () => {
  await seed(4);
  await withStore(async (store) => {
    await store.compact();
    expect(existsSync(path.join(dir, 'snapshot.ejson'))).toBe(true);
    expect(existsSync(path.join(dir, 'snapshot.ejson.tmp'))).toBe(false);
    expect(segments()).toEqual([`wal-${String(6).padStart(16, '0')}.log`]);
    await store.commit([put('docs', { _id: 'post', k: 10 })]);
  });
  await withStore(async (store) => {
    expect(ids(store)).toEqual(['d0', 'd1', 'd2', 'd3', 'post']);
    expect(store.openInfo.replayed).toBe(1);
    expect(store.engine.getById('docs', 'd2')).toEqual({ _id: 'd2', k: 2, at: new Date(2) });
  });
});

test('the log compacts by itself past its size limit', async () => {
  await withStore(
    async (store) => {
      await store.commit(store.engine.planDefineCollection('docs', []));
      for (let i = 0; i < 40; i++) await store.commit([put('docs', { _id: `p${i}`, pad: 'x'.repeat(200) })]);
      expect(existsSync(path.join(dir, 'snapshot.ejson'))).toBe(true);
    },
    { compactAfterBytes: 2000 },
  );
  await withStore(async (store) => expect(store.engine.size('docs')).toBe(40));
});

test('a leftover snapshot temp file from a crash is ignored and removed', async () => {
  await seed(2);
  writeFileSync(path.join(dir, 'snapshot.ejson.tmp'), 'half a snapshot');
  await withStore(async (store) => expect(ids(store)).toEqual(['d0', 'd1']));
  expect(existsSync(path.join(dir, 'snapshot.ejson.tmp'))).toBe(false);
});

test('commits made in one turn share one fsync (group commit), one log line each', async () => {
  await withStore(async (store) => {
    await store.commit(store.engine.planDefineCollection('docs', []));
    const flushesBefore = store.walStats.flushes;
    await Promise.all(Array.from({ length: 200 }, (_v, i) => store.commit([put('docs', { _id: `c${i}` })])));
    expect(store.walStats.flushes - flushesBefore).toBe(1);
    const lines = readFileSync(lastSegment(), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(201);
  });
  await withStore(async (store) => expect(store.engine.size('docs')).toBe(200));
});
