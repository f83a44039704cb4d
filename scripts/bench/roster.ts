/**
 * The 村民名册 figure of `npm run bench`: the whole town's roster — 43,464 people of Yina (seed 000) over its 16
 * villages and communities — as one .xlsx, uploaded to cloud storage and imported by the town admin as the page
 * does it: `startRosterImport` (download, check every row, stage the chunks), then `continueRosterImport` in a
 * loop until done, through the HTTP gateway, against the built functions, the real manifest and fsync on.
 *
 * Reported: the time from the start to the last chunk, the longest single call against the function's time limit
 * (members/config.json), and the database operations the import cost by kind (the real cloud bills each), from
 * local-cloud's request log. Afterwards every person must be a resident record exactly once with a claim code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MembersOutput } from '../../core/members';
import { rosterXlsx, townshipVillages } from '../demo/roster';
import { demoSeed } from '../demo/seed';
import { ROOT } from '../tools/build-cloud';
import { callOk, startBenchCloud } from './cloud';
import { Gateway } from './gateway';
import { figure, type Figure } from './stats';

const POPULATION = 43_464;
const ADMIN = 'demo-town-admin';
const GOAL_S = 120;

export async function rosterBench(): Promise<Figure[]> {
  const timeoutS = (
    JSON.parse(readFileSync(path.join(ROOT, 'cloudfunctions', 'members', 'config.json'), 'utf8')) as {
      timeout: number;
    }
  ).timeout;
  const file = rosterXlsx(POPULATION, townshipVillages());
  const cloud = await startBenchCloud({ seed: demoSeed() });
  const gw = new Gateway(cloud.url, 2);
  try {
    const before = cloud.dump('residents').length;
    const fileID = await cloud.uploadFile('uploads/roster/20261202/bench-迤那镇村民名册.xlsx', file);
    const sinceSeq = cloud.requests().at(-1)?.seq ?? 0;
    const calls: number[] = [];
    const timed = async <T>(run: () => Promise<T>) => {
      const t = performance.now();
      const out = await run();
      calls.push(performance.now() - t);
      return out;
    };
    const started = performance.now();
    const check = await timed(() =>
      callOk<MembersOutput['startRosterImport']>(gw, 'members', ADMIN, 'startRosterImport', {
        fileID,
        filename: '迤那镇村民名册.xlsx',
      }),
    );
    if (!check.importId)
      throw new Error(`the roster was refused: ${JSON.stringify(check.problems.slice(0, 3))}`);
    const startS = (performance.now() - started) / 1000;
    let imp = check.import!;
    while (imp.status !== 'done') {
      ({ import: imp } = await timed(() =>
        callOk<MembersOutput['continueRosterImport']>(gw, 'members', ADMIN, 'continueRosterImport', {
          importId: check.importId,
        }),
      ));
    }
    const seconds = (performance.now() - started) / 1000;
    const longestS = Math.max(...calls) / 1000;

    const ops = cloud.requests({ functionName: 'members', sinceSeq });
    const byKind = new Map<string, number>();
    for (const r of ops) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
    const residents = cloud.dump('residents');
    const imported = residents.filter((r) => r.source === 'import');
    const codes = cloud.dump('claimCodes').filter((c) => c.nonce).length;
    const exact =
      imp.applied === POPULATION &&
      imported.length === POPULATION &&
      residents.length === before + POPULATION &&
      codes === POPULATION;
    return [
      figure({
        name: `村民名册: ${POPULATION.toLocaleString('en')} rows (${(file.length / 1024 / 1024).toFixed(1)} MB .xlsx) imported`,
        value: seconds.toFixed(1),
        unit: 's',
        goal: `≤ ${GOAL_S} s`,
        met: seconds <= GOAL_S && exact,
        note: `${calls.length} calls: startRosterImport (check and stage) ${startS.toFixed(1)} s, then continueRosterImport × ${calls.length - 1}`,
      }),
      figure({
        name: '  longest single call / the function time limit',
        value: (longestS / timeoutS).toFixed(2),
        unit: '',
        goal: '≤ 0.5',
        met: longestS / timeoutS <= 0.5,
        note: `${longestS.toFixed(1)} s of ${timeoutS} s (members/config.json)`,
      }),
      figure({
        name: '  database operations for the whole import',
        value: String(ops.length),
        unit: '',
        goal: '≤ 600',
        met: ops.length <= 600,
        note:
          [...byKind].map(([k, n]) => `${k} ${n}`).join(', ') +
          ` (${(ops.length / (POPULATION / 1000)).toFixed(1)} per 1,000 people)`,
      }),
      figure({
        name: '  people imported once each, with a claim code',
        value: `${imported.length}/${POPULATION}`,
        unit: '',
        goal: 'all',
        met: exact,
        note: `${codes} claim-sheet codes; residents before ${before}, after ${residents.length}`,
      }),
    ];
  } finally {
    gw.close();
    await cloud.stop();
  }
}
