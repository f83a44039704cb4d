/**
 * `npm start`: the whole app on one laptop, offline.
 *
 * 1. builds the cloud functions (esbuild, a second) and the H5 app (Taro, when its sources changed);
 * 2. starts the local cloud on DATA_DIR (default .data) with the collections manifest, loading the demo data
 *    into a new, empty environment;
 * 3. serves the H5 app and `POST /api/<function>` (header X-Openid = the WeChat user) on 127.0.0.1:PORT (3000).
 *    Functions' timer triggers (config.json `triggers`) fire on their schedule (UTC+8), as in WeChat cloud.
 *
 *   PORT=3000 DATA_DIR=.data npm start        (add --no-h5 to skip the H5 build, --rebuild to force it,
 *                                             --no-demo to serve a township from `npm run bootstrap` instead)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local-cloud';
import { fail } from '../../core/result';
import { buildCloudFunctions, DEFAULT_OUT as FUNCTIONS_OUT, ROOT } from './build-cloud';
import { functionEnvOf } from './deploy';
import { DEMO_GROUP_LEADERS } from '../demo/identities';
import { demoBriefings } from '../demo/briefings';
import { demoHonor } from '../demo/honor';
import { demoDividends } from '../demo/dividends';
import { demoSeed } from '../demo/seed';

export const H5_DIR = path.join(ROOT, 'dist-h5');
const H5_SOURCES = ['src', 'config', 'core', 'package.json', 'babel.config.js', '.env'].map((p) =>
  path.join(ROOT, p),
);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs);
}

/** Whether a built file exists and is newer than every source the app is built from (H5 and weapp alike). */
export function builtFromCurrentSources(builtFile: string): boolean {
  return existsSync(builtFile) && statSync(builtFile).mtimeMs >= Math.max(...H5_SOURCES.map(newestMtime));
}

/** Builds the H5 app unless dist-h5 is newer than every source it is built from. */
export function ensureH5Build(force = false): void {
  if (!force && builtFromCurrentSources(path.join(H5_DIR, 'index.html'))) return;
  console.log('building the H5 app (Taro)…');
  // A production build whatever the caller's NODE_ENV: under jest (NODE_ENV=test) babel would otherwise
  // compile Taro's H5 runtime to CommonJS `require` calls that fail in the browser.
  const run = spawnSync('npm', ['run', '--silent', 'build:h5'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0) throw new Error('the H5 build failed');
}

/** Serves files of the H5 build; any other GET gets index.html (the app routes by hash). */
export function staticFiles(dir: string) {
  return (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const wanted = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (wanted !== dir && !wanted.startsWith(dir + path.sep)) return false;
    const file = existsSync(wanted) && statSync(wanted).isFile() ? wanted : path.join(dir, 'index.html');
    if (!existsSync(file)) return false;
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      // Built assets carry content hashes in their names; index.html must always be fresh.
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}

interface ProjectConfig {
  envId: string;
  appid: string;
  manifest: string;
  templates: LocalCloudOptions['templates'];
  securityWords: LocalCloudOptions['securityWords'];
  /** The functions' environment offline (what `npm run deploy` sets from FN_<NAME> in WeChat cloud). */
  functionEnv?: Record<string, string>;
}

export interface StartOptions {
  port: number;
  dataDir: string;
  h5: boolean;
  rebuild: boolean;
  /** Multiplies the functions' timeouts (the e2e tests on a loaded machine); default 1, as in WeChat cloud. */
  timeoutScale?: number;
  /** Load no demo data into a new environment (default true: the demo town). */
  demo?: boolean;
  /** Where the functions are built (default build/cloudfunctions, the folder DevTools and deploy use). */
  functionsOut?: string;
  /** Environment variables for the functions (`FN_<NAME>=value npm start` sets NAME), e.g. shorter timings for e2e. */
  envVariables?: Record<string, string>;
}

/**
 * `FN_<NAME>` variables of this process, as the functions' environment (`NAME`), over local-cloud.config.json
 * `functionEnv` (the offline defaults, e.g. NOTICE_TEMPLATE_ID); `npm run deploy` reads the same names.
 */
export const functionEnv: (env: NodeJS.ProcessEnv) => Record<string, string> = functionEnvOf;

/** The demo town with its demo briefings (authored by the town's 政策解读组 组长), 中海村's honor board and cooperatives. */
function appSeed(): Record<string, Record<string, unknown>[]> {
  const seed = demoSeed();
  const leader = seed.members?.find((m) => m._id === DEMO_GROUP_LEADERS.policy);
  return {
    ...seed,
    ...demoBriefings(String(leader?.name ?? '政策解读组')),
    ...demoHonor(seed.residents ?? []),
    ...demoDividends(seed.residents ?? []),
  };
}

export async function start(options: StartOptions): Promise<LocalCloud> {
  const config = JSON.parse(
    readFileSync(path.join(ROOT, 'local-cloud.config.json'), 'utf8'),
  ) as ProjectConfig;
  const functionsDir = options.functionsOut ?? FUNCTIONS_OUT;
  const built = await buildCloudFunctions(functionsDir);
  console.log(`built ${built.length} cloud function(s): ${built.map((f) => f.name).join(', ')}`);
  if (options.h5) ensureH5Build(options.rebuild);
  return startLocalCloud({
    functionsDir,
    dataDir: options.dataDir,
    envId: config.envId,
    appid: config.appid,
    manifest: path.join(ROOT, config.manifest),
    seed: options.demo === false ? undefined : appSeed(),
    templates: config.templates,
    securityWords: config.securityWords,
    port: options.port,
    timeoutScale: options.timeoutScale,
    envVariables: { ...config.functionEnv, ...options.envVariables },
    logFunctionOutput: true,
    // Timer triggers (config.json `triggers`) fire on their cron schedule, as in WeChat cloud.
    runTriggers: true,
    badDevRequest: () => fail('INVALID_INPUT', '请求格式不正确'),
    fallback: options.h5 ? staticFiles(H5_DIR) : undefined,
  });
}

if (require.main === module) {
  const args = new Set(process.argv.slice(2));
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data'));
  start({
    port,
    dataDir,
    h5: !args.has('--no-h5'),
    rebuild: args.has('--rebuild'),
    demo: !args.has('--no-demo'),
    // Only the tests set it (test/e2e/browser.ts): see LocalCloudOptions.timeoutScale.
    timeoutScale: Number(process.env.TIMEOUT_SCALE) || 1,
    envVariables: functionEnv(process.env),
  }).then(
    (cloud) => {
      console.log(`
同心 Tongxin is running: ${cloud.url}/
  data        ${cloud.envDir}
  functions   POST ${cloud.url}/api/<function>  (header X-Openid: <openid>)
  dev console ${cloud.url}/_local/
  demo users  demo-town-admin, demo-village-admin, demo-leader-{consult,policy,crowdfund,mediate,service},
              demo-rep-01…15, demo-resident-001…300, demo-unbound (README lists them)
Press Ctrl-C to stop.`);
      const stop = () => {
        console.log('\nstopping (writing a snapshot)…');
        cloud.stop({ compact: true }).then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
