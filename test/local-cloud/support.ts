import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local-cloud';

/** Built-function fixtures: plain JavaScript folders, exactly what would be deployed. */
export const FIXTURE_FUNCTIONS = path.join(__dirname, 'fixtures', 'functions');

/** Starts a local cloud on a fresh temporary data folder, removed by `stop()`. */
export function startTestCloud(options: Partial<LocalCloudOptions> = {}): Promise<LocalCloud> {
  return startLocalCloud({ functionsDir: FIXTURE_FUNCTIONS, ...options });
}

/** What a rejected SDK call carries: wx-server-sdk's numeric errCode and its message. */
export async function sdkError(promise: Promise<unknown>): Promise<{ errCode: number; message: string }> {
  try {
    await promise;
  } catch (e) {
    const err = e as { errCode?: number; message?: string; errMsg?: string };
    return { errCode: err.errCode ?? NaN, message: err.message ?? err.errMsg ?? String(e) };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A data folder that outlives `stop()`, for restart tests; call the returned cleanup when done. */
export function keptDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'local-cloud-kept-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
