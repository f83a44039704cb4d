import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readFunctionConfig, type FunctionConfig } from './function-config';
import type { Identity, InvocationRecord, Invocations } from './invocations';

export interface RunnerOptions {
  functionsDir: string;
  envId: string;
  appid: string;
  /** The backend's SDK endpoint, put in TCB_CONTEXT_CNFG. */
  backendUrl: string;
  secretId: string;
  secretKey: string;
  region: string;
  /** Instances per function that may run at once (each handles one invocation at a time). Default 8. */
  maxInstances?: number;
  /** How long an invocation may wait for a free instance before it fails. Default 30 s. */
  queueTimeoutMs?: number;
  /** An instance idle this long is stopped. Default 60 s. */
  idleMs?: number;
  /** Budget for loading a function's module (a cold start). Default 10 s. */
  initTimeoutMs?: number;
  /**
   * Multiplies every function's config.json timeout (default 1). Tests on a shared, loaded machine use it: the code's
   * own time budgets come from its environment, and the limit then only catches a hang, not a slow machine.
   */
  timeoutScale?: number;
  /** Set in every instance, over each function's config.json envVariables. */
  envVariables?: Record<string, string>;
  /** Receives every line a function prints. */
  onLog?: (line: string, record: InvocationRecord) => void;
}

export type InvokeOutcome =
  | { ok: true; result: unknown }
  | {
      ok: false;
      code: 'FUNCTIONS_EXECUTE_FAIL' | 'FUNCTIONS_TIME_LIMIT_EXCEEDED' | 'FUNCTION_NOT_FOUND';
      message: string;
    };

const MAX_DEPTH = 8;
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
const WORKER_FILE = path.join(__dirname, 'instance-worker.cjs');

interface Pending {
  resolve: (o: InvokeOutcome) => void;
  record: InvocationRecord;
}

class Instance {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  pending: Pending | null = null;
  idleTimer: NodeJS.Timeout | null = null;
  dead = false;
  private buffer = '';

  constructor(
    readonly pool: FunctionPool,
    env: Record<string, string>,
    memoryMb: number,
  ) {
    this.worker = new Worker(WORKER_FILE, {
      workerData: { functionDir: pool.dir },
      env,
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    for (const stream of [this.worker.stdout, this.worker.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => this.onOutput(chunk));
    }
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m: { type: string; error?: { message: string; stack?: string } }) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'init-error') reject(new Error(m.error?.stack ?? m.error?.message));
      };
      this.worker.once('message', onMessage);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) =>
        reject(new Error(`instance exited with code ${code} while loading`)),
      );
    });
    this.ready.catch(() => {});
    this.worker.on(
      'message',
      (m: { type: string; id?: string; ok?: boolean; result?: unknown; error?: SerializedError }) => {
        if (m.type !== 'result' || !this.pending || m.id !== this.pending.record.id) return;
        const { resolve } = this.pending;
        this.pending = null;
        resolve(
          m.ok
            ? { ok: true, result: m.result }
            : { ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: formatError(m.error) },
        );
      },
    );
    this.worker.on('error', (e) => this.fail(`instance crashed: ${e.message}`));
    this.worker.on('exit', (code) => this.fail(`instance exited with code ${code}`));
  }

  private onOutput(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) !== -1) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      const record = this.pending?.record;
      if (record) {
        record.logs.push(line);
        this.pool.runner.options.onLog?.(line, record);
      }
    }
  }

  private fail(message: string): void {
    this.dead = true;
    this.pool.discard(this);
    if (this.pending) {
      const { resolve } = this.pending;
      this.pending = null;
      resolve({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message });
    }
  }

  stop(): Promise<number> {
    this.dead = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    return this.worker.terminate();
  }
}

interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

function formatError(e: SerializedError | undefined): string {
  if (!e) return 'unknown error';
  return e.stack ?? `${e.name}: ${e.message}`;
}

class FunctionPool {
  readonly dir: string;
  private readonly idle: Instance[] = [];
  private readonly all = new Set<Instance>();
  private readonly waiting: ((i: Instance | null) => void)[] = [];
  private codeStamp = '';
  config!: FunctionConfig;

  constructor(
    readonly runner: Runner,
    readonly name: string,
  ) {
    this.dir = path.join(runner.options.functionsDir, name);
  }

  /** Re-reads config.json and drops idle instances when the built code changed (rebuilds are picked up). */
  refresh(): void {
    const stamp = ['index.js', 'config.json', 'package.json']
      .map((f) => {
        const file = path.join(this.dir, f);
        return existsSync(file) ? `${f}:${statSync(file).mtimeMs}` : `${f}:-`;
      })
      .join('|');
    if (stamp === this.codeStamp) return;
    this.codeStamp = stamp;
    this.config = readFunctionConfig(this.dir);
    for (const instance of this.idle.splice(0)) {
      this.all.delete(instance);
      void instance.stop();
    }
  }

