import { fakeMembers, memberView } from '../support/fake-members';
import { WEAPP_DIST } from './harness/dist-dir';
import { loadBuiltPage } from './harness/load-built-page';

async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('a tap on a 首页 menu entry opens its page in the subpackage', async () => {
  const page = await loadBuiltPage(WEAPP_DIST, 'pages/home/index', {
    cloudFunctions: { members: fakeMembers() },
  });
  await page.waitForText('联盟小组');
  await page.tap({ text: '联盟小组' });
  await until(() => page.wx.callsTo('navigateTo').length > 0);
  expect((page.wx.callsTo('navigateTo')[0]!.args[0] as { url: string }).url).toBe(
    '/packages/alliance/pages/groups/index',
  );
});

test('the menu shows admin entries to a village admin and not to a resident', async () => {
  const admin = await loadBuiltPage(WEAPP_DIST, 'pages/home/index', {
    cloudFunctions: {
      members: fakeMembers({ me: { status: 'bound', member: memberView({ villageAdmin: true }) } }),
    },
  });
  await admin.waitForText('身份审核');
  expect(admin.text()).toContain('村民名册');
  admin.unload();
  const resident = await loadBuiltPage(WEAPP_DIST, 'pages/home/index', {
    cloudFunctions: { members: fakeMembers() },
  });
  await resident.waitForText('联盟小组');
  expect(resident.text()).not.toContain('身份审核');
});

test('the app calls its cloud function through wx.cloud', async () => {
  const page = await loadBuiltPage(WEAPP_DIST, 'pages/home/index', {
    cloudFunctions: { members: fakeMembers() },
  });
  await until(() => page.wx.callsTo('cloud.callFunction').length > 0);
  expect(page.wx.callsTo('cloud.init').length).toBe(1);
  expect((page.wx.callsTo('cloud.callFunction')[0]!.args[0] as { name: string; data: unknown }).data).toEqual(
    { action: 'me' },
  );
});
