/**
 * The size figures of `npm run bench`: the weapp packages (scripts/weapp-sizes.ts, the same measure as
 * test/weapp/sizes.test.ts) of the build in dist/ — built with `npm run build:weapp` first when it is missing or
 * older than its sources —
 * and each cloud function's bundle (index.js, what deploys beside wx-server-sdk) as the bench built it.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { WEAPP_DIST } from '../../test/weapp/harness/dist-dir';
import { ROOT } from '../tools/build-cloud';
import { builtFromCurrentSources } from '../tools/start';
import { kb, MAIN_BUDGET, SUBPACKAGE_BUDGET, weappSizes } from '../tools/weapp-sizes';
import { benchFunctions } from './cloud';
import { figure, type Figure } from './stats';

const WEAPP_COMMAND = 'npm run build:weapp';
const CLOUD_COMMAND = 'npm run build:cloud';

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

export function weappBench(): Figure[] {
  const appJson = path.join(WEAPP_DIST, 'app.json');
  const buildNow = !builtFromCurrentSources(appJson);
  if (buildNow) {
    console.log(
      `bench: the weapp build in ${WEAPP_DIST} is missing or older than its sources, running ${WEAPP_COMMAND}…`,
    );
    const run = spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) throw new Error('bench: the weapp build failed');
  }
  const sizes = weappSizes(WEAPP_DIST);
  const builtAt = statSync(appJson).mtime.toISOString().slice(0, 16).replace('T', ' ');
  return [
    figure({
      name: 'weapp: main package',
      value: kib(sizes.main),
      unit: 'KB',
      goal: `≤ ${kb(MAIN_BUDGET)}`,
      met: sizes.main <= MAIN_BUDGET,
      note:
        `bytes of the built files outside the subpackages, in ${path.relative(ROOT, WEAPP_DIST) || '.'}/ ` +
        `(built ${builtAt} UTC${buildNow ? ' by this run' : ''})`,
      command: WEAPP_COMMAND,
    }),
    ...sizes.subpackages.map(({ root, bytes }) =>
      figure({
        name: `  subpackage ${root}`,
        value: kib(bytes),
        unit: 'KB',
        goal: `≤ ${kb(SUBPACKAGE_BUDGET)}`,
        met: bytes > 0 && bytes <= SUBPACKAGE_BUDGET,
        command: WEAPP_COMMAND,
      }),
    ),
  ];
}

export async function bundlesBench(): Promise<Figure[]> {
  return (await benchFunctions()).map((f, i) =>
    figure({
      name: `cloud function bundle: ${f.name}`,
      value: kib(f.bytes),
      unit: 'KiB',
      goal: '—',
      met: null,
      note: i === 0 ? 'index.js as esbuild bundles it (deployed beside wx-server-sdk)' : undefined,
      command: CLOUD_COMMAND,
    }),
  );
}
