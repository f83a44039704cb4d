import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';
import { LocalCloud, startLocalCloud, type LocalCloudOptions } from '../../local-cloud';
import type { Result } from '../../core/result';
import { demoSeed } from '../../scripts/demo/seed';
import { TEST_FUNCTIONS_DIR } from '../setup/global-setup';
import { TEST_TIMEOUT_SCALE } from './timeouts';

const ROOT = path.join(__dirname, '..', '..');
const CONFIG = JSON.parse(readFileSync(path.join(ROOT, 'local-cloud.config.json'), 'utf8')) as Pick<
  LocalCloudOptions,
  'templates' | 'securityWords' | 'appid'
> & { functionEnv: Record<string, string> };

/** The subscribe-message template id the notices function is configured with offline. */
export const NOTICE_TEMPLATE = CONFIG.functionEnv.NOTICE_TEMPLATE_ID!;

/** The app's local cloud for a test file: built functions, the real manifest, the demo data, the content word list. */
export function startAppCloud(options: Partial<LocalCloudOptions> = {}): Promise<LocalCloud> {
  return startLocalCloud({
    functionsDir: TEST_FUNCTIONS_DIR,
    manifest: path.join(ROOT, 'cloudfunctions', 'collections.json'),
    seed: demoSeed(),
    templates: CONFIG.templates,
    securityWords: CONFIG.securityWords,
    appid: CONFIG.appid,
    timeoutScale: TEST_TIMEOUT_SCALE,
    ...options,
    // The functions' environment offline (local-cloud.config.json `functionEnv`), as `npm start` sets it.
    envVariables: { ...CONFIG.functionEnv, ...options.envVariables },
  });
}

/**
 * The local cloud of one test file: started before its tests and stopped after them (`{ each: true }`: a fresh cloud
 * for every test). Returns a stand-in that forwards to the running cloud, so a file writes `const cloud =
 * useAppCloud(startAgendaCloud)` and uses `cloud` in its tests and hooks as it is.
 */
export function useAppCloud(
  start: () => Promise<LocalCloud> = () => startAppCloud(),
  { each = false }: { each?: boolean } = {},
): LocalCloud {
  let running: LocalCloud | undefined;
  (each ? beforeEach : beforeAll)(async () => {
    running = await start();
  });
  (each ? afterEach : afterAll)(() => running?.stop());
  return new Proxy(Object.create(LocalCloud.prototype) as LocalCloud, {
    get(_target, key) {
      if (!running) throw new Error('the local cloud runs only inside the tests and hooks of its file');
      const value = Reflect.get(running, key, running) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(running) : value;
    },
  });
}

/** Calls one action of a function as a WeChat user, as the mini-program does; returns the function's result. */
export function caller(cloud: LocalCloud, fn: string, openid: string | null) {
  return <T = unknown>(action: string, payload: Record<string, unknown> = {}) =>
    cloud.call(fn, { action, ...payload }, openid ? { openid } : {}) as Promise<Result<T, string>>;
}

/** `caller` typed by a function's contract: `typedCaller<AgendaInput, AgendaOutput>('agenda')(cloud, openid)('vote', …)`. */
export function typedCaller<I, O>(fn: string) {
  return (cloud: LocalCloud, openid: string | null) => {
    const call = caller(cloud, fn, openid);
    return <A extends keyof O & keyof I & string>(
      action: A,
      input: Partial<I[A]> | Record<string, unknown> = {},
    ) => call<O[A]>(action, input as Record<string, unknown>) as Promise<Result<O[A], string>>;
  };
}

/** A digest of every user collection, to prove that a refused call changed nothing. */
export function digest(cloud: LocalCloud): string {
  const hash = createHash('sha256');
  for (const name of cloud.store.engine.collectionNames()) {
    if (name.startsWith('$')) continue;
    hash.update(name).update(EJSON.stringify(cloud.dump(name), { relaxed: false }));
  }
  return hash.digest('hex');
}

/** The residentId the demo seed gives an openid: `demo-resident-007` → `r_resident_007`. */
export const residentIdOf = (openid: string) => `r_${openid.replace(/^demo-/, '').replace(/-/g, '_')}`;

/** Unwraps an ok result or fails the test with the error. */
export function data<T>(result: Result<T, string>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** Asserts a refusal (code, and the exact message when given) and that no collection changed. */
export async function refuses(
  cloud: LocalCloud,
  call: () => Promise<Result<unknown, string>>,
  code: string,
  message?: string,
): Promise<void> {
  const before = digest(cloud);
  const res = await call();
  expect(res).toEqual({ ok: false, error: { code, message: message ?? expect.any(String) } });
  expect(digest(cloud)).toBe(before);
}
