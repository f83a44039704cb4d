import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { Backend, clientError } from './backend';
import { nextFire } from './cron';
import { DatabaseService } from './database';
import { Invocations, type Identity, type InvocationRecord, type RequestLogEntry } from './invocations';
import type { TimerTrigger } from './function-config';
import { applyManifest, loadManifest, type CollectionsManifest } from './manifest';
import {
  GRANTS,
  OpenApiService,
  OUTBOX,
  type OutboxMessage,
  type SecurityWord,
  type SubscribeTemplate,
} from './openapi';
import type { WalOp } from './store/engine';
import { Runner } from './runner';
import { StorageService, type StoredFile } from './storage';
import { Store } from './store/store';
import { cloneValue, type Doc } from './values';

export type SeedData = Record<string, Record<string, unknown>[]>;
import type { SdkDatabase, SdkStorage } from './sdk-types';

/** The wx-server-sdk database, typed by what it does when called with promises (see sdk-types.ts). */
export type CloudDatabase = SdkDatabase;

export interface LocalCloudOptions {
  /** Folder holding one built function per subfolder (index.js, package.json, config.json). */
  functionsDir: string;
  /** Holds one data folder per environment. Default: a fresh temporary folder, removed by `stop()`. */
  dataDir?: string;
  /** Environment id (what `cloud.DYNAMIC_CURRENT_ENV` resolves to). Default `local-dev`. */
  envId?: string;
  /** The mini-program's AppID that functions see. */
  appid?: string;
  /** Collections and indexes to create (an object or a path to collections.json). */
  manifest?: CollectionsManifest | string;
  /** Loaded only into a new, empty environment: documents per collection, or a function using the SDK. */
  seed?: SeedData | ((db: CloudDatabase) => Promise<void>);
  /** Subscribe-message templates by template id. */
  templates?: Record<string, SubscribeTemplate>;
  /** The word list `security.msgSecCheck` flags. */
  securityWords?: SecurityWord[];
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** fsync each commit before answering (default true). */
  fsync?: boolean;
  /** Cloud storage's limit for one upload (default COS's 5 GB), smaller in tests. */
  maxUploadBytes?: number;
  /** Compact the log into a snapshot past this many bytes. */
  compactAfterBytes?: number;
  maxInstancesPerFunction?: number;
  /** Multiplies every function's timeout (tests on a loaded machine); default 1, as in WeChat cloud. */
  timeoutScale?: number;
  /**
   * Environment variables for every function instance, over each function's `config.json` envVariables
   * (as the console's 环境变量 setting would be), e.g. a shorter timing for tests.
   */
  envVariables?: Record<string, string>;
  /** Print function output (true), hand it to a callback, or keep it only in invocation records (default). */
  logFunctionOutput?: boolean | ((line: string, record: InvocationRecord) => void);
  /** The answer (HTTP 400) to a dev-API body that is not a JSON object, in the app's own result shape. */
  badDevRequest?: (reason: string) => unknown;
  /** Extra HTTP routes (e.g. serving the H5 build) tried before the 404. */
  fallback?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;
  /**
   * Fire every function's timer trigger (config.json `triggers`) on its cron schedule, in UTC+8, until `stop()`
   * (default false: tests fire them with `trigger()`). Triggers are read when the cloud starts.
   */
  runTriggers?: boolean;
}

/** The event a timer trigger passes to the function (WeChat's shape). */
export type TimerEvent = { Type: 'Timer'; TriggerName: string; Time: string; Message: string };

/** A timer firing at `ms`: `Time` is UTC in whole seconds, e.g. `2026-11-22T03:00:00Z`. */
export function timerEvent(triggerName: string, ms: number): TimerEvent {
  const Time = new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  return { Type: 'Timer', TriggerName: triggerName, Time, Message: '' };
}

/** Who a timer-triggered function runs as: nobody (no OPENID), `getWXContext().SOURCE` = `wx_trigger`. */
const TRIGGER_IDENTITY: Identity = { source: 'wx_trigger' };

/** A timer trigger that `runTriggers` has scheduled. */
export interface ScheduledTrigger {
  functionName: string;
  trigger: TimerTrigger;
  /** The next firing (epoch ms). */
  nextAt: number;
}

/** How `wx.cloud.callFunction` fails: the same codes the mini-program sees. */
export class LocalCloudCallError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
    readonly invocation: InvocationReport,
  ) {
    super(errMsg);
    this.name = 'LocalCloudCallError';
  }
}

