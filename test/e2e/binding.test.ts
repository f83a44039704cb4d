import { fill, open, pressModal, useApp } from './browser';

/**
 * End to end in Chromium against `npm start`: the H5 build, the dev server, the built `members` function,
 * the local cloud and its demo data. Each user is a separate browser context with its own identity.
 */
const app = useApp();

test('a new user requests binding, the village admin approves, the resident sees their roles', async () => {
  const newcomer = await app.as(`h5-user-e2e-${Date.now()}`);
  await open(newcomer, app.url, '/pages/me/index', '绑定村民身份');
  await newcomer.getByText('填写资料申请绑定').click();
  await newcomer.getByText('同意并继续').click();
  await fill(newcomer, '请填写身份证上的姓名', '杨春燕');
  await fill(newcomer, '请填写户号', '六组 066 号');
  await fill(newcomer, '11 位手机号码', '13987654321');
  // Village picker: Taro's H5 picker opens a sheet; 中海村 is the first choice.
  await newcomer.getByText('请选择').click();
  await newcomer.getByText('确定', { exact: true }).click();
  await newcomer.getByText('提交申请').click();
  await newcomer.getByText('身份审核中').waitFor();
  await newcomer.getByText('手机：139****4321').waitFor();

  const admin = await app.as('demo-village-admin');
  await open(admin, app.url, '/packages/admin/pages/bindings/index', '杨春燕 · 中海村');
  const card = admin.locator('.card', { hasText: '杨春燕 · 中海村' });
  await card.getByText('通过', { exact: true }).click();
  await pressModal(admin, '通过');
  await admin.getByText('杨春燕 · 中海村').waitFor({ state: 'detached' });

  await open(newcomer, app.url, '/pages/me/index', '杨春燕');
  await newcomer.reload();
  await newcomer.getByText('所在村（社区）：中海村').waitFor();
  await newcomer.getByText('我的身份').waitFor();
  await newcomer.locator('.role-tags__tag', { hasText: '村民' }).waitFor();
}, 120_000);

test('a claim code binds an elderly resident once; a second use is refused', async () => {
  const admin = await app.as('demo-village-admin');
  await open(admin, app.url, '/packages/admin/pages/register/index?villageId=zhonghai', '登记并生成认领码');
  await fill(admin, '村民姓名', '禄德福');
  await fill(admin, '例如：三组 018 号', '八组 108 号');
  await admin.getByText('登记并生成认领码').click();
  const code = (await admin.locator('.register__code').first().textContent())!.trim();
  expect(code).toMatch(/^\d{4} \d{4}$/);

  const elder = await app.as(`h5-user-elder-${Date.now()}`);
  await open(elder, app.url, '/pages/me/index', '我有村干部给的认领码');
  await elder.getByText('我有村干部给的认领码').click();
  await fill(elder, '例如 1234 5678', code.replace(' ', ''));
  await elder.getByText('确认绑定').click();
  await elder.getByText('户号：八组 108 号').waitFor();

  const other = await app.as(`h5-user-other-${Date.now()}`);
  await open(other, app.url, '/pages/me/index', '我有村干部给的认领码');
  await other.getByText('我有村干部给的认领码').click();
  await fill(other, '例如 1234 5678', code.replace(' ', ''));
  await other.getByText('确认绑定').click();
  await other.getByText('这个认领码已经用过了').waitFor();
}, 120_000);
