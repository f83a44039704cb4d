import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildPlan, formatPlan, loadManifest, main, InputError } from '../../../../scripts/tools/deploy';

const FIXTURES = path.join(__dirname, 'fixtures');
const MANIFEST = path.join(FIXTURES, 'manifest.json');
const FUNCTIONS = path.join(FIXTURES, 'functions');
const ROOT = path.join(__dirname, '..', '..', '..', '..');

/** Run main() in-process, capturing output. No credentials in env. */
async function runMain(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const createManager = jest.fn(() => {
    throw new Error('must not create a manager (network) in this test');
  });
  const code = await main(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    env,
    createManager,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), createManager };
}

const EXPECTED_PLAN = `Deployment plan for env "tongxin-test-1a2b3c"

Collections (2):
  - members: create if missing
      index openid_unique UNIQUE: openid asc
      index village_1_created_-1: villageId asc, createdAt desc
  - polls: create if missing
      (no indexes)

Functions (3) from ${FUNCTIONS}:
  - login: create, or update code + config if it exists
      runtime Nodejs20.19, handler index.main, timeout 5 s, memory 256 MB
      installDependency: true (dependencies installed in the cloud, node_modules not uploaded)
      env vars: APP_MODE, JWT_SECRET
      openapi permissions: (none)
  - notify: create, or update code + config if it exists
      runtime Nodejs20.19, handler index.main, timeout 20 s, memory 512 MB
      installDependency: true (dependencies installed in the cloud, node_modules not uploaded)
      env vars: TEMPLATE_ID
      openapi permissions: subscribeMessage.send, security.msgSecCheck (MANUAL STEP)
  - ping: create, or update code + config if it exists
      runtime Nodejs20.19, handler index.main, timeout 3 s, memory 256 MB
      installDependency: true (dependencies installed in the cloud, node_modules not uploaded)
      env vars: (none)
      openapi permissions: (none)
      note: no env vars: env vars already set on an existing function are NOT cleared (manager-node sends none)

MANUAL STEP: WeChat open-API (云调用) permissions cannot be set through @cloudbase/manager-node.
In WeChat DevTools, open a project whose cloud-function root holds these BUILT functions (with their
config.json), right-click each function -> "上传并部署：云端安装依赖" against env "tongxin-test-1a2b3c".
DevTools also uploads that folder's code: if it is not the built code, re-run this script afterwards.
WeChat caches permissions for ~10 minutes (error -604101 until then).
  - notify: subscribeMessage.send, security.msgSecCheck`;