export interface InvocationReport {
  requestId: string;
  functionName: string;
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string };
  durationMs: number;
  /** Every database, openapi and function request the invocation made, in order. */
  requests: RequestLogEntry[];
  /** What the function printed. */
  logs: string[];
}

/**
 * `<dataDir>/<env>/LOCK` while a local cloud owns the folder (mode 0600): who, where, and the SDK
 * credentials its backend accepts, so that local tools can connect a wx-server-sdk client to it.
 */
export interface LockInfo {
  pid: number;
  url: string;
  envId: string;
  secretId: string;
  secretKey: string;
  startedAt: string;
}

export const DEFAULT_ENV_ID = 'local-dev';
export const DEFAULT_APPID = 'wxd0c0a1b2c3d4e5f6';

/** local-cloud's own state, hidden from function code by the `$` prefix. */
const META = '$meta';
const PLATFORM_COLLECTIONS = [OUTBOX, GRANTS, META];

async function ensurePlatformCollections(store: Store): Promise<void> {
  const missing = PLATFORM_COLLECTIONS.filter((name) => !store.engine.hasCollection(name));
  await store.commit(missing.flatMap((name) => store.engine.planDefineCollection(name, [])));
}

/** Reads the lock of an environment's data folder, if a live process holds it. */
export function readLiveLock(envDir: string): LockInfo | null {
  const file = path.join(envDir, 'LOCK');
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null;
  }
}

// setTimeout's longest delay (about 24.8 days); a later firing is reached in several waits.
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * Fires each function's timer trigger on its schedule (`runTriggers`). A firing that finds the previous one of the
 * same trigger still running is skipped and logged. Timers are unref'd: they never keep the process alive.
 */
class TriggerScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<string>();
  readonly scheduled = new Map<string, ScheduledTrigger>();
  private stopped = false;

  constructor(
    private readonly invoke: (fn: string, event: TimerEvent) => Promise<InvocationReport>,
    private readonly log: ((line: string) => void) | null,
  ) {}

  add(functionName: string, trigger: TimerTrigger): void {
    this.schedule(functionName, trigger, Date.now());
  }

  private schedule(functionName: string, trigger: TimerTrigger, afterMs: number): void {
    const nextAt = nextFire(trigger.config, afterMs);
    if (nextAt === null) {
      this.scheduled.delete(functionName);
      console.warn(
        `[local-cloud] timer trigger ${functionName}/${trigger.name} "${trigger.config}" does not fire within five years; not scheduled`,
      );
      return;
    }
    this.scheduled.set(functionName, { functionName, trigger, nextAt });
    this.arm(functionName, trigger, nextAt);
  }

  private arm(functionName: string, trigger: TimerTrigger, at: number): void {
    const timer = setTimeout(
      () => {
        if (this.stopped) return;
        if (Date.now() < at) this.arm(functionName, trigger, at);
        else this.fire(functionName, trigger, at);
      },
      Math.min(Math.max(0, at - Date.now()), MAX_TIMER_DELAY_MS),
    );
    timer.unref();
    this.timers.set(functionName, timer);
  }

  private fire(functionName: string, trigger: TimerTrigger, at: number): void {
    const event = timerEvent(trigger.name, at);
    const label = `[local-cloud] timer trigger ${functionName}/${trigger.name} at ${event.Time}`;
    // Firings missed while the process was suspended are not made up for.
    this.schedule(functionName, trigger, Math.max(at, Date.now()));
    if (this.running.has(functionName)) {
      console.warn(`${label}: skipped, the previous firing is still running`);
      return;
    }
    this.running.add(functionName);
    this.invoke(functionName, event)
      .then(
        (report) => {
          if (this.stopped) return;
          if (report.ok) this.log?.(`${label}: ok (${Math.round(report.durationMs)} ms)`);
          else console.warn(`${label}: failed: ${report.error!.code}: ${report.error!.message}`);
        },
        (e: unknown) => {
          if (!this.stopped) console.warn(`${label}: failed:`, e);
        },
      )
      .finally(() => this.running.delete(functionName));
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.scheduled.clear();
  }
}

/**
 * The offline WeChat cloud: a backend that speaks wx-server-sdk's protocol, a durable database, the
 * openapi emulation and a function runner, on one loopback port.
 */
export class LocalCloud {
  private sdkDb: CloudDatabase | null = null;
  private sdkInstance: SdkStorage | null = null;
  private stopped = false;
  private scheduler: TriggerScheduler | null = null;

