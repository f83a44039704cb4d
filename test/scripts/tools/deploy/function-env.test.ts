import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPlan, main, type DeployManager } from '../../../../scripts/tools/deploy';
import { TEST_FUNCTIONS_DIR } from '../../../setup/global-setup';

/** The app's built functions (global setup), as `npm run deploy` reads build/cloudfunctions. */
async function deploy(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['--functions', TEST_FUNCTIONS_DIR, ...argv], {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    env,
    createManager: () => {
      throw new Error('must not create a manager (network) in this test');
    },
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const notices = (functionEnv: Record<string, string>) =>
  buildPlan(null, TEST_FUNCTIONS_DIR, { envId: 'e', functionEnv }).functions.find(
    (f) => f.name === 'notices',
  )!;

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-env-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('FN_NOTICE_TEMPLATE_ID becomes the notices function’s NOTICE_TEMPLATE_ID', () => {
  const plan = notices({ NOTICE_TEMPLATE_ID: 'AbC-real-template' });
  expect(plan.envVariables).toEqual({ NOTICE_TEMPLATE_ID: 'AbC-real-template' });
  expect(plan.missingEnv).toEqual([]);
  expect(notices({})).toMatchObject({
    envVariables: { NOTICE_TEMPLATE_ID: '' },
    missingEnv: ['NOTICE_TEMPLATE_ID'],
  });
});

test('a variable no config.json declares is not set', () => {
  const plan = buildPlan(null, TEST_FUNCTIONS_DIR, { envId: 'e', functionEnv: { STRAY: '1' } });
  for (const f of plan.functions) expect(f.envVariables).not.toHaveProperty('STRAY');
});

test('a dry run names the missing variable; a real deploy refuses before any network call', async () => {
  const dry = await deploy(['--dry-run', '--env-file', path.join(tmp, 'none')]);
  expect(dry.code).toBe(2);
  expect(dry.stderr).toContain('env file');

  const missing = path.join(tmp, 'empty.env');
  fs.writeFileSync(missing, '# nothing configured\n');
  const shown = await deploy(['--dry-run', '--env-file', missing]);
  expect(shown.code).toBe(0);
  expect(shown.stdout).toContain('env vars: NOTICE_TEMPLATE_ID (NOT SET: FN_NOTICE_TEMPLATE_ID)');

  const real = await deploy(['--env', 'prod-1', '--env-file', missing], {
    TENCENTCLOUD_SECRETID: 'id',
    TENCENTCLOUD_SECRETKEY: 'key',
  });
  expect(real.code).toBe(2);
  expect(real.stderr).toContain('notices: NOTICE_TEMPLATE_ID');
});

test('the env file gives FN_<NAME>; the environment wins over it; values are never printed', async () => {
  const file = path.join(tmp, '.env.deploy');
  fs.writeFileSync(file, 'FN_NOTICE_TEMPLATE_ID=from-file-123\n');
  const fromFile = await deploy(['--dry-run', '--env-file', file]);
  expect(fromFile.code).toBe(0);
  expect(fromFile.stdout).toContain('env vars: NOTICE_TEMPLATE_ID\n');
  expect(fromFile.stdout).not.toContain('from-file-123');

  // A stand-in manager that creates every function: what each was created with.
  const created = new Map<
    string,
    { envVariables: Record<string, string>; timeout: number; memorySize: number }
  >();
  const manager = {
    database: {},
    functions: {
      listAllFunctions: async () => [],
      createFunction: async ({
        func,
      }: {
        func: { name: string; envVariables: Record<string, string>; timeout: number; memorySize: number };
      }) => {
        created.set(func.name, func);
      },
      getFunctionDetail: async (name: string) => ({
        Status: 'Active',
        Timeout: created.get(name)!.timeout,
        MemorySize: created.get(name)!.memorySize,
        Triggers: [],
      }),
      createFunctionTriggers: async () => ({}),
    },
  } as unknown as DeployManager;
  const out: string[] = [];
  const code = await main(['--env', 'prod-1', '--functions', TEST_FUNCTIONS_DIR, '--env-file', file], {
    stdout: (s) => out.push(s),
    stderr: (s) => out.push(s),
    env: {
      TENCENTCLOUD_SECRETID: 'id',
      TENCENTCLOUD_SECRETKEY: 'key',
      FN_NOTICE_TEMPLATE_ID: 'from-env-456',
    },
    createManager: async () => manager,
  });
  expect(out.join('\n')).not.toContain('from-env-456');
  expect(code).toBe(0);
  expect(created.get('notices')!.envVariables).toEqual({ NOTICE_TEMPLATE_ID: 'from-env-456' });
});
