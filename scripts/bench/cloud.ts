/**
 * What the function benches of `npm run bench` share: the functions built once per run into their own folder,
 * a local cloud over them with the real manifest (fsync on), and calls through the gateway that must succeed.
 */
import path from 'node:path';
import type { Result } from '../../core/result';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local-cloud';
import { buildCloudFunctions, ROOT, type BuiltFunction } from '../tools/build-cloud';
import type { Gateway } from './gateway';
import { median, p95 } from './stats';

/** Built here, not in build/cloudfunctions or build/test-cloudfunctions (other runs use those). */
export const BENCH_FUNCTIONS_DIR = path.join(ROOT, 'build', 'bench-cloudfunctions');

let built: Promise<BuiltFunction[]> | null = null;

/** The functions, built once per run into BENCH_FUNCTIONS_DIR: their names and bundle sizes. */
export function benchFunctions(): Promise<BuiltFunction[]> {
  built ??= buildCloudFunctions(BENCH_FUNCTIONS_DIR);
  return built;
}

/** Builds the functions (once per run) and starts a local cloud over them with `cloudfunctions/collections.json`. */
export async function startBenchCloud(options: Omit<LocalCloudOptions, 'functionsDir'>): Promise<LocalCloud> {
  await benchFunctions();
  return startLocalCloud({
    functionsDir: BENCH_FUNCTIONS_DIR,
    manifest: path.join(ROOT, 'cloudfunctions', 'collections.json'),
    ...options,
  });
}

/** Calls `fn`'s `action` as `openid` and returns its data, or throws with what the gateway answered. */
export async function callOk<T>(
  gw: Gateway,
  fn: string,
  openid: string,
  action: string,
  input: Record<string, unknown>,
): Promise<T> {
  const { status, body } = await gw.post<Result<T, string>>(fn, openid, { action, ...input });
  if (status !== 200 || !body.ok) {
    throw new Error(`bench: ${fn} ${action} as ${openid} answered HTTP ${status} ${JSON.stringify(body)}`);
  }
  return body.data;
}

/** Latencies as "median (p95)" in ms. */
export const fmtMs = (xs: number[]) => `${median(xs).toFixed(1)} (${p95(xs).toFixed(1)})`;