  private constructor(
    readonly envId: string,
    readonly appid: string,
    readonly url: string,
    readonly envDir: string,
    readonly store: Store,
    readonly openapi: OpenApiService,
    readonly invocations: Invocations,
    readonly runner: Runner,
    readonly storage: StorageService,
    private readonly backend: Backend,
    private readonly secret: { id: string; key: string },
    private readonly removeDataDir: string | null,
  ) {}

  static async start(options: LocalCloudOptions): Promise<LocalCloud> {
    const envId = options.envId ?? DEFAULT_ENV_ID;
    const appid = options.appid ?? DEFAULT_APPID;
    const tempDir = options.dataDir ? null : mkdtempSync(path.join(os.tmpdir(), 'local-cloud-'));
    const envDir = path.join(options.dataDir ?? tempDir!, envId);
    const manifest = loadManifest(options.manifest);

    const holder = readLiveLock(envDir);
    if (holder) {
      throw new Error(
        `local-cloud: ${envDir} is in use by process ${holder.pid} (${holder.url}); stop it or talk to it`,
      );
    }
    const store = await Store.open(envDir, envId, {
      fsync: options.fsync,
      compactAfterBytes: options.compactAfterBytes,
    });
    await ensurePlatformCollections(store);
    await applyManifest(store, manifest);

    const secret = { id: `local-${randomBytes(8).toString('hex')}`, key: randomBytes(24).toString('hex') };
    const invocations = new Invocations();
    const openapi = new OpenApiService(store, {
      templates: options.templates ?? {},
      securityWords: options.securityWords ?? [],
    });
    const database = new DatabaseService(store);
    const storage = new StorageService({
      envDir,
      envId,
      secretKey: secret.key,
      maxUploadBytes: options.maxUploadBytes,
    });
    const onLog =
      typeof options.logFunctionOutput === 'function'
        ? options.logFunctionOutput
        : options.logFunctionOutput
          ? (line: string, r: InvocationRecord) =>
              console.log(`[${r.functionName} ${r.id.slice(0, 8)}] ${line}`)
          : undefined;
    // The runner needs the backend's URL and the backend needs the runner: the URL is filled in after listen.
    const runnerOptions = {
      functionsDir: path.resolve(options.functionsDir),
      envId,
      appid,
      backendUrl: '',
      secretId: secret.id,
      secretKey: secret.key,
      region: 'ap-shanghai',
      maxInstances: options.maxInstancesPerFunction,
      timeoutScale: options.timeoutScale,
      envVariables: options.envVariables,
      onLog,
    };
    const runner = new Runner(runnerOptions, invocations);
    const backend = new Backend({
      envId,
      appid,
      secretId: secret.id,
      store,
      database,
      openapi,
      storage,
      invocations,
      runner,
      badDevRequest: options.badDevRequest,
      fallback: options.fallback,
    });
    let port: number;
    try {
      port = await backend.listen(options.port ?? 0);
    } catch (e) {
      await store.close();
      throw e;
    }
    const url = `http://127.0.0.1:${port}`;
    runnerOptions.backendUrl = `${url}/tcb`;
    const lock: LockInfo = {
      pid: process.pid,
      url,
      envId,
      secretId: secret.id,
      secretKey: secret.key,
      startedAt: new Date().toISOString(),
    };
    writeFileSync(path.join(envDir, 'LOCK'), JSON.stringify(lock), { mode: 0o600 });
    const cloud = new LocalCloud(
      envId,
      appid,
      url,
      envDir,
      store,
      openapi,
      invocations,
      runner,
      storage,
      backend,
      secret,
      tempDir,
    );

    if (options.seed && !store.engine.getById(META, 'seed')) {
      try {
        await cloud.seed(options.seed);
      } catch (e) {
        await cloud.stop();
        throw e;
      }
    }
    if (options.runTriggers) cloud.scheduleTriggers(options.logFunctionOutput === true);
    return cloud;
  }

  /** Schedules the timer trigger of every function found now; a function whose config.json is bad is skipped. */
  private scheduleTriggers(verbose: boolean): void {
    const scheduler = new TriggerScheduler(
      (fn, event) => this.invoke(fn, event, TRIGGER_IDENTITY),
      verbose ? (line) => console.log(line) : null,
    );
    this.scheduler = scheduler;
    for (const fn of this.runner.functionNames()) {
      let trigger: TimerTrigger | undefined;
      try {
        trigger = this.runner.config(fn)?.triggers[0];
      } catch (e) {
        console.warn(`[local-cloud] ${(e as Error).message}; its timer trigger is not scheduled`);
        continue;
      }
      if (trigger) scheduler.add(fn, trigger);
    }
  }

