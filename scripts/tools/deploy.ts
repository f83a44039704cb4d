/**
 * Deploy database collections/indexes and cloud functions to a WeChat cloud (CloudBase / 腾讯云开发) environment,
 * using the official management SDK @cloudbase/manager-node.
 *
 *   npm run deploy -- --env <envId> [--dry-run] [--region ap-shanghai]
 *   (= npm run build:cloud, then tsx scripts/tools/deploy.ts --manifest cloudfunctions/collections.json
 *      --functions build/cloudfunctions --env <envId> …)
 *
 * Credentials: TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (+ optional TENCENTCLOUD_SESSIONTOKEN).
 *
 * Function environment variables: each function's config.json `envVariables` declares the names it reads; an
 * account-specific one is declared empty (e.g. notices' NOTICE_TEMPLATE_ID). Values come from `FN_<NAME>`, first
 * in this process's environment, then in the env file (`--env-file`, default `.env.deploy` in the working folder,
 * git-ignored; lines `FN_NOTICE_TEMPLATE_ID=…`), else config.json's value. A declared variable left empty stops
 * the deployment (a dry run lists it as NOT SET). `npm start` passes FN_<NAME> the same way (scripts/tools/start.ts).
 * Exit codes: 0 ok, 1 deployment failed, 2 bad usage / bad input / missing credentials.
 *
 * Structure: buildPlan() turns the inputs into a plain data structure (no network), formatPlan() prints it,
 * executePlan() applies it through the few manager-node methods listed in DeployManager (idempotently).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, parseEnv } from 'node:util';
import type CloudBase from '@cloudbase/manager-node';
import { loadManifest as readManifest, type CollectionsManifest } from '../../local-cloud';
import {
  FunctionConfigError,
  readFunctionConfig,
  type TimerTrigger,
} from '../../local-cloud/src/function-config';
import { runAsScript } from './run-as-script';

// ---------------------------------------------------------------------------------------------------------------
// Plan data structure
// ---------------------------------------------------------------------------------------------------------------

export type Direction = 1 | -1;

export interface IndexPlan {
  name: string;
  /** Ordered: the order of fields in a compound index matters. */
  keys: Array<{ field: string; direction: Direction }>;
  unique: boolean;
}

export interface CollectionPlan {
  name: string;
  indexes: IndexPlan[];
}

export interface FunctionPlan {
  name: string;
  /** Absolute path of the function folder (<functionsRoot>/<name>). */
  dir: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  /** Values are needed for execution; formatPlan() prints only the names. */
  envVariables: Record<string, string>;
  /** Declared in config.json but empty after FN_<NAME> was applied: must be configured before deploying. */
  missingEnv: string[];
  installDependency: true;
  /** WeChat open-API (云调用) permissions from config.json permissions.openapi. Not deployable via manager-node. */
  openapi: string[];
  /** config.json `triggers` (at most one timer trigger), deployed with manager-node's createFunctionTriggers. */
  triggers: TimerTrigger[];
  /** Non-fatal notes found while reading config.json. */
  notes: string[];
}

export interface Plan {
  envId: string;
  region: string | null;
  collections: CollectionPlan[];
  /** Absolute path of the functions root folder, or null when --functions was not given. */
  functionsRoot: string | null;
  functions: FunctionPlan[];
}

/** The runtime @cloudbase/manager-node 5.6.5 itself defaults to on CreateFunction (lib/function/index.js configToParams). */
export const DEFAULT_RUNTIME = 'Nodejs20.19';
export const DEFAULT_HANDLER = 'index.main';

/** Bad input (usage, manifest, functions folder, credentials): exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

// ---------------------------------------------------------------------------------------------------------------
// Input loading and validation (pure apart from reading the given files)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The collections manifest, read and validated by local-cloud's reader (the same file creates the collections
 * locally): a file path, or an already parsed value. Any fault is bad input.
 */
export function loadManifest(input: unknown): CollectionsManifest {
  try {
    return readManifest(input);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
}

// SCF function name rule (same regex the CloudBase HTTP API documents for :name).
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,58}[A-Za-z0-9]$/;

