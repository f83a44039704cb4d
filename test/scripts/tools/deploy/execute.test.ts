import path from 'node:path';
import {
  buildPlan,
  executePlan,
  loadManifest,
  main,
  type DeployManager,
} from '../../../../scripts/tools/deploy';

const FIXTURES = path.join(__dirname, 'fixtures');
const MANIFEST = path.join(FIXTURES, 'manifest.json');
const FUNCTIONS = path.join(FIXTURES, 'functions');

type Call = [method: string, ...args: unknown[]];
type FakeIndex = { Name: string; Unique: boolean; Keys: Array<{ Name: string; Direction: string }> };

/**
 * Hand-written, stateful fake of the few @cloudbase/manager-node methods executePlan calls.
 * Response shapes follow the installed SDK: ListTables -> { Collections: [{ CollectionName }], Pager: { Total } },
 * DescribeTable -> { Indexes: [{ Name, Unique, Keys: [{ Name, Direction: "1" | "-1" }] }] },
 * listAllFunctions -> [{ FunctionName, Runtime, ... }].
 */
function fakeManager(
  initial: { collections?: Record<string, FakeIndex[]>; functions?: Record<string, string> } = {},
) {
  const calls: Call[] = [];
  const collections = new Map<string, FakeIndex[]>(Object.entries(initial.collections ?? {}));
  const functions = new Map<
    string,
    {
      runtime: string;
      status: string;
      config?: { timeout?: number; memorySize?: number };
      triggers?: { TriggerName: string; Type: string; TriggerDesc: string }[];
    }
  >(Object.entries(initial.functions ?? {}).map(([n, runtime]) => [n, { runtime, status: 'Active' }]));
  const idIndex = (): FakeIndex => ({ Name: '_id_', Unique: false, Keys: [{ Name: '_id', Direction: '1' }] });

  const manager = {
    database: {
      async listCollections(opts: { MgoLimit?: number; MgoOffset?: number } = {}) {
        calls.push(['database.listCollections', opts]);
        const all = [...collections.keys()];
        const page = all.slice(opts.MgoOffset ?? 0, (opts.MgoOffset ?? 0) + (opts.MgoLimit ?? 100));
        return {
          RequestId: 'r',
          Collections: page.map((n) => ({
            CollectionName: n,
            Count: 0,
            Size: 0,
            IndexCount: 0,
            IndexSize: 0,
          })),
          Pager: { Offset: opts.MgoOffset ?? 0, Limit: opts.MgoLimit ?? 100, Total: all.length },
        };
      },
      async createCollection(name: string) {
        calls.push(['database.createCollection', name]);
        if (collections.has(name)) throw Object.assign(new Error('exists'), { code: 'ResourceInUse' });
        collections.set(name, [idIndex()]);
        return { RequestId: 'r' };
      },
      async describeCollection(name: string) {
        calls.push(['database.describeCollection', name]);
        const ix = collections.get(name);
        if (!ix) throw Object.assign(new Error('not found'), { code: 'ResourceNotFound' });
        return { RequestId: 'r', Indexes: ix, IndexNum: ix.length };
      },
      async updateCollection(
        name: string,
        info: {
          CreateIndexes?: Array<{
            IndexName: string;
            MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique: boolean };
          }>;
          DropIndexes?: Array<{ IndexName: string }>;
        },
      ) {
        calls.push(['database.updateCollection', name, info]);
        const ix = collections.get(name);
        if (!ix) throw new Error(`no collection ${name}`);
        for (const d of info.DropIndexes ?? [])
          ix.splice(
            ix.findIndex((i) => i.Name === d.IndexName),
            1,
          );
        for (const c of info.CreateIndexes ?? []) {
          if (ix.some((i) => i.Name === c.IndexName)) throw new Error(`index ${c.IndexName} exists`);
          ix.push({
            Name: c.IndexName,
            Unique: c.MgoKeySchema.MgoIsUnique,
            Keys: c.MgoKeySchema.MgoIndexKeys,
          });
        }
        return { RequestId: 'r' };
      },
    },
    functions: {
      async listAllFunctions(opts: { envId: string }) {
        calls.push(['functions.listAllFunctions', opts]);
        return [...functions.entries()].map(([n, f]) => ({
          FunctionName: n,
          Runtime: f.runtime,
          Status: f.status,
        }));
      },
      async createFunction(p: {
        func: { name: string; runtime?: string; timeout?: number; memorySize?: number };
        functionRootPath?: string;
        force?: boolean;
      }) {
        calls.push(['functions.createFunction', p]);
        // Like manager-node: a same-name function in CreateFailed is deleted and re-created.
        if (functions.has(p.func.name) && functions.get(p.func.name)!.status !== 'CreateFailed')
          throw Object.assign(new Error('exists'), { code: 'ResourceInUse.Function' });
        functions.set(p.func.name, {
          runtime: p.func.runtime ?? 'Nodejs20.19',
          status: 'Active',
          config: p.func,
        });
        return { RequestId: 'r' };
      },
      async updateFunctionCode(p: { func: { name: string }; functionRootPath?: string }) {
        calls.push(['functions.updateFunctionCode', p]);
        if (!functions.has(p.func.name)) throw new Error('ResourceNotFound.Function');
        return { RequestId: 'r' };
      },
      async updateFunctionConfig(func: { name: string; timeout?: number; memorySize?: number }) {
        calls.push(['functions.updateFunctionConfig', func]);
        functions.get(func.name)!.config = func;
        return { RequestId: 'r' };
      },
      async waitFunctionActive(name: string) {
        calls.push(['functions.waitFunctionActive', name]);
      },
      async getFunctionDetail(name: string) {
        calls.push(['functions.getFunctionDetail', name]);
        const f = functions.get(name);
        if (!f) throw Object.assign(new Error('not found'), { code: 'ResourceNotFound.Function' });
        return {
          FunctionName: name,
          Runtime: f.runtime,
          Status: f.status,
          StatusDesc: f.status === 'Active' ? '' : 'npm install failed',
          StatusReasons:
            f.status === 'Active'
              ? []
              : [{ ErrorCode: 'InstallDependencyError', ErrorMessage: 'npm ERR! 404' }],
          Timeout: f.config?.timeout ?? 3,
          MemorySize: f.config?.memorySize ?? 256,
          // As SCF's GetFunction shows a timer trigger.
          Triggers: f.triggers ?? [],
        };
      },
      async createFunctionTriggers(name: string, triggers: { name: string; type: string; config: string }[]) {
        calls.push(['functions.createFunctionTriggers', name, triggers]);
        const f = functions.get(name);
        if (!f) throw new Error('ResourceNotFound.Function');
        f.triggers ??= [];
        for (const t of triggers) {
          if (f.triggers.some((x) => x.TriggerName === t.name))
            throw Object.assign(new Error('trigger exists'), { code: 'ResourceInUse.Trigger' });
          f.triggers.push({
            TriggerName: t.name,
            Type: t.type,
            TriggerDesc: JSON.stringify({ cron: t.config }),
          });
        }
        return { RequestId: 'r' };
      },
      async deleteFunctionTrigger(name: string, triggerName: string) {
        calls.push(['functions.deleteFunctionTrigger', name, triggerName]);
        const f = functions.get(name)!;
        f.triggers = (f.triggers ?? []).filter((t) => t.TriggerName !== triggerName);
        return { RequestId: 'r' };
      },
    },
  };
  // The fake implements only the fields executePlan reads; cast once to the SDK-typed interface.
  return { manager: manager as unknown as DeployManager, calls, collections, functions };
}