  /** The timer triggers `runTriggers` scheduled, with their next firing ([] without `runTriggers`). */
  scheduledTriggers(): ScheduledTrigger[] {
    return [...(this.scheduler?.scheduled.values() ?? [])].map((s) => ({ ...s }));
  }

  /**
   * Fires a function's timer trigger now, as WeChat cloud does on schedule: the event is
   * `{Type: 'Timer', TriggerName, Time, Message: ''}`, the function runs with no user (no OPENID,
   * `SOURCE` = `wx_trigger`). `triggerName` defaults to the function's only trigger. Resolves with the result
   * (which in WeChat goes nowhere), rejects like `call()` when the function fails.
   */
  async trigger(functionName: string, triggerName?: string): Promise<unknown> {
    const config = this.runner.config(functionName);
    if (!config) {
      throw new Error(
        `local-cloud: no function "${functionName}" in ${this.runner.options.functionsDir} (a folder with index.js)`,
      );
    }
    const trigger =
      triggerName === undefined ? config.triggers[0] : config.triggers.find((t) => t.name === triggerName);
    if (!trigger) {
      const declared = config.triggers.map((t) => `"${t.name}"`).join(', ') || 'none';
      throw new Error(
        triggerName === undefined
          ? `local-cloud: function "${functionName}" has no timer trigger in its config.json`
          : `local-cloud: function "${functionName}" has no timer trigger "${triggerName}" (config.json declares ${declared})`,
      );
    }
    return this.call(functionName, timerEvent(trigger.name, Date.now()), TRIGGER_IDENTITY);
  }

  /** The SDK endpoint functions talk to (what TCB_CONTEXT_CNFG points at). */
  get sdkUrl(): string {
    return `${this.url}/tcb`;
  }

  /**
   * A real wx-server-sdk database, as an administrator (no user), for seeding and assertions in tests.
   * It goes through the same HTTP protocol as function code.
   */
  get db(): CloudDatabase {
    this.sdkDb ??= connectDatabase({
      url: this.url,
      envId: this.envId,
      secretId: this.secret.id,
      secretKey: this.secret.key,
    });
    return this.sdkDb;
  }

  /** A real wx-server-sdk instance as an administrator: its storage calls go through the SDK's protocol. */
  get sdk(): SdkStorage {
    this.sdkInstance ??= connectCloud({
      url: this.url,
      envId: this.envId,
      secretId: this.secret.id,
      secretKey: this.secret.key,
    });
    return this.sdkInstance;
  }

  /** Uploads bytes to cloud storage through the real SDK (`cloud.uploadFile`); resolves with the `cloud://` id. */
  async uploadFile(cloudPath: string, bytes: Uint8Array | string): Promise<string> {
    const fileContent = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
    const { fileID } = await this.sdk.uploadFile({ cloudPath, fileContent });
    return fileID;
  }

  /** Downloads a file through the real SDK (`cloud.downloadFile`). */
  async downloadFile(fileID: string): Promise<Buffer> {
    return (await this.sdk.downloadFile({ fileID })).fileContent;
  }

  /** The files in this environment's storage, as stored on disk. */
  files(): StoredFile[] {
    return this.storage.list();
  }

  /** Calls a function as a mini-program user would; resolves with its result, rejects like wx.cloud.callFunction. */
  async call(
    functionName: string,
    data: Record<string, unknown> = {},
    identity: Identity = {},
  ): Promise<unknown> {
    const report = await this.invoke(functionName, data, identity);
    if (report.ok) return report.result;
    const { errCode, errMsg } = clientError({
      ok: false,
      code: report.error!.code as 'FUNCTIONS_EXECUTE_FAIL',
      message: report.error!.message,
    });
    throw new LocalCloudCallError(errCode, errMsg, report);
  }

  /** Calls a function and reports what it did: result or error, duration, database requests, output. */
  /**
   * Moves the functions' clock by `ms` from the next invocation on (0 puts it back): each call then carries
   * `LOCAL_CLOUD_CLOCK_OFFSET_MS` in its environment, for function code that reads its time through it, so
   * tests can reach a date months ahead without waiting. The backend's own clock (serverDate) is not moved.
   */
  setClockOffset(ms: number): void {
    this.runner.clockOffsetMs = ms;
  }