  async acquire(deadline: number): Promise<Instance> {
    for (;;) {
      const idle = this.idle.pop();
      if (idle) {
        if (idle.idleTimer) clearTimeout(idle.idleTimer);
        return idle;
      }
      if (this.all.size < (this.runner.options.maxInstances ?? 8)) return this.spawn();
      // All instances are busy: wait for one to be released (handed over) or to die (retry).
      const handed = await new Promise<Instance | null>((resolve, reject) => {
        const timer = setTimeout(
          () => {
            const i = this.waiting.indexOf(take);
            if (i !== -1) this.waiting.splice(i, 1);
            reject(new Error('no free instance before the timeout'));
          },
          Math.max(0, deadline - Date.now()),
        );
        const take = (instance: Instance | null) => {
          clearTimeout(timer);
          resolve(instance);
        };
        this.waiting.push(take);
      });
      if (handed) return handed;
    }
  }

  private async spawn(): Promise<Instance> {
    const instance = new Instance(this, this.runner.instanceEnv(this), this.config.memorySize);
    this.all.add(instance);
    const initTimeout = this.runner.options.initTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        instance.ready,
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`module did not load within ${initTimeout} ms`)),
            initTimeout,
          );
        }),
      ]);
    } catch (e) {
      this.discard(instance);
      void instance.stop();
      throw e;
    } finally {
      clearTimeout(timer);
    }
    return instance;
  }

  release(instance: Instance): void {
    if (instance.dead) return;
    const next = this.waiting.shift();
    if (next) return next(instance);
    this.idle.push(instance);
    instance.idleTimer = setTimeout(() => {
      const i = this.idle.indexOf(instance);
      if (i !== -1) this.idle.splice(i, 1);
      this.all.delete(instance);
      void instance.stop();
    }, this.runner.options.idleMs ?? 60_000);
    instance.idleTimer.unref();
  }

  discard(instance: Instance): void {
    if (!this.all.delete(instance)) return;
    const i = this.idle.indexOf(instance);
    if (i !== -1) this.idle.splice(i, 1);
    // A slot is free again: let one waiting invocation start a fresh instance.
    this.waiting.shift()?.(null);
  }

  get instances(): number {
    return this.all.size;
  }

  async stop(): Promise<void> {
    const all = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(all.map((i) => i.stop()));
  }
}

/**
 * Runs built function folders (`<functionsDir>/<name>/index.js`, `config.json`) the way WeChat cloud does:
 * one invocation per instance at a time, identity in `process.env` as `getWXContext()` reads it, the
 * event and result JSON round-tripped, the timeout from config.json (the instance is killed when it
 * passes, and its later requests refused).
 */
export class Runner {
  private readonly pools = new Map<string, FunctionPool>();
  /** Added to the functions' clock (see _shared/clock.ts in the app): 0 in normal use. */
  clockOffsetMs = 0;

  constructor(
    readonly options: RunnerOptions,
    private readonly invocations: Invocations,
  ) {}

