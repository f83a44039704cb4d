import type { Page } from 'playwright-core';
import { SIX_STEPS, STEP_LABELS } from '../../core/agenda';
import { fill, open, pressModal, useApp } from './browser';

/**
 * 圆桌议事 end to end in Chromium against `npm start`: a resident raises a matter, the village admin takes it
 * through all six steps on its pages, three 村民代表 vote, the result shows after close, a voter's receipt
 * checks out, and the public timeline shows every step. The result is frozen 1 s after close (not 15 s).
 */
const app = useApp({ FN_FINALIZE_GRACE_MS: '1000' });

const ITEM = '修缮村口老水井（e2e）';
const PAGES = '/packages/agenda/pages';

const panel = (page: Page) => page.locator('[data-testid="admin-panel"]');

/** On the matter's page as the admin: press a move in the 办理 panel, confirm it, wait for the new step. */
async function move(page: Page, button: string, step: string): Promise<void> {
  await panel(page).getByText(button, { exact: true }).click();
  await pressModal(page, '确定');
  await page.locator('.tag').filter({ hasText: step }).first().waitFor();
}

test('a matter goes through the six steps, with a secret vote, a checked receipt and a public record', async () => {
  // 群众提事: a resident raises it.
  const resident = await app.as('demo-resident-009');
  await open(resident, app.url, `${PAGES}/list/index`, '我要提事');
  await resident.getByText('我要提事', { exact: true }).click();
  await fill(resident, '例如：修缮村口老水井', ITEM);
  await fill(
    resident,
    '事情的经过、涉及哪些户、您的建议',
    '村口老水井井壁开裂，雨季水质浑浊，请村里组织修缮并加盖。',
  );
  await resident.getByText('提交', { exact: true }).click();
  await pressModal(resident, '提交');
  await resident.locator('[data-testid="item-head"]').getByText(ITEM).waitFor();
  const itemId = resident.url().split('id=')[1]!;

  // 征求论事: the admin opens it for consultation; the resident supports and comments.
  const admin = await app.as('demo-village-admin');
  await open(admin, app.url, `${PAGES}/item/index?id=${itemId}`, ITEM);
  await move(admin, '开始征求意见', '征求论事');
  await resident.reload();
  await resident.getByText('我也支持', { exact: true }).click();
  await resident.getByText('您已支持').waitFor();
  await fill(resident, '说说您的看法和建议', '我家愿意出两个工');
  await resident.getByText('发表意见', { exact: true }).click();
  await resident.getByText('我家愿意出两个工').waitFor();

  // 圆桌议事: the admin schedules the round table with an alliance-group leader, and records minutes.
  await panel(admin).getByText('安排圆桌会', { exact: true }).click();
  await fill(admin, '例如：村委会议室', '中海村村委会议室');
  await admin.locator('[data-testid="participant"]').first().click();
  await admin.getByText('安排', { exact: true }).click();
  await pressModal(admin, '安排');
  await admin.locator('[data-testid="roundtable"]').getByText('中海村村委会议室', { exact: false }).waitFor();
  await panel(admin).getByText('记录会议纪要', { exact: true }).click();
  await fill(
    admin,
    '会议讨论的情况和形成的意见',
    '与会人员一致同意修缮，费用由村集体承担，提交村民代表表决。',
  );
  await admin.getByText('保存纪要', { exact: true }).click();
  await admin.getByText('与会人员一致同意修缮', { exact: false }).waitFor();

  // 会议定事: a 赞成/反对/弃权 poll of the 村民代表, quorum 10%, opened at once.
  await panel(admin).getByText('发起表决', { exact: true }).click();
  await fill(admin, '例如：是否同意用村集体资金修缮水井', '是否同意用村集体资金修缮老水井');
  await admin.locator('input[type="number"]').first().fill('10');
  await admin.getByText('创建表决', { exact: true }).click();
  await pressModal(admin, '开始投票');
  await admin.getByText(/共 15 人有投票资格/).waitFor();
  await pressModal(admin, '知道了');
  await admin.locator('.tag').filter({ hasText: '会议定事' }).first().waitFor();
  const pollHref = `${PAGES}/poll/index?id=`;
  await admin.locator('[data-testid="poll-card"]').getByText('去投票', { exact: true }).click();
  await admin.locator('[data-testid="poll-head"]').waitFor();
  const pollId = admin.url().split('id=')[1]!;
  await admin.goBack();

  // Three representatives vote; each confirms a screen that says the ballot cannot be changed.
  const receipts: string[] = [];
  const voters: Page[] = [];
  for (const [rep, choice] of [
    ['demo-rep-01', '赞成'],
    ['demo-rep-02', '赞成'],
    ['demo-rep-03', '反对'],
  ] as const) {
    const voter = await app.as(rep);
    voters.push(voter);
    await open(voter, app.url, `${pollHref}${pollId}`, '我的选票');
    await voter.locator('.choice').filter({ hasText: choice }).click();
    await voter.getByText('投票', { exact: true }).click();
    await voter.locator('.taro__modal').getByText('投票后不能更改', { exact: false }).waitFor();
    await pressModal(voter, '确认投票');
    const code = (await voter.locator('.receipt').first().textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    receipts.push(code);
    if (rep === 'demo-rep-01') {
      // While the poll is open the result is not shown (results after close, the default).
      await voter.getByText('已投票 1/15 人').waitFor();
      expect(await voter.locator('[data-testid="poll-result"]').count()).toBe(0);
    }
  }

  // The admin closes the vote; a second later the result is frozen and shown to everyone.
  await admin.reload();
  await move(admin, '结束投票', '会议定事');
  // The first voter, on the phone (browser) that keeps their receipt.
  const voter = voters[0]!;
  await voter.reload();
  await voter.locator('[data-testid="poll-head"]').waitFor();
  for (let i = 0; i < 20 && (await voter.locator('[data-testid="poll-result"]').count()) === 0; i++) {
    await voter.waitForTimeout(500);
    await voter.reload();
    await voter.locator('[data-testid="poll-head"]').waitFor();
  }
  const result = voter.locator('[data-testid="poll-result"]');
  await result.getByText('通过', { exact: true }).waitFor();
  await result.getByText('2 票 · 66.7%').waitFor();
  await result.getByText('1 票 · 33.3%').waitFor();

  // The voter's receipt checks out, with their own choice.
  await voter.getByText('核验回执', { exact: true }).click();
  await voter.locator('[data-testid="receipt-answer"]').getByText('已计入。这张票的选择：赞成').waitFor();
  expect(await voter.locator('.receipt').first().textContent()).toBe(receipts[0]);

  // 集中办事: one task, done; 制度监事: a resident confirms; the admin closes the matter.
  await admin.reload();
  await move(admin, '进入集中办事', '集中办事');
  await panel(admin).getByText('安排任务', { exact: true }).click();
  await fill(admin, '例如：请施工队修缮井壁', '请施工队修缮井壁并加盖');
  await admin.getByText('查找', { exact: true }).click();
  await admin.locator('[data-testid="owner-option"]').first().click();
  await admin.getByText('安排', { exact: true }).click();
  await admin.locator('[data-testid="task"]').getByText('请施工队修缮井壁并加盖').waitFor();
  await admin.getByText('更新进度', { exact: true }).click();
  await admin.getByText('100%', { exact: true }).click();
  await fill(admin, '做了什么、还差什么', '井壁已修好，井口已加盖');
  await admin.getByText('提交进度', { exact: true }).click();
  await admin.getByText('完成 100%').waitFor();
  await move(admin, '任务完成，请村民评议', '制度监事');
  await resident.reload();
  await resident.getByText('确认办好了', { exact: true }).click();
  await pressModal(resident, '提交');
  await resident.getByText('您已确认办好。').waitFor();
  await admin.reload();
  await move(admin, '办结', '已办结');

  // The public record: every one of the six steps, who and when.
  await resident.reload();
  const timeline = resident.locator('[data-testid="timeline"]');
  await timeline.getByText('办结（1 人确认，0 人有异议）', { exact: false }).waitFor();
  const text = (await timeline.textContent()) ?? '';
  for (const step of SIX_STEPS) expect(text).toContain(STEP_LABELS[step]);
  expect(text).toContain('村管理员');
}, 240_000);