  async invoke(
    functionName: string,
    data: Record<string, unknown> = {},
    identity: Identity = {},
  ): Promise<InvocationReport> {
    const started = performance.now();
    const { outcome, record } = await this.runner.invoke(functionName, data, identity);
    return {
      requestId: record.id,
      functionName,
      ok: outcome.ok,
      ...(outcome.ok
        ? { result: outcome.result }
        : { error: { code: outcome.code, message: outcome.message } }),
      durationMs: performance.now() - started,
      requests: [...record.requests],
      logs: [...record.logs],
    };
  }

  /** Inserts documents directly (logged like any write, all or nothing). Collections must exist. */
  async insert(data: SeedData): Promise<void> {
    await this.store.commit(this.planSeedInsert(data));
  }

  private planSeedInsert(data: SeedData): WalOp[] {
    const ops = Object.entries(data).flatMap(
      ([collection, docs]) => this.store.engine.planInsert(collection, docs).ops,
    );
    this.store.engine.validate(ops, { inserting: true });
    return ops;
  }

  /**
   * Loads seed data once per environment: the documents and the marker that says so are one atomic change
   * (a function seed runs first and the marker follows it).
   */
  private async seed(seed: NonNullable<LocalCloudOptions['seed']>): Promise<void> {
    const marker: WalOp = { op: 'put', c: META, doc: { _id: 'seed', at: new Date() } };
    if (typeof seed === 'function') {
      await seed(this.db);
      await this.store.commit([marker]);
    } else {
      await this.store.commit([...this.planSeedInsert(seed), marker]);
    }
  }

  /** A copy of every document in a collection, in insertion order. */
  dump(collection: string): Doc[] {
    return this.store.engine.find(collection).map((d) => cloneValue(d));
  }

  outbox(filter: { touser?: string; templateId?: string } = {}): OutboxMessage[] {
    return this.openapi.outbox(filter).map((m) => cloneValue(m));
  }

  /** Records that a user accepted a one-time subscription to a template (as `wx.requestSubscribeMessage` does). */
  grantSubscription(openid: string, templateId: string, count = 1): Promise<number> {
    return this.openapi.grant(openid, templateId, count);
  }

  requests(
    filter: { invocationId?: string; functionName?: string; sinceSeq?: number } = {},
  ): RequestLogEntry[] {
    return this.invocations.requests(filter);
  }

  compact(): Promise<void> {
    return this.store.compact();
  }

  /** Stops functions and the server; `compact` writes a snapshot first so the next start replays nothing. */
  async stop(options: { compact?: boolean } = {}): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.scheduler?.stop();
    await this.runner.stop();
    await this.backend.close();
    await this.store.close({ compact: options.compact === true });
    rmSync(path.join(this.envDir, 'LOCK'), { force: true });
    if (this.removeDataDir) rmSync(this.removeDataDir, { recursive: true, force: true });
  }
}

/**
 * A wx-server-sdk database client for a running local cloud (e.g. from its LOCK file), as an administrator.
 * It speaks the same HTTP protocol as function code.
 */
export function connectDatabase(
  target: Pick<LockInfo, 'url' | 'envId' | 'secretId' | 'secretKey'>,
): CloudDatabase {
  return connectCloud(target).database() as CloudDatabase;
}

/**
 * A wx-server-sdk instance for a running local cloud, as an administrator: `database()`, `uploadFile`,
 * `downloadFile`, `getTempFileURL`, `deleteFile`, through the same HTTP protocol as function code.
 */
export function connectCloud(
  target: Pick<LockInfo, 'url' | 'envId' | 'secretId' | 'secretKey'>,
): SdkStorage & {
  database(): unknown;
} {
  // Outside a function, node-sdk probes Tencent's metadata host before every request (a DNS lookup that
  // outlives tests). This flag tells it that it runs in Tencent's cloud; serviceUrl still decides the address.
  process.env.TENCENTCLOUD ??= 'true';
  // Its 3-second slow-request warning is never cleared when a request fails; keep it quiet, as functions do.
  process.env.SILENCE ??= 'true';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as {
    createNewInstance: (config: object) => SdkStorage & { database(): unknown };
  };
  return sdk.createNewInstance({
    env: target.envId,
    serviceUrl: `${target.url}/tcb`,
    secretId: target.secretId,
    secretKey: target.secretKey,
    timeout: 15000,
  });
}

/** Starts a local cloud for a test file: `const cloud = await startLocalCloud({functionsDir, manifest, seed})`. */
export function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  return LocalCloud.start(options);
}
