import { callApi, fill, open, pressModal, useApp } from './browser';

/**
 * 通知 end to end in Chromium against `npm start`: a resident of 中海村 turns on reminders; the 协商议事组 组长
 * (who lives in 中海村) composes a notice to the village; the resident gets the WeChat reminder, sees the unread
 * badge on the 通知 tab and reads the notice; the leader's coverage view counts the household as read.
 */
const app = useApp();

const LEADER = 'demo-leader-consult';
const RESIDENT = 'demo-resident-050';
const TITLE = '周六召开党群圆桌会';
const BODY = '本周六上午九点在村委会议室召开党群圆桌会，商议村道硬化的事，请各户派一位代表参加。';

interface Outbox {
  touser: string;
  data: Record<string, { value: string }>;
}

test('a leader sends a notice; the resident is reminded, sees the badge and reads it; coverage follows', async () => {
  // The resident turns on reminders (in the H5 build a confirmation stands in for WeChat's prompt).
  const resident = await app.as(RESIDENT);
  await open(resident, app.url, '/pages/notices/index', '开启提醒');
  await resident.getByText('开启提醒', { exact: true }).click();
  await pressModal(resident, '允许');
  await resident.getByText('有新通知时微信会提醒您（还可提醒 1 次）').waitFor();

  // The leader composes and sends.
  const leader = await app.as(LEADER);
  await open(leader, app.url, '/packages/notices/pages/compose/index', '发给谁');
  await leader.locator('[data-testid="audiences"]').getByText('中海村', { exact: true }).click();
  await fill(leader, '例如：周六召开党群圆桌会', TITLE);
  await fill(leader, '时间、地点、要做什么、联系谁', BODY);
  await leader.getByText('发送', { exact: true }).click();
  await pressModal(leader, '发送');
  await leader.locator('[data-testid="coverage"]').waitFor();
  const households = (await leader.locator('[data-testid="read-households"]').textContent())!;
  expect(households).toMatch(/^0\/\d+$/);

  // WeChat delivered one reminder to the resident, with the title.
  const outbox = (await (await fetch(`${app.url}_local/outbox`)).json()) as Outbox[];
  const mine = outbox.filter((m) => m.touser === RESIDENT);
  expect(mine).toHaveLength(1);
  expect(mine[0]!.data.thing1!.value).toBe(TITLE);

  // The resident sees the badge and the unread notice, and reads it.
  await resident.reload();
  await resident.locator('[data-testid="notice"]').filter({ hasText: TITLE }).getByText('未读').waitFor();
  await resident.locator('.taro-tabbar-badge').getByText('1', { exact: true }).waitFor();
  await resident.getByText(TITLE).click();
  await resident.getByText('商议村道硬化的事', { exact: false }).waitFor();
  await resident.goBack();
  await resident.reload();
  await resident.locator('[data-testid="notice"]').filter({ hasText: TITLE }).waitFor();
  await expect(
    resident.locator('[data-testid="notice"]').filter({ hasText: TITLE }).textContent(),
  ).resolves.not.toContain('未读');
  expect(await resident.locator('.taro-tabbar-badge').count()).toBe(0);

  // The leader's coverage counts the household as read; the resident's household is no longer unread.
  await leader.reload();
  const total = households.split('/')[1];
  await leader.locator('[data-testid="read-households"]').getByText(`1/${total}`).waitFor();
  const me = await callApi<{ member: { household: string } }>(app.url, 'members', RESIDENT, { action: 'me' });
  await leader.locator('[data-testid="village-row"]').click();
  await leader.locator('[data-testid="unread-households"]').waitFor();
  await expect(leader.locator('[data-testid="unread-households"]').textContent()).resolves.not.toContain(
    me.member.household,
  );
}, 180_000);