/** The manifest format is local-cloud's; this only reshapes it. */
export function parseManifest(manifest: unknown): CollectionPlan[] {
  return loadManifest(manifest).collections.map((c) => ({
    name: c.name,
    indexes: (c.indexes ?? []).map((ix) => ({
      name: ix.name,
      keys: Object.entries(ix.keys).map(([field, direction]) => ({ field, direction })),
      unique: ix.unique === true,
    })),
  }));
}

function readJsonFile(file: string, what: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`${what} ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** `FN_<NAME>` entries of an environment, as function variables (`NAME`). */
export function functionEnvOf(
  env: NodeJS.ProcessEnv | Record<string, string | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(([k, v]) => k.startsWith('FN_') && k.length > 3 && v !== undefined)
      .map(([k, v]) => [k.slice(3), v!]),
  );
}

/** The function variables of an env file (`FN_<NAME>=value` lines); none when the file does not exist. */
export function readEnvFile(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  try {
    return functionEnvOf(parseEnv(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    throw new InputError(`env file ${file} is not readable: ${(e as Error).message}`);
  }
}

export function readFunction(
  root: string,
  name: string,
  functionEnv: Record<string, string> = {},
): FunctionPlan {
  const dir = path.join(root, name);
  const where = `function "${name}"`;
  if (!FUNCTION_NAME.test(name))
    throw new InputError(`${where}: folder name is not a valid function name (${FUNCTION_NAME})`);
  for (const required of ['index.js', 'package.json']) {
    if (!fs.existsSync(path.join(dir, required)))
      throw new InputError(`${where}: missing ${required} in ${dir}`);
  }
  readJsonFile(path.join(dir, 'package.json'), `${where}: package.json`);
  let config;
  try {
    config = readFunctionConfig(dir);
  } catch (e) {
    if (e instanceof FunctionConfigError) throw new InputError(e.message);
    throw e;
  }
  const notes: string[] = [];
  // Only the declared names are set; FN_<NAME> gives their values.
  const envVariables = Object.fromEntries(
    Object.entries(config.envVariables).map(([k, v]) => [k, functionEnv[k] ?? v]),
  );
  const missingEnv = Object.keys(envVariables).filter((k) => envVariables[k]!.trim() === '');
  if (Object.keys(config.envVariables).length === 0) {
    notes.push(
      'no env vars: env vars already set on an existing function are NOT cleared (manager-node sends none)',
    );
  }
  return {
    name,
    dir,
    runtime: config.runtime ?? DEFAULT_RUNTIME,
    handler: DEFAULT_HANDLER,
    timeout: config.timeout,
    memorySize: config.memorySize,
    envVariables,
    missingEnv,
    installDependency: true,
    openapi: config.openapi,
    triggers: config.triggers,
    notes,
  };
}

export function readFunctionsDir(
  functionsDir: string,
  functionEnv: Record<string, string> = {},
): { root: string; functions: FunctionPlan[] } {
  const root = path.resolve(functionsDir);
  let entries: fs.Dirent[];
  try {
    if (!fs.statSync(root).isDirectory()) throw new Error('not a directory');
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch (e) {
    throw new InputError(
      `functions folder ${functionsDir} is not a readable directory: ${(e as Error).message}`,
    );
  }
  const names = entries
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
    .map((d) => d.name)
    .sort();
  if (names.length === 0)
    throw new InputError(`functions folder ${functionsDir} contains no function folders`);
  return { root, functions: names.map((n) => readFunction(root, n, functionEnv)) };
}

/**
 * Pure plan computation: validates the parsed manifest and reads the functions folder. Makes no network call.
 * Pass null for a part that is not being deployed.
 */
export function buildPlan(
  manifest: unknown | null,
  functionsDir: string | null,
  opts: { envId: string; region?: string | null; functionEnv?: Record<string, string> },
): Plan {
  if (!opts.envId) throw new InputError('--env <envId> is required');
  if (manifest === null && functionsDir === null) {
    throw new InputError('nothing to deploy: give --manifest and/or --functions');
  }
  const collections = manifest === null ? [] : parseManifest(manifest);
  const fns = functionsDir === null ? null : readFunctionsDir(functionsDir, opts.functionEnv);
  return {
    envId: opts.envId,
    region: opts.region ?? null,
    collections,
    functionsRoot: fns?.root ?? null,
    functions: fns?.functions ?? [],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------------------------

const describeKeys = (ix: IndexPlan) =>
  ix.keys.map((k) => `${k.field} ${k.direction === 1 ? 'asc' : 'desc'}`).join(', ');

export function openapiManualSteps(plan: Plan): string[] {
  const fns = plan.functions.filter((f) => f.openapi.length > 0);
  if (fns.length === 0) return [];
  return [
    'MANUAL STEP: WeChat open-API (云调用) permissions cannot be set through @cloudbase/manager-node.',
    'In WeChat DevTools, open a project whose cloud-function root holds these BUILT functions (with their',
    `config.json), right-click each function -> "上传并部署：云端安装依赖" against env "${plan.envId}".`,
    "DevTools also uploads that folder's code: if it is not the built code, re-run this script afterwards.",
    'WeChat caches permissions for ~10 minutes (error -604101 until then).',
    ...fns.map((f) => `  - ${f.name}: ${f.openapi.join(', ')}`),
  ];
}

export function formatPlan(plan: Plan): string {
  const out: string[] = [];
  out.push(`Deployment plan for env "${plan.envId}"${plan.region ? ` (region ${plan.region})` : ''}`);
  out.push('');
  out.push(`Collections (${plan.collections.length}):`);
  if (plan.collections.length === 0) out.push('  (none)');
  for (const c of plan.collections) {
    out.push(`  - ${c.name}: create if missing`);
    if (c.indexes.length === 0) out.push('      (no indexes)');
    for (const ix of c.indexes) {
      out.push(`      index ${ix.name}${ix.unique ? ' UNIQUE' : ''}: ${describeKeys(ix)}`);
    }
  }
  out.push('');
  out.push(`Functions (${plan.functions.length})${plan.functionsRoot ? ` from ${plan.functionsRoot}` : ''}:`);
  if (plan.functions.length === 0) out.push('  (none)');
  for (const f of plan.functions) {
    out.push(`  - ${f.name}: create, or update code + config if it exists`);
    out.push(
      `      runtime ${f.runtime}, handler ${f.handler}, timeout ${f.timeout} s, memory ${f.memorySize} MB`,
    );
    out.push(
      `      installDependency: true (dependencies installed in the cloud, node_modules not uploaded)`,
    );
    const names = Object.keys(f.envVariables);
    const described = names.map((n) => (f.missingEnv.includes(n) ? `${n} (NOT SET: FN_${n})` : n));
    out.push(`      env vars: ${names.length ? described.join(', ') : '(none)'}`);
    out.push(
      `      openapi permissions: ${f.openapi.length ? `${f.openapi.join(', ')} (MANUAL STEP)` : '(none)'}`,
    );
    for (const t of f.triggers) {
      out.push(`      timer trigger ${t.name}: "${t.config}" (sec min hour day month weekday year, UTC+8)`);
    }
    for (const n of f.notes) out.push(`      note: ${n}`);
  }
  const manual = openapiManualSteps(plan);
  if (manual.length) {
    out.push('');
    out.push(...manual);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Execution
// ---------------------------------------------------------------------------------------------------------------

type DatabaseService = CloudBase['database'];
type FunctionService = CloudBase['functions'];

/** The only manager-node methods this script calls (typed against the installed @cloudbase/manager-node .d.ts). */
export interface DeployManager {
  database: Pick<
    DatabaseService,
    'listCollections' | 'createCollection' | 'describeCollection' | 'updateCollection'
  >;
  functions: Pick<
    FunctionService,
    | 'listAllFunctions'
    | 'createFunction'
    | 'updateFunctionCode'
    | 'updateFunctionConfig'
    | 'waitFunctionActive'
    | 'getFunctionDetail'
    | 'createFunctionTriggers'
    | 'deleteFunctionTrigger'
  >;
}

export interface ExecutionReport {
  createdCollections: string[];
  createdIndexes: string[]; // "collection.index"
  recreatedIndexes: string[]; // dropped and re-created because keys/uniqueness differed
  createdFunctions: string[];
  updatedFunctions: string[];
  /** "function/trigger" of each timer trigger created (or replaced because its cron differed). */
  deployedTriggers: string[];
  manualSteps: string[];
}

async function listAllCollectionNames(db: DeployManager['database']): Promise<Set<string>> {
  const names = new Set<string>();
  const limit = 100;
  for (let offset = 0; ;) {
    const res = await db.listCollections({ MgoLimit: limit, MgoOffset: offset });
    const page = res.Collections ?? [];
    for (const c of page) names.add(c.CollectionName);
    offset += page.length;
    if (page.length === 0 || offset >= (res.Pager?.Total ?? 0)) return names;
  }
}

type RemoteIndex = { Name: string; Unique?: boolean; Keys?: Array<{ Name?: string; Direction?: string }> };

const sameKeys = (remote: RemoteIndex, ix: IndexPlan) => {
  const keys = remote.Keys ?? [];
  return (
    keys.length === ix.keys.length &&
    keys.every(
      (k, i) => k.Name === ix.keys[i]!.field && String(k.Direction) === String(ix.keys[i]!.direction),
    )
  );
};
const sameIndex = (remote: RemoteIndex, ix: IndexPlan) =>
  sameKeys(remote, ix) && !!remote.Unique === ix.unique;

/** manager-node / CloudBase API shape for UpdateTable.CreateIndexes (types/interfaces/flexdb.interface.d.ts). */
export const toCreateIndex = (ix: IndexPlan) => ({
  IndexName: ix.name,
  MgoKeySchema: {
    MgoIndexKeys: ix.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })),
    MgoIsUnique: ix.unique,
  },
});

/** manager-node ICloudFunction for create/update. */
export const toCloudFunction = (f: FunctionPlan) => ({
  name: f.name,
  runtime: f.runtime,
  handler: f.handler,
  timeout: f.timeout,
  memorySize: f.memorySize,
  envVariables: { ...f.envVariables },
  installDependency: true as const,
  // updateFunctionCode only waits for the cloud-side `npm install` to finish when this is true.
  isWaitInstall: true,
});

/**
 * manager-node's waitFunctionActive() resolves on ANY status other than Creating/Updating/CreateFailed, so an
 * UpdateFailed (e.g. the cloud-side npm install failed on an update) would pass silently. Check explicitly.
 */
async function verifyDeployed(
  fns: DeployManager['functions'],
  f: FunctionPlan,
  log: (l: string) => void,
): Promise<RemoteTrigger[]> {
  const d = await fns.getFunctionDetail(f.name);
  if (d.Status !== 'Active') {
    const reasons = (d.StatusReasons ?? []).map((r) => `[${r.ErrorCode}] ${r.ErrorMessage}`).join('; ');
    throw new Error(
      `function ${f.name} is ${d.Status} after deploy${d.StatusDesc ? `: ${d.StatusDesc}` : ''}${reasons ? ` ${reasons}` : ''}`,
    );
  }
  if (d.Timeout !== f.timeout || d.MemorySize !== f.memorySize) {
    log(
      `function ${f.name}: WARNING deployed timeout/memory is ${d.Timeout} s/${d.MemorySize} MB, expected ${f.timeout} s/${f.memorySize} MB`,
    );
  }
  return (d.Triggers ?? []).map(remoteTrigger);
}

interface RemoteTrigger {
  name: string;
  type: string;
  /** The cron expression of a timer trigger, as far as the detail shows it. */
  config: string;
}

/**
 * A trigger from GetFunction's detail. SCF names it TriggerName with TriggerDesc = '{"cron":"…"}' for a timer;
 * manager-node's ITrigger type also lists Name and Config, so both spellings are read.
 */
function remoteTrigger(t: {
  Name?: string;
  TriggerName?: string;
  Type?: string;
  Config?: string;
  TriggerDesc?: string;
}): RemoteTrigger {
  let config = t.Config ?? t.TriggerDesc ?? '';
  try {
    const desc = JSON.parse(t.TriggerDesc ?? '') as { cron?: unknown };
    if (typeof desc.cron === 'string') config = desc.cron;
  } catch {
    /* not JSON: the cron expression itself */
  }
  return { name: t.TriggerName ?? t.Name ?? '', type: t.Type ?? '', config };
}

const sameCron = (a: string, b: string) =>
  a.trim().split(/\s+/).join(' ') === b.trim().split(/\s+/).join(' ');

/**
 * Makes the function's timer trigger the one config.json declares: an identical deployed trigger is kept; one
 * that differs, or another timer trigger (a function may have only one), is deleted first. Deployed triggers are
 * left alone when config.json declares none.
 */
async function deployTriggers(
  fns: DeployManager['functions'],
  f: FunctionPlan,
  remote: RemoteTrigger[],
  report: ExecutionReport,
  log: (l: string) => void,
): Promise<void> {
  const timers = remote.filter((t) => t.type.toLowerCase() === 'timer');
  if (f.triggers.length === 0) {
    for (const t of timers) {
      log(
        `function ${f.name}: WARNING timer trigger ${t.name} is deployed but not in config.json (left as it is)`,
      );
    }
    return;
  }
  const wanted = f.triggers.filter(
    (w) => !timers.some((t) => t.name === w.name && sameCron(t.config, w.config)),
  );
  for (const w of f.triggers) {
    if (!wanted.includes(w)) log(`function ${f.name}: timer trigger ${w.name} up to date`);
  }
  if (wanted.length === 0) return;
  for (const t of timers) {
    log(`function ${f.name}: deleting timer trigger ${t.name} ("${t.config}") to replace it`);
    await fns.deleteFunctionTrigger(f.name, t.name);
  }
  await fns.createFunctionTriggers(
    f.name,
    wanted.map((t) => ({ name: t.name, type: t.type, config: t.config })),
  );
  for (const t of wanted) {
    report.deployedTriggers.push(`${f.name}/${t.name}`);
    log(`function ${f.name}: timer trigger ${t.name} created ("${t.config}", UTC+8)`);
  }
}

export async function executePlan(
  plan: Plan,
  manager: DeployManager,
  log: (line: string) => void = (l) => console.log(l),
): Promise<ExecutionReport> {
  const report: ExecutionReport = {
    createdCollections: [],
    createdIndexes: [],
    recreatedIndexes: [],
    createdFunctions: [],
    updatedFunctions: [],
    deployedTriggers: [],
    manualSteps: [],
  };

  // --- collections and indexes ---
  if (plan.collections.length > 0) {
    const existing = await listAllCollectionNames(manager.database);
    for (const c of plan.collections) {
      let remoteIndexes: RemoteIndex[] = [];
      if (existing.has(c.name)) {
        log(`collection ${c.name}: exists`);
        if (c.indexes.length > 0)
          remoteIndexes = (await manager.database.describeCollection(c.name)).Indexes ?? [];
      } else {
        await manager.database.createCollection(c.name);
        report.createdCollections.push(c.name);
        log(`collection ${c.name}: created`);
      }

      const toCreate: IndexPlan[] = [];
      for (const ix of c.indexes) {
        const byName = remoteIndexes.find((r) => r.Name === ix.name);
        if (byName && sameIndex(byName, ix)) {
          log(`  index ${ix.name}: up to date`);
          continue;
        }
        if (byName) {
          log(
            `  index ${ix.name}: differs from the deployed one (keys or uniqueness) -> dropping and re-creating`,
          );
          await manager.database.updateCollection(c.name, { DropIndexes: [{ IndexName: ix.name }] });
          report.recreatedIndexes.push(`${c.name}.${ix.name}`);
          toCreate.push(ix);
          continue;
        }
        const equivalent = remoteIndexes.find((r) => r.Name !== '_id_' && sameIndex(r, ix));
        if (equivalent) {
          log(
            `  index ${ix.name}: an identical index exists as "${equivalent.Name}", not creating a duplicate`,
          );
          continue;
        }
        toCreate.push(ix);
      }
      if (toCreate.length > 0) {
        await manager.database.updateCollection(c.name, { CreateIndexes: toCreate.map(toCreateIndex) });
        for (const ix of toCreate) {
          if (!report.recreatedIndexes.includes(`${c.name}.${ix.name}`))
            report.createdIndexes.push(`${c.name}.${ix.name}`);
          log(`  index ${ix.name}${ix.unique ? ' UNIQUE' : ''}: created (${describeKeys(ix)})`);
        }
      }
    }
  }

  // --- functions ---
  if (plan.functions.length > 0) {
    if (!plan.functionsRoot) throw new Error('plan has functions but no functionsRoot');
    const remote = new Map(
      (await manager.functions.listAllFunctions({ envId: plan.envId })).map(
        (f) => [f.FunctionName, f] as const,
      ),
    );
    for (const f of plan.functions) {
      const func = toCloudFunction(f);
      const deployed = remote.get(f.name);
      // A leftover CreateFailed function goes through createFunction, which deletes and re-creates it.
      if (!deployed || deployed.Status === 'CreateFailed') {
        log(`function ${f.name}: creating (cloud-side npm install, may take minutes)`);
        // createFunction packs <functionRootPath>/<name> (node_modules ignored when installDependency is TRUE),
        // uploads it, sets timeout/memory/env vars, and waits until the function is Active.
        await manager.functions.createFunction({ func, functionRootPath: plan.functionsRoot, force: false });
        const remoteTriggers = await verifyDeployed(manager.functions, f, log);
        report.createdFunctions.push(f.name);
        log(`function ${f.name}: created`);
        await deployTriggers(manager.functions, f, remoteTriggers, report, log);
      } else {
        if (deployed.Runtime && deployed.Runtime !== f.runtime) {
          log(
            `function ${f.name}: WARNING deployed runtime is ${deployed.Runtime}, plan says ${f.runtime}; ` +
              'the runtime can only be set at creation (delete and re-deploy to change it)',
          );
        }
        log(`function ${f.name}: updating code (cloud-side npm install, may take minutes)`);
        await manager.functions.updateFunctionCode({ func, functionRootPath: plan.functionsRoot });
        await manager.functions.waitFunctionActive(f.name);
        log(
          `function ${f.name}: updating config (timeout ${f.timeout} s, memory ${f.memorySize} MB, env vars)`,
        );
        await manager.functions.updateFunctionConfig(func);
        await manager.functions.waitFunctionActive(f.name);
        const remoteTriggers = await verifyDeployed(manager.functions, f, log);
        report.updatedFunctions.push(f.name);
        log(`function ${f.name}: updated`);
        await deployTriggers(manager.functions, f, remoteTriggers, report, log);
      }
    }
  }

  report.manualSteps = openapiManualSteps(plan);
  if (report.manualSteps.length) {
    log('');
    for (const l of report.manualSteps) log(l);
  }
  return report;
}

// ---------------------------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------------------------

export interface Credentials {
  secretId: string;
  secretKey: string;
  token?: string;
}

export interface MainIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** Injected in tests; the default builds a real manager-node client. */
  createManager?: (envId: string, creds: Credentials, region: string | null) => Promise<DeployManager>;
}

const USAGE =
  'usage: npm run deploy -- --env <envId> [--dry-run] [--region region] [--env-file .env.deploy]   (or: tsx scripts/tools/deploy.ts --env <envId> [--manifest path] [--functions dir] [--region region] [--env-file path] [--dry-run])';

/** Where the functions' FN_<NAME> values are read from when --env-file is not given (git-ignored). */
export const DEFAULT_ENV_FILE = '.env.deploy';

export async function createRealManager(
  envId: string,
  creds: Credentials,
  region: string | null,
): Promise<DeployManager> {
  const mod = await import('@cloudbase/manager-node');
  const CloudBaseCtor = ((mod as { default?: unknown }).default ?? mod) as typeof CloudBase;
  // `new` rather than CloudBase.init(): init() is a process-wide singleton that ignores later configs.
  return new CloudBaseCtor({
    secretId: creds.secretId,
    secretKey: creds.secretKey,
    token: creds.token,
    envId,
    ...(region ? { region } : {}),
  });
}

export async function main(argv: string[], io: MainIo): Promise<number> {
  let values: {
    env?: string;
    manifest?: string;
    functions?: string;
    region?: string;
    'env-file'?: string;
    'dry-run'?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        env: { type: 'string' },
        manifest: { type: 'string' },
        functions: { type: 'string' },
        region: { type: 'string' },
        'env-file': { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    io.stderr(`error: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }

  let plan: Plan;
  try {
    // A dry run only prints the plan, so the environment is optional there.
    if (!values.env && !values['dry-run']) throw new InputError('--env <envId> is required');
    const manifest = values.manifest === undefined ? null : loadManifest(values.manifest);
    const envFile = path.resolve(values['env-file'] ?? DEFAULT_ENV_FILE);
    if (values['env-file'] !== undefined && !fs.existsSync(envFile)) {
      throw new InputError(`env file ${values['env-file']} does not exist`);
    }
    plan = buildPlan(manifest, values.functions ?? null, {
      envId: values.env ?? '<envId>',
      region: values.region ?? null,
      // The environment's FN_<NAME> over the env file's.
      functionEnv: { ...readEnvFile(envFile), ...functionEnvOf(io.env) },
    });
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`error: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }

  if (values['dry-run']) {
    io.stdout(formatPlan(plan));
    io.stdout('\nDry run: nothing was deployed.');
    return 0;
  }

  const missing = plan.functions.flatMap((f) => f.missingEnv.map((n) => `${f.name}: ${n}`));
  if (missing.length) {
    io.stderr(
      `error: function environment variables not configured (${missing.join(', ')}). Set FN_<NAME> in the ` +
        `environment or in ${values['env-file'] ?? DEFAULT_ENV_FILE} (README 上线清单).`,
    );
    return 2;
  }

  const secretId = io.env.TENCENTCLOUD_SECRETID?.trim();
  const secretKey = io.env.TENCENTCLOUD_SECRETKEY?.trim();
  if (!secretId || !secretKey) {
    io.stderr(
      'error: missing credentials. Set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY ' +
        '(and TENCENTCLOUD_SESSIONTOKEN for temporary keys), or use --dry-run to only print the plan.',
    );
    return 2;
  }
  const creds: Credentials = {
    secretId,
    secretKey,
    token: io.env.TENCENTCLOUD_SESSIONTOKEN?.trim() || undefined,
  };

  io.stdout(formatPlan(plan));
  io.stdout('');
  try {
    const manager = await (io.createManager ?? createRealManager)(plan.envId, creds, plan.region);
    const r = await executePlan(plan, manager, io.stdout);
    io.stdout(
      `\nDone: ${r.createdCollections.length} collection(s) created, ${r.createdIndexes.length} index(es) created, ` +
        `${r.recreatedIndexes.length} re-created, ${r.createdFunctions.length} function(s) created, ` +
        `${r.updatedFunctions.length} updated.` +
        (r.deployedTriggers.length ? ` ${r.deployedTriggers.length} timer trigger(s) deployed.` : '') +
        (r.manualSteps.length ? ' Manual open-API permission step required (see above).' : ''),
    );
    return 0;
  } catch (e) {
    const err = e as Error & { code?: string; requestId?: string };
    io.stderr(
      `deploy failed: ${err.message}${err.code ? ` [code ${err.code}]` : ''}${err.requestId ? ` [requestId ${err.requestId}]` : ''}`,
    );
    return 1;
  }
}

runAsScript('deploy', main);
