/**
 * `npm run bench`: one report of every performance figure, each with its goal, whether it was met and the
 * command that measured it. The parts (scripts/bench/*.ts) each return their figures:
 *
 * - sdk.ts: local-cloud writes/s through wx-server-sdk against raw HTTP (ratio ≥ 0.3) and a where-query over
 *   50,000 documents (≤ 50 ms);
 * - agenda.ts: ballots/s of 2000 voters at once (≥ 300, none lost; and ÷ the SDK's writes/s of this run ≥ 0.15),
 *   tally reads at 100 vs 43,464 ballots (ratio ≤ 1.5), and the town's poll: opening a roll of 43,464 in
 *   steps, the first read after close, the timer's digest of 43,464 ballots (each ≤ ⅓ of the function timeout);
 * - briefings.ts: list and search with 5,000 briefings (p95 ≤ 100 ms each), the lists served by the manifest's
 *   indexes ÷ the same lists by a scan, in one run (≤ ⅓);
 * - notices.ts: a town-wide notice to 43,464 residents, push to every recipient accounted for (≤ 60 s);
 * - dividends.ts: one distribution over 10,055 households ÷ the same arithmetic in a plain loop (≤ 2), ≤ 100 MB;
 * - roster.ts: the town's 村民名册, 43,464 rows, imported through storage in chunks (≤ 120 s; the longest call
 *   ≤ half the time limit; ≤ 600 database operations);
 * - h5.ts: the H5 home page's first render in Chromium with the CPU slowed 4× ÷ a bare Taro page's, built and
 *   loaded in the same run (≤ 1.5), and not slowed (≤ 800 ms);
 * - sizes.ts: the weapp packages (main ≤ 450 KB, each subpackage ≤ 300 KB) and the cloud function bundles.
 *
 * A part that fails is a MISSED row with its error. Exits 1 if any goal is missed. The run is also saved as
 * build/bench/report.json and report.html, beside the previous run (history.ts).
 */
import os from 'node:os';
import { agendaBench, BALLOTS_ROW } from './agenda';
import { briefingsBench } from './briefings';
import { dividendsBench } from './dividends';
import { h5Bench } from './h5';
import { noticesBench } from './notices';
import { rosterBench } from './roster';
import { SDK_WRITES_ROW, sdkBench } from './sdk';
import { bundlesBench, weappBench } from './sizes';
import path from 'node:path';
import { saveRun } from './history';
import { table } from './report';
import { BENCH_COMMAND, figure, type Figure } from './stats';

const PARTS: [string, () => Figure[] | Promise<Figure[]>][] = [
  ['local-cloud', sdkBench],
  ['agenda', agendaBench],
  ['briefings', briefingsBench],
  ['notices', noticesBench],
  ['dividends', dividendsBench],
  ['村民名册', rosterBench],
  ['H5 home', h5Bench],
  ['weapp packages', weappBench],
  ['cloud function bundles', bundlesBench],
];

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0]!.toFixed(2);
  const figures: Figure[] = [];
  for (const [part, run] of PARTS) {
    try {
      figures.push(...(await run()));
    } catch (e) {
      console.error(`bench: ${part} failed:`, e);
      figures.push(
        figure({
          name: `${part}: not measured`,
          value: 'error',
          unit: '',
          goal: '—',
          met: false,
          note: (e instanceof Error ? e.message : String(e)).split('\n')[0],
        }),
      );
    }
  }
  withBallotRatio(figures);
  const seconds = (performance.now() - started) / 1000;
  const missed = figures.filter((f) => f.met === false);
  const withGoal = figures.filter((f) => f.met !== null).length;
  console.log(
    `\nTongxin benchmark report: ${new Date().toISOString()}, node ${process.version}, ` +
      `${os.cpus().length} cores (load average ${loadAtStart} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end), \`${BENCH_COMMAND}\` took ${seconds.toFixed(0)} s\n`,
  );
  console.log(table(figures));
  console.log(
    `\n${figures.length} figures, ${withGoal} with a goal: ${withGoal - missed.length} met` +
      (missed.length ? `, ${missed.length} MISSED (${missed.map((f) => f.name.trim()).join('; ')})` : ''),
  );
  const saved = saveRun(
    {
      at: new Date().toISOString(),
      node: process.version,
      cores: os.cpus().length,
      load: { start: loadAtStart, end: os.loadavg()[0]!.toFixed(2) },
      seconds,
      figures,
    },
    path.join(__dirname, '..', '..', 'build', 'bench'),
  );
  console.log(`\nSaved ${saved.json} and ${saved.html} (beside the previous run's).`);
  if (missed.length) process.exitCode = 1;
}

/** Ballots/s ÷ single-document SDK writes/s, both of this run: what a ballot costs in writes' worth. */
const BALLOT_RATIO_GOAL = 0.15;

function withBallotRatio(figures: Figure[]): void {
  const at = figures.findIndex((f) => f.name.startsWith(BALLOTS_ROW));
  const sdk = figures.find((f) => f.name === SDK_WRITES_ROW);
  if (at < 0 || !sdk) return;
  const ratio = Number(figures[at]!.value) / Number(sdk.value);
  figures.splice(
    at + 1,
    0,
    figure({
      name: '  ballots/s ÷ single-document SDK writes/s of this run',
      value: ratio.toFixed(3),
      unit: '',
      goal: `≥ ${BALLOT_RATIO_GOAL}`,
      met: ratio >= BALLOT_RATIO_GOAL,
      note: `${figures[at]!.value} ballots/s against ${sdk.value} writes/s (the local-cloud row)`,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
