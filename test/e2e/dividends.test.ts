import { DEFAULT_SPLIT, DEFAULT_TERMS, distribute, yuan } from '../../core/dividends';
import { callApi, fill, open, pressModal, useApp } from './browser';

/**
 * 分红 end to end in Chromium against `npm start`: 中海村's admin imports the 众城种养殖合作社's roster from a CSV
 * file, declares 2024's distributable profit and computes it; the cooperative's board member (demo-rep-01)
 * reviews it; the admin publishes it; a shareholder sees their household's amount and the formula in words.
 */
const app = useApp();

const PAGES = '/packages/dividends/pages';
const COOP = 'coop_zhongcheng';
const ADMIN = 'demo-village-admin';
const BOARD = 'demo-rep-01';
const SHAREHOLDER = 'demo-resident-001';
const PROFIT_FEN = 30_000_012;

type Me = { member: { name: string; household: string } };

test('an admin imports a roster and publishes; a shareholder sees the amount and the formula', async () => {
  // The roster file: residents 001–050, the first with 30,000 元 and the rest 26,000 元 each.
  const people = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      callApi<Me>(app.url, 'members', `demo-resident-${String(i + 1).padStart(3, '0')}`, { action: 'me' }),
    ),
  );
  const rows = people.map((p, i) => [p.member.household, p.member.name, i === 0 ? '30000' : '26000']);
  const file = ['户号,户主,资金入股（元）', ...rows.map((r) => r.join(','))].join('\r\n');

  const admin = await app.as(ADMIN);
  await open(admin, app.url, `${PAGES}/coop/index?id=${COOP}`, '导入股东名册');
  await admin.getByText('导入股东名册', { exact: true }).click();
  await admin.getByText('选择文件', { exact: true }).waitFor();
  const [chooser] = await Promise.all([
    admin.waitForEvent('filechooser'),
    admin.getByText('选择文件', { exact: true }).click(),
  ]);
  await chooser.setFiles({
    name: '众城股东名册.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(file, 'utf8'),
  });
  await admin.getByText('已导入 50 户').waitFor();
  // Back on the cooperative's page, with the new roster.
  await admin.locator('[data-testid="roster-row"]').first().waitFor();

  await open(admin, app.url, `${PAGES}/declare/index?coopId=${COOP}`, '可分配盈余');
  await fill(admin, '例如 2025', '2024');
  await fill(admin, '例如 128000.00', yuan(PROFIT_FEN).replace(/,/g, ''));
  await admin.getByText('申报', { exact: true }).click();
  await admin.getByText('核算', { exact: true }).click();
  await admin.getByText('已核算，等待另一位管理员复核。').waitFor();

  const board = await app.as(BOARD);
  await open(board, app.url, `${PAGES}/distribution/index?id=${COOP}_2024_v1`, '复核通过');
  await board.getByText('复核通过', { exact: true }).click();
  await pressModal(board, '复核通过');
  await board.locator('[data-testid="steps"]').getByText('公布', { exact: true }).waitFor();

  await admin.reload();
  await admin.locator('[data-testid="steps"]').getByText('公布', { exact: true }).click();
  await pressModal(admin, '公布');
  await admin.locator('[data-testid="steps"]').getByText('更正', { exact: true }).waitFor();

  // What core/dividends.ts gives the shareholder for this roster and profit.
  const expected = distribute({
    profitFen: PROFIT_FEN,
    rule: DEFAULT_SPLIT,
    basis: 'shares',
    transactionReturnBp: 6_000,
    terms: DEFAULT_TERMS,
    holdings: rows.map(([household, name, capital]) => ({
      householdId: household!,
      name: name!,
      capitalFen: Number(capital) * 100,
      landCentiMu: 0,
      allocatedCentiShares: 0,
      collectiveCentiShares: 0,
      volumeFen: 0,
    })),
  }).lines[0]!;

  const resident = await app.as(SHAREHOLDER);
  await open(resident, app.url, `${PAGES}/mine/index`, '2024');
  const card = resident.locator('[data-testid="dividend"]').filter({ hasText: '2024' });
  await expect(card.locator('[data-testid="amount"]').textContent()).resolves.toContain(
    yuan(expected.amountFen),
  );
  await expect(card.locator('[data-testid="formula"]').textContent()).resolves.toContain(
    `本户折合股数 ${expected.weightedShares}`,
  );
  await expect(card.locator('[data-testid="basis"]').textContent()).resolves.toContain('按股份分配');
}, 180_000);