  functionNames(): string[] {
    if (!existsSync(this.options.functionsDir)) return [];
    return readdirSync(this.options.functionsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(this.options.functionsDir, d.name, 'index.js')))
      .map((d) => d.name)
      .sort();
  }

  /** The function's config (permissions etc.), or null if it does not exist. */
  config(name: string): FunctionConfig | null {
    const pool = this.pool(name);
    return pool ? pool.config : null;
  }

  private pool(name: string): FunctionPool | null {
    if (!FUNCTION_NAME.test(name) || !existsSync(path.join(this.options.functionsDir, name, 'index.js')))
      return null;
    let pool = this.pools.get(name);
    if (!pool) {
      pool = new FunctionPool(this, name);
      this.pools.set(name, pool);
    }
    pool.refresh();
    return pool;
  }

  /** The environment an instance starts with (per-invocation keys are added for each call). */
  instanceEnv(pool: FunctionPool): Record<string, string> {
    const o = this.options;
    const base: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_SECRETID: o.secretId,
      TENCENTCLOUD_SECRETKEY: o.secretKey,
      TENCENTCLOUD_REGION: o.region,
      SCF_NAMESPACE: o.envId,
      TCB_ENV: o.envId,
      SCF_FUNCTIONNAME: pool.name,
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: o.backendUrl }),
      SILENCE: 'true',
      LOCAL_CLOUD: '1',
    };
    return { ...base, ...pool.config.envVariables, ...o.envVariables };
  }

  async invoke(
    name: string,
    data: unknown,
    identity: Identity,
    parent: InvocationRecord | null = null,
  ): Promise<{ outcome: InvokeOutcome; record: InvocationRecord }> {
    const record = this.invocations.begin(name, identity, parent);
    const finish = (outcome: InvokeOutcome, status: InvocationRecord['status']) => {
      this.invocations.end(record, status);
      return { outcome, record };
    };
    if (record.depth > MAX_DEPTH) {
      return finish(
        {
          ok: false,
          code: 'FUNCTIONS_EXECUTE_FAIL',
          message: `call depth exceeds ${MAX_DEPTH} (recursive callFunction?)`,
        },
        'error',
      );
    }
    let pool: FunctionPool | null;
    try {
      pool = this.pool(name);
    } catch (e) {
      return finish({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: (e as Error).message }, 'error');
    }
    if (!pool) {
      return finish(
        { ok: false, code: 'FUNCTION_NOT_FOUND', message: `[FunctionName] function ${name} not found` },
        'error',
      );
    }
    const config = pool.config;
    const timeoutMs = Math.round(config.timeout * 1000 * (this.options.timeoutScale ?? 1));

    // The event travels as JSON; WeChat adds userInfo for calls from the mini-program.
    let event: Record<string, unknown>;
    try {
      const parsed = JSON.parse(JSON.stringify(data ?? {})) as unknown;
      event =
        parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
          ? (parsed as Record<string, unknown>)
          : {};
    } catch (e) {
      return finish(
        { ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: `event is not JSON: ${(e as Error).message}` },
        'error',
      );
    }
    const appid = identity.appid ?? this.options.appid;
    if (identity.openid) event.userInfo = { appId: appid, openId: identity.openid };

    let instance: Instance;
    try {
      // Waiting for a free or cold-started instance does not count against the function's timeout (as in SCF).
      instance = await pool.acquire(Date.now() + (this.options.queueTimeoutMs ?? 30_000));
    } catch (e) {
      return finish(
        { ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: `cold start failed: ${(e as Error).message}` },
        'error',
      );
    }

    const env = invocationEnv(record, identity, appid);
    // Tests move the functions' clock (LocalCloud.setClockOffset); WeChat cloud never sets this variable.
    if (this.clockOffsetMs !== 0) env.LOCAL_CLOUD_CLOCK_OFFSET_MS = String(this.clockOffsetMs);
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: config.memorySize,
      time_limit_in_ms: timeoutMs,
      request_id: record.id,
      environ: Object.entries({
        ...env,
        WX_API_TOKEN: undefined,
        SCF_NAMESPACE: this.options.envId,
        TCB_ENV: this.options.envId,
      })
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${v}`)
        .join(';'),
      function_version: '$LATEST',
      function_name: name,
      namespace: this.options.envId,
      tencentcloud_region: this.options.region,
      tencentcloud_appid: '1250000000',
      tencentcloud_uin: '100000000001',
    };

    const outcome = await new Promise<InvokeOutcome>((resolve) => {
      const timer = setTimeout(() => {
        if (!instance.pending) return;
        instance.pending = null;
        // As in the cloud, the instance is stopped: nothing it still has in flight may land afterwards.
        pool!.discard(instance);
        void instance.stop();
        resolve({
          ok: false,
          code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
          message: `Invoking task timed out after ${timeoutMs / 1000} seconds`,
        });
      }, timeoutMs);
      instance.pending = {
        record,
        resolve: (o) => {
          clearTimeout(timer);
          resolve(o);
        },
      };
      instance.worker.postMessage({ type: 'invoke', id: record.id, event, context, env });
    });
    pool.release(instance);
    const status = outcome.ok ? 'ok' : outcome.code === 'FUNCTIONS_TIME_LIMIT_EXCEEDED' ? 'timeout' : 'error';
    return finish(outcome, status);
  }

  /** Instances currently started, per function (for tests and the dev UI). */
  instanceCounts(): Record<string, number> {
    return Object.fromEntries([...this.pools].map(([name, pool]) => [name, pool.instances]));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.stop()));
    this.pools.clear();
  }
}

/** What `getWXContext()` and the SDK read from `process.env` for one call. */
function invocationEnv(record: InvocationRecord, identity: Identity, appid: string): Record<string, string> {
  const env: Record<string, string> = {};
  const source = sourceOf(identity);
  if (identity.openid) {
    env.WX_OPENID = identity.openid;
    env.WX_APPID = appid;
    env.WX_CLIENTIP = identity.clientIp ?? '127.0.0.1';
    env.WX_CLIENTIPV6 = '::ffff:127.0.0.1';
  }
  if (identity.unionid) env.WX_UNIONID = identity.unionid;
  env.WX_API_TOKEN = record.token;
  env.WX_CONTEXT_KEYS = [...Object.keys(env)].join(',');
  env.TCB_SOURCE = source;
  env.SCF_REQUEST_ID = record.id;
  return env;
}

/** `getWXContext().SOURCE`: `wx_client` for a call from the mini-program, `scf` for one with no user. */
export function sourceOf(identity: Identity): string {
  return identity.source ?? (identity.openid ? 'wx_client' : 'scf');
}
