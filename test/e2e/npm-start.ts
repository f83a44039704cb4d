import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LockInfo } from '../../local-cloud';

const ROOT = path.join(__dirname, '..', '..');
const ENV_ID = (
  JSON.parse(readFileSync(path.join(ROOT, 'local-cloud.config.json'), 'utf8')) as { envId: string }
).envId;
/** What start.ts prints once it serves: `同心 Tongxin is running: http://127.0.0.1:PORT/`. */
const RUNNING = /Tongxin is running: (http:\/\/127\.0\.0\.1:\d+)\//;
const START_TIMEOUT_MS = 120_000;
const GONE_TIMEOUT_MS = 10_000;
const OUTPUT_KEPT = 64 * 1024;

export interface NpmStart {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** The process group: npm, its shell, tsx and the node process that serves (all killed together). */
  pgid: number;
  /** The data folder's LOCK: the process that holds the data (start.ts itself, not npm). */
  lock(): LockInfo;
  /** The last 64 KiB of what it printed. */
  output(): string;
  /** Sends `signal` to the whole group (at once, synchronously); a group already gone is fine. */
  signal(signal: NodeJS.Signals): void;
  /** Resolves once no process of the group is left. */
  gone(): Promise<void>;
}

/** The process group id of a live process, from /proc (Linux). */
export function pgidOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so split after the last ')'.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

/** Every group npmStart spawned that may still run: what `killAllStarted` ends. */
const groups = new Set<number>();

/** SIGKILLs every group npmStart started and waits until they are gone (afterAll, whatever a failed test left). */
export async function killAllStarted(): Promise<void> {
  for (const pgid of groups) if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  for (const pgid of groups) await waitGone(pgid, () => '');
  groups.clear();
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw e;
  }
}

/** Waits (on the condition, checked every 20 ms) until no process of the group is left. */
async function waitGone(pgid: number, output: () => string): Promise<void> {
  const deadline = Date.now() + GONE_TIMEOUT_MS;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) throw new Error(`process group ${pgid} outlived its kill:\n${output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Runs `npm start -- --no-h5` (README's command, without the H5 build) on `dataDir` with PORT=0 (a free port),
 * in a process group of its own so that the whole tree can be killed at once, as a power cut would. Resolves
 * once it says it is running.
 */
export function npmStart(dataDir: string, env: Record<string, string> = {}): Promise<NpmStart> {
  const child = spawn('npm', ['start', '--', '--no-h5'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: '0', DATA_DIR: dataDir, npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pgid = child.pid!;
  groups.add(pgid);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stderr!.on('data', keep);
  const handle: Omit<NpmStart, 'url'> = {
    pgid,
    lock: () => JSON.parse(readFileSync(path.join(dataDir, ENV_ID, 'LOCK'), 'utf8')) as LockInfo,
    output: () => output,
    signal(signal) {
      if (groupAlive(pgid)) process.kill(-pgid, signal);
    },
    gone: () => waitGone(pgid, () => output),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      handle.signal('SIGKILL');
      reject(new Error(`npm start did not come up in ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      handle.signal('SIGKILL');
      reject(new Error(`npm start exited (${code}) before it served:\n${output}`));
    };
    child.once('exit', onExit);
    let served = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      keep(chunk);
      const running = served ? null : RUNNING.exec(output);
      if (!running) return;
      served = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ ...handle, url: running[1]! });
    });
  });
}
