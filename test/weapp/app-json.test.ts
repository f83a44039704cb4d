import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { WEAPP_DIST } from './harness/dist-dir';
import { listAppPages } from './harness/load-built-page';

/** The built mini-program (dist/, what WeChat DevTools opens): its app.json and what it must not contain. */
const appJson = JSON.parse(readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8')) as Record<
  string,
  unknown
>;

test('the tab pages are in the main package and the feature pages in domain subpackages', () => {
  expect(listAppPages(WEAPP_DIST)).toEqual([
    'pages/home/index',
    'pages/notices/index',
    'pages/me/index',
    'packages/alliance/pages/groups/index',
    'packages/agenda/pages/list/index',
    'packages/agenda/pages/item/index',
    'packages/agenda/pages/propose/index',
    'packages/agenda/pages/poll/index',
    'packages/agenda/pages/receipts/index',
    'packages/agenda/pages/roundtable/index',
    'packages/agenda/pages/poll-setup/index',
    'packages/agenda/pages/task/index',
    'packages/briefings/pages/list/index',
    'packages/briefings/pages/detail/index',
    'packages/briefings/pages/edit/index',
    'packages/briefings/pages/versions/index',
    'packages/honor/pages/board/index',
    'packages/honor/pages/standing/index',
    'packages/honor/pages/appeal/index',
    'packages/honor/pages/manage/index',
    'packages/notices/pages/detail/index',
    'packages/notices/pages/compose/index',
    'packages/notices/pages/sent/index',
    'packages/notices/pages/coverage/index',
    'packages/dividends/pages/mine/index',
    'packages/dividends/pages/coops/index',
    'packages/dividends/pages/coop/index',
    'packages/dividends/pages/distribution/index',
    'packages/dividends/pages/declare/index',
    'packages/dividends/pages/import/index',
    'packages/dividends/pages/edit/index',
    'packages/admin/pages/bindings/index',
    'packages/admin/pages/residents/index',
    'packages/admin/pages/roles/index',
    'packages/admin/pages/register/index',
    'packages/admin/pages/import/index',
    'packages/admin/pages/claim-sheet/index',
  ]);
  expect((appJson.tabBar as { list: { pagePath: string; text: string }[] }).list.map((t) => t.text)).toEqual([
    '首页',
    '通知',
    '我的',
  ]);
});

test('the tab-bar icons are copied into dist/ as committed in src/', () => {
  const list = (appJson.tabBar as { list: { iconPath?: string; selectedIconPath?: string }[] }).list;
  const icons = list.flatMap((t) => [t.iconPath, t.selectedIconPath]);
  expect(icons).toHaveLength(6);
  for (const icon of icons) {
    expect(typeof icon).toBe('string');
    const built = readFileSync(path.join(WEAPP_DIST, icon!));
    expect(built.equals(readFileSync(path.join(__dirname, '..', '..', 'src', icon!)))).toBe(true);
  }
});

test('subpackages are preloaded from the tabs; code loads lazily; privacy is declared', () => {
  expect(appJson.preloadRule).toEqual({
    'pages/home/index': {
      network: 'all',
      packages: ['alliance', 'agenda', 'briefings', 'honor', 'dividends'],
    },
    'pages/notices/index': { network: 'all', packages: ['notices'] },
    'pages/me/index': { network: 'all', packages: ['admin'] },
  });
  expect(appJson.lazyCodeLoading).toBe('requiredComponents');
  expect(appJson.__usePrivacyCheck__).toBe(true);
});

test('朗读 uses WeChat’s 同声传译 plugin, declared by the briefings subpackage only', () => {
  const subPackages = appJson.subPackages as { root: string; plugins?: Record<string, unknown> }[];
  expect(subPackages.find((p) => p.root === 'packages/briefings')?.plugins).toEqual({
    WechatSI: { version: '0.3.5', provider: 'wx069ba97219f66d99' },
  });
  expect(subPackages.filter((p) => p.plugins).map((p) => p.root)).toEqual(['packages/briefings']);
  expect(appJson.plugins).toBeUndefined();
});

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });
}

test('the mini-program build carries only its own transport and no H5 dev page', () => {
  const code = allFiles(WEAPP_DIST)
    .filter((f) => /\.(js|json|wxml)$/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  expect(code).toContain('callFunction');
  for (const h5Only of ['X-Openid', '/api/', 'tongxin.dev.openid', 'pages/dev/identity'])
    expect(code).not.toContain(h5Only);
  // Ballot receipts come from WeChat's own secure random source, not the browser's Web Crypto.
  expect(code).toContain('getRandomValues');
  expect(code).not.toContain('crypto.getRandomValues');
});
