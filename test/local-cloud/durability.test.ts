import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { connectDatabase } from '../../local-cloud';
import { exited, FIXTURE_FUNCTIONS, keptDataDir, startServe } from './support';

/**
 * SIGKILL the backend process while clients write to it through wx-server-sdk (plain writes and
 * two-document transactions), restart it, and check that every acknowledged write survived and that no
 * transaction is half there. The clients talk to the database directly, so an acknowledgement is the
 * database's own.
 */
test('after SIGKILL under concurrent write load, every acknowledged write is present and no transaction is partial', async () => {
  const kept = keptDataDir();
  const manifest = path.join(kept.dir, 'collections.json');
  writeFileSync(manifest, JSON.stringify({ collections: [{ name: 'singles' }, { name: 'pairs' }] }));
  const envDir = path.join(kept.dir, 'data', 'durable');
  const args = [
    '--data-dir',
    path.join(kept.dir, 'data'),
    '--env',
    'durable',
    '--functions',
    FIXTURE_FUNCTIONS,
    '--manifest',
    manifest,
  ];
  try {
    const first = await startServe(args, envDir);
    const db = connectDatabase(first.lock);
    const ackedSingles = new Set<string>();
    const ackedPairs = new Set<string>();
    const attemptedPairs = new Set<string>();
    let next = 0;
    let killed = false;

    const worker = async () => {
      while (!killed) {
        const id = `w${next++}`;
        try {
          await db.collection('singles').add({ data: { _id: id, at: db.serverDate() } });
          ackedSingles.add(id);
          attemptedPairs.add(id);
          await db.runTransaction(async (t) => {
            await t.collection('pairs').add({ data: { _id: `${id}-a`, pair: id } });
            await t.collection('pairs').add({ data: { _id: `${id}-b`, pair: id } });
          });
          ackedPairs.add(id);
        } catch {
          if (killed) return; // the server is gone
        }
      }
    };
    const load = Array.from({ length: 12 }, worker);
    const started = Date.now();
    while (ackedPairs.size < 300 && Date.now() - started < 15_000)
      await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(load);
    await exited(first.child);
    expect(ackedPairs.size).toBeGreaterThanOrEqual(300);
    expect(attemptedPairs.size).toBeGreaterThan(ackedPairs.size); // transactions were in flight when it died

    const second = await startServe(args, envDir);
    try {
      const after = connectDatabase(second.lock);
      const all = async (c: string) => {
        const out: { _id: string; pair?: string }[] = [];
        for (let skip = 0; ; skip += 1000) {
          const { data } = await after.collection(c).skip(skip).limit(1000).get();
          out.push(...(data as { _id: string; pair?: string }[]));
          if (data.length < 1000) return out;
        }
      };
      const singles = new Set((await all('singles')).map((d) => d._id));
      const halves = new Map<string, number>();
      for (const p of await all('pairs')) halves.set(p.pair!, (halves.get(p.pair!) ?? 0) + 1);

      const lostSingles = [...ackedSingles].filter((id) => !singles.has(id));
      const lostPairs = [...ackedPairs].filter((id) => halves.get(id) !== 2);
      const partial = [...halves].filter(([, count]) => count !== 2);
      expect({ lostSingles, lostPairs, partial }).toEqual({ lostSingles: [], lostPairs: [], partial: [] });
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  } finally {
    kept.cleanup();
  }
}, 60_000);
