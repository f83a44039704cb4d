import type { Page } from 'playwright-core';
import { monthLabel, monthOf } from '../../core/honor';
import { callApi, fill, open, pressModal, useApp } from './browser';

/**
 * 诚信红黑榜 end to end in Chromium against `npm start`: the village admin drafts this month's board (one
 * household on the red list, one on the black list) and submits it; a second admin of the village approves
 * it; a resident sees it with the black-listed name masked; the black-listed household appeals; the admin
 * revokes the entry; the board shows the correction beside the original.
 */
const app = useApp();

const PAGES = '/packages/honor/pages';
const ADMIN = 'demo-village-admin';
/** Made a second admin of 中海村 below, as a village has several 村委 members. */
const SECOND_ADMIN = 'demo-resident-032';
const RED = 'demo-resident-030';
const BLACK = 'demo-resident-031';

const api = <T>(fn: string, openid: string, event: Record<string, unknown>) =>
  callApi<T>(app.url, fn, openid, event);

type Me = { member: { name: string; household: string } };

/** On the admin page: find a household by name, pick it, choose the list, add it. */
async function addHousehold(page: Page, who: Me['member'], list: '红榜' | '黑榜'): Promise<void> {
  const form = page.locator('[data-testid="entry-form"]');
  await fill(page, '姓名或户号', who.name);
  await form.getByText('搜索', { exact: true }).click();
  await form.locator('[data-testid="search-results"]').getByText(`${who.name} ${who.household}`).click();
  await form.getByText(list, { exact: true }).first().click();
  await form.getByText(`加入${list}`, { exact: true }).click();
  await page
    .locator('[data-testid="manage-board"] [data-testid="entry"]')
    .filter({ hasText: who.name })
    .waitFor();
}

test('a board is drafted, approved by a second admin, seen, appealed, revoked, and shows the correction', async () => {
  await api('members', 'demo-town-admin', {
    action: 'setRoles',
    residentId: 'r_resident_032',
    roles: { rep: false, villageAdmin: true, townAdmin: false, groups: [] },
  });
  const red = (await api<Me>('members', RED, { action: 'me' })).member;
  const black = (await api<Me>('members', BLACK, { action: 'me' })).member;
  const month = monthLabel(monthOf(Date.now()));

  // The village admin drafts this month's board and submits it.
  const admin = await app.as(ADMIN);
  await open(admin, app.url, `${PAGES}/manage/index`, '新建红黑榜');
  await admin.getByText(`新建${month}红黑榜`, { exact: true }).click();
  await admin.locator('[data-testid="entry-form"]').waitFor();
  await addHousehold(admin, red, '红榜');
  await addHousehold(admin, black, '黑榜');
  await admin.getByText('提交审核', { exact: true }).click();
  await pressModal(admin, '提交');
  await admin.locator('[data-testid="review"]').waitFor();

  // The drafter cannot approve it; a second admin does.
  await admin.locator('[data-testid="review"]').getByText('不能自己审核', { exact: false }).waitFor();
  const second = await app.as(SECOND_ADMIN);
  await open(second, app.url, `${PAGES}/manage/index`, '新建红黑榜');
  await second.locator('[data-testid="review"]').getByText('审核通过', { exact: true }).click();
  await pressModal(second, '公布');
  await second.getByText('更正', { exact: true }).first().waitFor();

  // A resident sees it: the red name in full, the black name masked.
  const resident = await app.as('demo-resident-040');
  await open(resident, app.url, `${PAGES}/board/index`, month);
  await resident.locator('[data-testid="list-red"]').getByText(red.name).waitFor();
  const blackList = resident.locator('[data-testid="list-black"]');
  await blackList.getByText(black.household, { exact: false }).waitFor();
  await expect(blackList.textContent()).resolves.not.toContain(black.name);

  // The black-listed household appeals.
  const household = await app.as(BLACK);
  await open(household, app.url, `${PAGES}/standing/index`, '截止到');
  await household.locator('[data-testid="restricted"]').waitFor();
  await household.getByText('申诉', { exact: true }).click();
  await household
    .locator('[data-testid="appeal-form"] textarea')
    .fill('那天我家在外地打工，垃圾不是我家倒的，邻居可以作证。');
  await household.getByText('提交申诉', { exact: true }).click();
  await pressModal(household, '提交');
  await pressModal(household, '知道了');

  // The admin revokes the entry.
  await admin.reload();
  const appeal = admin.locator('[data-testid="appeal"]').filter({ hasText: '在外地打工' });
  await appeal.waitFor();
  await appeal.locator('textarea').fill('经核实，邻居作证属实');
  await appeal.getByText('撤销上榜', { exact: true }).click();
  await pressModal(admin, '撤销');
  await appeal.waitFor({ state: 'detached' });

  // The board shows the correction beside the original entry; the household is no longer restricted.
  await resident.reload();
  await resident
    .locator('[data-testid="list-black"] [data-testid="correction"]')
    .getByText('经核实，邻居作证属实', { exact: false })
    .waitFor();
  await household.goto(`${app.url}#${PAGES}/standing/index`);
  await household.reload();
  await household.locator('[data-testid="not-restricted"]').waitFor();
}, 180_000);