describe('deploy --dry-run', () => {
  test('prints the full plan, makes no network call and needs no credentials', async () => {
    const r = await runMain([
      '--env',
      'tongxin-test-1a2b3c',
      '--manifest',
      MANIFEST,
      '--functions',
      FUNCTIONS,
      '--dry-run',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${EXPECTED_PLAN}\n\nDry run: nothing was deployed.`);
    expect(r.createManager).not.toHaveBeenCalled();
  });

  test('never prints env var values', async () => {
    const r = await runMain(['--env', 'e', '--functions', FUNCTIONS, '--dry-run']);
    expect(r.stdout).not.toContain('s3cr3t-value');
    expect(r.stdout).not.toContain('production');
    expect(r.stdout).not.toContain('tmpl-123');
  });

  test('prints a function’s timer trigger from config.json', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-test-'));
    try {
      const dir = path.join(tmp, 'fns', 'drain');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'index.js'), 'exports.main = async () => 1;');
      fs.writeFileSync(path.join(dir, 'package.json'), '{}');
      fs.writeFileSync(
        path.join(dir, 'config.json'),
        JSON.stringify({
          envVariables: { A: '1' },
          triggers: [{ name: 'nightly', type: 'timer', config: '0 0 3 * * * *' }],
        }),
      );
      const r = await runMain(['--env', 'e', '--functions', path.join(tmp, 'fns'), '--dry-run']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        [
          '      openapi permissions: (none)',
          '      timer trigger nightly: "0 0 3 * * * *" (sec min hour day month weekday year, UTC+8)',
          '',
          'Dry run: nothing was deployed.',
        ].join('\n'),
      );
      expect(buildPlan(null, path.join(tmp, 'fns'), { envId: 'e' }).functions[0]!.triggers).toEqual([
        { name: 'nightly', type: 'timer', config: '0 0 3 * * * *' },
      ]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('buildPlan is a pure data structure (values kept for execution, defaults applied)', () => {
    const plan = buildPlan(loadManifest(MANIFEST), FUNCTIONS, { envId: 'e' });
    expect(plan.collections[0]).toEqual({
      name: 'members',
      indexes: [
        { name: 'openid_unique', keys: [{ field: 'openid', direction: 1 }], unique: true },
        {
          name: 'village_1_created_-1',
          keys: [
            { field: 'villageId', direction: 1 },
            { field: 'createdAt', direction: -1 },
          ],
          unique: false,
        },
      ],
    });
    const ping = plan.functions.find((f) => f.name === 'ping')!;
    expect(ping).toMatchObject({
      timeout: 3,
      memorySize: 256,
      envVariables: {},
      openapi: [],
      installDependency: true,
    });
    expect(plan.functions.find((f) => f.name === 'login')!.envVariables).toEqual({
      APP_MODE: 'production',
      JWT_SECRET: 's3cr3t-value',
    });
    expect(formatPlan(plan)).toContain('index openid_unique UNIQUE: openid asc');
  });
});

describe('deploy input errors (exit code 2)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-test-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('missing credentials without --dry-run', async () => {
    const r = await runMain(['--env', 'e', '--manifest', MANIFEST]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing credentials.*TENCENTCLOUD_SECRETID.*TENCENTCLOUD_SECRETKEY/);
    expect(r.createManager).not.toHaveBeenCalled();
  });

  test('missing --env for a real deployment', async () => {
    const r = await runMain(['--manifest', MANIFEST]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--env <envId> is required');
  });

  test('a dry run needs no --env: the plan names a placeholder', async () => {
    const r = await runMain(['--manifest', MANIFEST, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Deployment plan for env "<envId>"');
  });

  test('nothing to deploy', async () => {
    const r = await runMain(['--env', 'e', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing to deploy');
  });

  test('manifest missing / not JSON / invalid', async () => {
    expect(
      (await runMain(['--env', 'e', '--manifest', path.join(tmp, 'nope.json'), '--dry-run'])).stderr,
    ).toContain('cannot read manifest');
    fs.writeFileSync(path.join(tmp, 'bad.json'), '{ not json');
    const r1 = await runMain(['--env', 'e', '--manifest', path.join(tmp, 'bad.json'), '--dry-run']);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('is not valid JSON');
    fs.writeFileSync(
      path.join(tmp, 'dir.json'),
      JSON.stringify({ collections: [{ name: 'members', indexes: [{ name: 'x', keys: { a: 2 } }] }] }),
    );
    const r2 = await runMain(['--env', 'e', '--manifest', path.join(tmp, 'dir.json'), '--dry-run']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('key a must be 1 or -1');
    expect(() => buildPlan({ collections: 'x' }, null, { envId: 'e' })).toThrow(InputError);
  });

  test('functions folder missing / function without index.js / bad config.json', async () => {
    const r0 = await runMain(['--env', 'e', '--functions', path.join(tmp, 'missing'), '--dry-run']);
    expect(r0.code).toBe(2);
    expect(r0.stderr).toContain('is not a readable directory');

    fs.mkdirSync(path.join(tmp, 'fns', 'broken'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'fns', 'broken', 'package.json'), '{}');
    const r1 = await runMain(['--env', 'e', '--functions', path.join(tmp, 'fns'), '--dry-run']);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('function "broken": missing index.js');

    fs.writeFileSync(path.join(tmp, 'fns', 'broken', 'index.js'), 'exports.main = async () => 1;');
    fs.writeFileSync(path.join(tmp, 'fns', 'broken', 'config.json'), JSON.stringify({ timeout: '5' }));
    const r2 = await runMain(['--env', 'e', '--functions', path.join(tmp, 'fns'), '--dry-run']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('timeout must be a whole number from 1 to 900');

    const twoTriggers = [
      { name: 'a', type: 'timer', config: '0 0 3 * * * *' },
      { name: 'b', type: 'timer', config: '0 0 4 * * * *' },
    ];
    fs.writeFileSync(
      path.join(tmp, 'fns', 'broken', 'config.json'),
      JSON.stringify({ triggers: twoTriggers }),
    );
    const r3 = await runMain(['--env', 'e', '--functions', path.join(tmp, 'fns'), '--dry-run']);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('function "broken": triggers has 2 entries; WeChat cloud allows at most one');
    fs.writeFileSync(
      path.join(tmp, 'fns', 'broken', 'config.json'),
      JSON.stringify({ triggers: [{ name: 'a', type: 'timer', config: '0 0 3 * *' }] }),
    );
    const r4 = await runMain(['--env', 'e', '--functions', path.join(tmp, 'fns'), '--dry-run']);
    expect(r4.code).toBe(2);
    expect(r4.stderr).toContain('function "broken": triggers[0].config: cron "0 0 3 * *": needs 7 fields');
  });

  test('the real CLI under tsx: exit 2 without credentials, exit 0 for --dry-run', () => {
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const env = { ...process.env };
    delete env.TENCENTCLOUD_SECRETID;
    delete env.TENCENTCLOUD_SECRETKEY;
    const base = ['scripts/tools/deploy.ts', '--env', 'e', '--manifest', MANIFEST, '--functions', FUNCTIONS];
    const noCreds = spawnSync(tsx, base, { cwd: ROOT, env, encoding: 'utf8' });
    expect(noCreds.status).toBe(2);
    expect(noCreds.stderr).toContain('missing credentials');
    const dry = spawnSync(tsx, [...base, '--dry-run'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('index openid_unique UNIQUE: openid asc');
  });
});

describe('npm run deploy -- --dry-run (the repository’s own manifest and built functions)', () => {
  test('prints every collection of cloudfunctions/collections.json and every built function, deploying nothing', () => {
    const run = spawnSync('npm', ['run', '--silent', 'deploy', '--', '--dry-run'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'cloudfunctions', 'collections.json'), 'utf8'),
    ) as {
      collections: { name: string }[];
    };
    for (const c of manifest.collections) expect(run.stdout).toContain(`  - ${c.name}: create if missing`);
    expect(run.stdout).toContain('index residentId_unique UNIQUE: residentId asc');
    expect(run.stdout).toContain('  - members: create, or update code + config if it exists');
    expect(run.stdout).toContain('members: security.msgSecCheck');
    expect(run.stdout).toContain('Dry run: nothing was deployed.');
    expect(run.stdout).toContain('Deployment plan for env "<envId>"');
  }, 60_000);
});
