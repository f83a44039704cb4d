import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions, type LockInfo } from '../../local-cloud';

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

const ROOT = path.join(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'local-cloud', 'cli.ts');

/**
 * Runs the local-cloud CLI in a child process (as `npm run local-cloud -- …` would). Node loads tsx as an
 * import hook, so the child is one process: a signal sent to it reaches the server itself.
 */
export function spawnCli(args: string[], options: { cwd?: string } = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the CLI to completion; resolves with its exit code and output. */
export function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `serve` and resolves once its health endpoint answers; the URL comes from the data folder's lock. */
export async function startServe(
  args: string[],
  envDir: string,
): Promise<{ child: ChildProcess; url: string; lock: LockInfo; output: () => string }> {
  const child = spawnCli(['serve', '--port', '0', ...args]);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited early:\n${output}`);
    const lock = path.join(envDir, 'LOCK');
    if (existsSync(lock)) {
      try {
        const info = JSON.parse(readFileSync(lock, 'utf8')) as LockInfo;
        if (info.pid === child.pid && (await fetch(`${info.url}/_local/health`)).ok) {
          return { child, url: info.url, lock: info, output: () => output };
        }
      } catch {
        /* not ready yet */
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`serve did not become healthy:\n${output}`);
}

/** Resolves when the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Runs `fn` while capturing console.warn; resolves with what was warned. */
export async function capturingWarnings<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  const spy = jest
    .spyOn(console, 'warn')
    .mockImplementation((...args: unknown[]) => void warnings.push(args.join(' ')));
  try {
    return { value: await fn(), warnings };
  } finally {
    spy.mockRestore();
  }
}
