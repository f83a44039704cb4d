import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, type CiModule } from '../../../scripts/tools/mini-ci';

const ROOT = path.join(__dirname, '..', '..', '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const APPID = 'wx0123456789abcdef';

let dist: string;
beforeEach(() => {
  // A small weapp build as Taro writes it: app.json, app.js, project.config.json (the AppID), one subpackage.
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'mini-ci-'));
  fs.mkdirSync(path.join(dist, 'packages', 'notices', 'pages', 'detail'), { recursive: true });
  fs.writeFileSync(
    path.join(dist, 'app.json'),
    JSON.stringify({
      pages: ['pages/home/index'],
      subPackages: [{ root: 'packages/notices', pages: ['pages/detail/index'] }],
    }),
  );
  fs.writeFileSync(path.join(dist, 'app.js'), 'var a = 1;');
  fs.writeFileSync(path.join(dist, 'packages', 'notices', 'pages', 'detail', 'index.js'), 'var b = 2;');
  writeProject(APPID);
});
afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));

const writeProject = (appid: string) =>
  fs.writeFileSync(
    path.join(dist, 'project.config.json'),
    JSON.stringify({
      appid,
      miniprogramRoot: './',
      setting: { es6: false, minified: false, postcss: false },
    }),
  );

/** Runs the script in-process; miniprogram-ci itself must never be loaded (it would go to the network). */
async function run(argv: string[], env: NodeJS.ProcessEnv = {}, ci?: CiModule) {
  const out: string[] = [];
  const err: string[] = [];
  const loadCi = jest.fn(async () => {
    if (!ci) throw new Error('must not load miniprogram-ci in this test');
    return ci;
  });
  const code = await main([...argv, '--dist', dist], {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    env,
    loadCi,
    root: ROOT,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), loadCi };
}

test('upload --dry-run needs no key and prints exactly what it would send', async () => {
  const r = await run(['upload', '--dry-run', '--desc', '第一版']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.loadCi).not.toHaveBeenCalled();
  expect(r.stdout).toBe(
    [
      `miniprogram-ci upload of ${dist}`,
      `  appid      ${APPID} (dist/project.config.json)`,
      `  version    ${PKG.version}`,
      '  desc       第一版',
      '  robot      1',
      '  setting    es6 false, es7 false, minify false, autoPrefixWXSS false',
      '  packages   main 0.2 KB, packages/notices 0.0 KB',
      '  key        MINI_CI_PRIVATE_KEY_PATH is not set (needed for a real run)',
      "  call       ci.upload({ project: new ci.Project({ type: 'miniProgram', appid, projectPath, privateKeyPath }), version, desc, robot, setting })",
      '',
      'Dry run: nothing was sent to WeChat.',
    ].join('\n'),
  );
});

test('preview --dry-run: the version and desc default to package.json; the QR code and page are shown', async () => {
  const r = await run(
    [
      'preview',
      '--dry-run',
      '--qrcode',
      path.join(dist, 'qr.jpg'),
      '--page',
      'packages/notices/pages/detail/index',
    ],
    {
      MINI_CI_PRIVATE_KEY_PATH: '/keys/private.wx.key',
    },
  );
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`  version    ${PKG.version}\n  desc       ${PKG.name} ${PKG.version}`);
  expect(r.stdout).toContain(
    `  qrcode     image ${path.join(dist, 'qr.jpg')}, opens packages/notices/pages/detail/index`,
  );
  expect(r.stdout).toContain('  key        /keys/private.wx.key');
});

test.each([
  ['no build', () => fs.rmSync(path.join(dist, 'app.js')), ['upload', '--dry-run'], 'no weapp build'],
  [
    'the tourist AppID',
    () => writeProject('touristappid'),
    ['upload', '--dry-run'],
    'set TARO_APP_ID in .env.local',
  ],
  ['a bad version', () => undefined, ['upload', '--dry-run', '--version', 'v1'], 'not like 1.2.3'],
  [
    'an unknown page',
    () => undefined,
    ['preview', '--dry-run', '--page', 'pages/nope'],
    'not a page of app.json',
  ],
  ['no action', () => undefined, ['--dry-run'], 'preview or upload'],
])('refuses %s (exit 2) before anything is sent', async (_name, spoil, argv, message) => {
  spoil();
  const r = await run(argv);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(message);
  expect(r.loadCi).not.toHaveBeenCalled();
});

test('a real run without MINI_CI_PRIVATE_KEY_PATH stops before calling WeChat', async () => {
  const upload = jest.fn();
  const ci = { Project: jest.fn(), upload, preview: jest.fn() } as unknown as CiModule;
  const r = await run(['upload'], {}, ci);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('MINI_CI_PRIVATE_KEY_PATH is not set');
  expect(upload).not.toHaveBeenCalled();
});

test('a real run hands miniprogram-ci the project and the settings', async () => {
  const key = path.join(dist, 'private.key');
  fs.writeFileSync(key, 'not a real key');
  const Project = jest.fn(function (this: Record<string, unknown>, options: unknown) {
    this.options = options;
  });
  const upload = jest.fn(async () => ({ subPackageInfo: [] }));
  const ci = { Project, upload, preview: jest.fn() } as unknown as CiModule;
  const r = await run(['upload', '--version', '1.2.3', '--desc', 'd'], { MINI_CI_PRIVATE_KEY_PATH: key }, ci);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(Project).toHaveBeenCalledWith(
    expect.objectContaining({ type: 'miniProgram', appid: APPID, projectPath: dist, privateKeyPath: key }),
  );
  expect(upload).toHaveBeenCalledWith(
    expect.objectContaining({
      version: '1.2.3',
      desc: 'd',
      robot: 1,
      setting: { es6: false, es7: false, minify: false, autoPrefixWXSS: false },
    }),
  );
});