const methods = (calls: Call[]) => calls.map((c) => c[0]);
const CREATING = ['database.createCollection', 'functions.createFunction'];
const createsIndexes = (c: Call) =>
  c[0] === 'database.updateCollection' && (c[2] as { CreateIndexes?: unknown[] }).CreateIndexes;

describe('executePlan against a fake manager', () => {
  const plan = buildPlan(loadManifest(MANIFEST), FUNCTIONS, { envId: 'tongxin-test-1a2b3c' });
  const quiet = () => {};

  test('first run creates everything with the SDK parameter shapes', async () => {
    const { manager, calls } = fakeManager();
    const report = await executePlan(plan, manager, quiet);

    expect(report.createdCollections).toEqual(['members', 'polls']);
    expect(report.createdIndexes).toEqual(['members.openid_unique', 'members.village_1_created_-1']);
    expect(report.createdFunctions).toEqual(['login', 'notify', 'ping']);
    expect(report.updatedFunctions).toEqual([]);
    expect(report.manualSteps.join('\n')).toContain('notify: subscribeMessage.send, security.msgSecCheck');

    expect(calls).toContainEqual([
      'database.updateCollection',
      'members',
      {
        CreateIndexes: [
          {
            IndexName: 'openid_unique',
            MgoKeySchema: { MgoIndexKeys: [{ Name: 'openid', Direction: '1' }], MgoIsUnique: true },
          },
          {
            IndexName: 'village_1_created_-1',
            MgoKeySchema: {
              MgoIndexKeys: [
                { Name: 'villageId', Direction: '1' },
                { Name: 'createdAt', Direction: '-1' },
              ],
              MgoIsUnique: false,
            },
          },
        ],
      },
    ]);
    expect(calls).toContainEqual([
      'functions.createFunction',
      {
        func: {
          name: 'notify',
          runtime: 'Nodejs20.19',
          handler: 'index.main',
          timeout: 20,
          memorySize: 512,
          envVariables: { TEMPLATE_ID: 'tmpl-123' },
          installDependency: true,
          isWaitInstall: true,
        },
        functionRootPath: FUNCTIONS,
        force: false,
      },
    ]);
    // The new collection without indexes (polls) gets no UpdateTable call.
    expect(calls.filter((c) => c[0] === 'database.updateCollection' && c[1] === 'polls')).toEqual([]);
  });

  test('second run is idempotent: creates nothing, only updates function code and config', async () => {
    const fake = fakeManager();
    await executePlan(plan, fake.manager, quiet);
    fake.calls.length = 0;

    const report = await executePlan(plan, fake.manager, quiet);

    expect(report.createdCollections).toEqual([]);
    expect(report.createdIndexes).toEqual([]);
    expect(report.recreatedIndexes).toEqual([]);
    expect(report.createdFunctions).toEqual([]);
    expect(report.updatedFunctions).toEqual(['login', 'notify', 'ping']);
    expect(methods(fake.calls).filter((m) => CREATING.includes(m))).toEqual([]);
    expect(fake.calls.filter((c) => c[0] === 'database.updateCollection')).toEqual([]);
    expect(fake.calls.filter(createsIndexes)).toEqual([]);
    expect(methods(fake.calls)).toEqual([
      'database.listCollections',
      'database.describeCollection', // members (has indexes); polls has none so it is not described
      'functions.listAllFunctions',
      ...['login', 'notify', 'ping'].flatMap(() => [
        'functions.updateFunctionCode',
        'functions.waitFunctionActive',
        'functions.updateFunctionConfig',
        'functions.waitFunctionActive',
        'functions.getFunctionDetail',
      ]),
    ]);
    expect(fake.calls).toContainEqual([
      'functions.updateFunctionConfig',
      expect.objectContaining({ name: 'login', timeout: 5, memorySize: 256, installDependency: true }),
    ]);
    // State after two runs: indexes exist exactly once.
    expect(fake.collections.get('members')!.map((i) => i.Name)).toEqual([
      '_id_',
      'openid_unique',
      'village_1_created_-1',
    ]);
  });

  test('an index whose keys or uniqueness differ is dropped and re-created; an identical one under another name is kept', async () => {
    const fake = fakeManager({
      collections: {
        members: [
          { Name: '_id_', Unique: false, Keys: [{ Name: '_id', Direction: '1' }] },
          { Name: 'openid_unique', Unique: false, Keys: [{ Name: 'openid', Direction: '1' }] }, // not unique yet
          {
            Name: 'legacy_village',
            Unique: false,
            Keys: [
              { Name: 'villageId', Direction: '1' },
              { Name: 'createdAt', Direction: '-1' },
            ],
          },
        ],
        polls: [],
      },
    });
    const report = await executePlan({ ...plan, functions: [] }, fake.manager, quiet);
    expect(report.recreatedIndexes).toEqual(['members.openid_unique']);
    expect(report.createdIndexes).toEqual([]);
    expect(fake.calls.filter((c) => c[0] === 'database.updateCollection')).toEqual([
      ['database.updateCollection', 'members', { DropIndexes: [{ IndexName: 'openid_unique' }] }],
      [
        'database.updateCollection',
        'members',
        {
          CreateIndexes: [
            {
              IndexName: 'openid_unique',
              MgoKeySchema: { MgoIndexKeys: [{ Name: 'openid', Direction: '1' }], MgoIsUnique: true },
            },
          ],
        },
      ],
    ]);
  });

  test('an UpdateFailed function (which waitFunctionActive lets through) fails the deploy', async () => {
    const fake = fakeManager({ functions: { notify: 'Nodejs20.19' } });
    const realUpdate = fake.manager.functions.updateFunctionCode;
    fake.manager.functions.updateFunctionCode = async (p) => {
      const r = await realUpdate(p);
      fake.functions.get(p.func.name)!.status = 'UpdateFailed';
      return r;
    };
    const notifyOnly = {
      ...plan,
      collections: [],
      functions: plan.functions.filter((f) => f.name === 'notify'),
    };
    await expect(executePlan(notifyOnly, fake.manager, quiet)).rejects.toThrow(
      'function notify is UpdateFailed after deploy: npm install failed [InstallDependencyError] npm ERR! 404',
    );
  });

  test('a leftover CreateFailed function is re-created, not updated', async () => {
    const fake = fakeManager({ functions: { ping: 'Nodejs20.19' } });
    fake.functions.get('ping')!.status = 'CreateFailed';
    const pingOnly = { ...plan, collections: [], functions: plan.functions.filter((f) => f.name === 'ping') };
    const report = await executePlan(pingOnly, fake.manager, quiet);
    expect(report.createdFunctions).toEqual(['ping']);
    expect(methods(fake.calls)).not.toContain('functions.updateFunctionCode');
  });

  describe('timer triggers from config.json', () => {
    const withTrigger = (config: string) => ({
      ...plan,
      collections: [],
      functions: plan.functions
        .filter((f) => f.name === 'ping')
        .map((f) => ({ ...f, triggers: [{ name: 'nightly', type: 'timer' as const, config }] })),
    });
    const triggerCalls = (calls: Call[]) => calls.filter((c) => /Trigger/.test(c[0]));

    test('are created after the function, with manager-node’s trigger shape', async () => {
      const fake = fakeManager();
      const report = await executePlan(withTrigger('0 0 3 * * * *'), fake.manager, quiet);
      expect(report.deployedTriggers).toEqual(['ping/nightly']);
      expect(methods(fake.calls).slice(-2)).toEqual([
        'functions.getFunctionDetail',
        'functions.createFunctionTriggers',
      ]);
      expect(triggerCalls(fake.calls)).toEqual([
        [
          'functions.createFunctionTriggers',
          'ping',
          [{ name: 'nightly', type: 'timer', config: '0 0 3 * * * *' }],
        ],
      ]);
    });

    test('an identical deployed trigger is kept; one whose cron differs is replaced', async () => {
      const fake = fakeManager();
      await executePlan(withTrigger('0 0 3 * * * *'), fake.manager, quiet);
      fake.calls.length = 0;
      const log: string[] = [];
      const again = await executePlan(withTrigger('0  0 3 * * * *'), fake.manager, (l) => log.push(l));
      expect(again.deployedTriggers).toEqual([]);
      expect(triggerCalls(fake.calls)).toEqual([]);
      expect(log).toContain('function ping: timer trigger nightly up to date');

      fake.calls.length = 0;
      const changed = await executePlan(withTrigger('0 30 4 * * * *'), fake.manager, quiet);
      expect(changed.deployedTriggers).toEqual(['ping/nightly']);
      expect(triggerCalls(fake.calls)).toEqual([
        ['functions.deleteFunctionTrigger', 'ping', 'nightly'],
        [
          'functions.createFunctionTriggers',
          'ping',
          [{ name: 'nightly', type: 'timer', config: '0 30 4 * * * *' }],
        ],
      ]);
      expect(fake.functions.get('ping')!.triggers).toEqual([
        { TriggerName: 'nightly', Type: 'timer', TriggerDesc: '{"cron":"0 30 4 * * * *"}' },
      ]);
    });

    test('a deployed trigger that config.json does not declare is reported, not deleted', async () => {
      const fake = fakeManager({ functions: { ping: 'Nodejs20.19' } });
      fake.functions.get('ping')!.triggers = [
        { TriggerName: 'old', Type: 'timer', TriggerDesc: '{"cron":"0 0 1 * * * *"}' },
      ];
      const log: string[] = [];
      const pingOnly = {
        ...plan,
        collections: [],
        functions: plan.functions.filter((f) => f.name === 'ping'),
      };
      await executePlan(pingOnly, fake.manager, (l) => log.push(l));
      expect(triggerCalls(fake.calls)).toEqual([]);
      expect(log).toContain(
        'function ping: WARNING timer trigger old is deployed but not in config.json (left as it is)',
      );
    });
  });

  test('main() with credentials runs the plan through the injected manager', async () => {
    const fake = fakeManager();
    const out: string[] = [];
    const code = await main(['--env', 'e', '--manifest', MANIFEST, '--functions', FUNCTIONS], {
      stdout: (s) => out.push(s),
      stderr: (s) => out.push(`ERR ${s}`),
      env: { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' },
      createManager: async (envId, creds) => {
        expect(envId).toBe('e');
        expect(creds).toEqual({ secretId: 'id', secretKey: 'key', token: undefined });
        return fake.manager;
      },
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain(
      'Done: 2 collection(s) created, 2 index(es) created, 0 re-created, 3 function(s) created, 0 updated.',
    );
  });

  test('a failing SDK call makes main() exit 1 with the error code', async () => {
    const fake = fakeManager();
    fake.manager.database.listCollections = async () => {
      throw Object.assign(new Error('The SecretId is not found'), {
        code: 'AuthFailure.SecretIdNotFound',
        requestId: 'req-1',
      });
    };
    const err: string[] = [];
    const code = await main(['--env', 'e', '--manifest', MANIFEST], {
      stdout: () => {},
      stderr: (s) => err.push(s),
      env: { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' },
      createManager: async () => fake.manager,
    });
    expect(code).toBe(1);
    expect(err.join('\n')).toBe(
      'deploy failed: The SecretId is not found [code AuthFailure.SecretIdNotFound] [requestId req-1]',
    );
  });
});
