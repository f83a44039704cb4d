import { distribute, DEFAULT_SPLIT, DEFAULT_TERMS } from '../../../core/dividends';
import { data, refuses, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  BOARD,
  HEADER,
  SHAREHOLDERS,
  TOWN_ADMIN,
  COOP,
  createCoop,
  csv,
  dividendsAs,
  householdOf,
  importCsv,
  publishedDistribution,
  rosterRows,
  xlsx,
} from '../../support/dividends';
import { upload } from '../../support/uploads';

const cloud = useAppCloud();

const as = (openid: string) => dividendsAs(cloud, openid);
const dist = (id: string) => cloud.dump('distributions').find((d) => d._id === id)!;

describe('cooperatives and rosters', () => {
  test('an admin creates a cooperative; its basis follows the legal form', async () => {
    const coopId = await createCoop(cloud, { legalForm: 'farmerCoop' });
    const view = data(await as(ADMIN)('getCooperative', { coopId }));
    expect(view).toMatchObject({
      villageName: '中海村',
      legalForm: 'farmerCoop',
      basis: 'transactions',
      canManage: true,
      shareholders: 0,
      roster: [],
    });
    expect(view.board).toEqual([{ residentId: expect.any(String), name: expect.any(String) }]);
  });

  test('only the village’s admins create or edit its cooperatives', async () => {
    const input = COOP;
    await refuses(cloud, () => as(SHAREHOLDERS[0]!)('saveCooperative', input), 'FORBIDDEN');
    await refuses(cloud, () => as(ADMIN)('saveCooperative', { ...input, villageId: 'wuxing' }), 'FORBIDDEN');
    await refuses(
      cloud,
      () =>
        as(ADMIN)('saveCooperative', {
          ...input,
          rule: { reserveBp: 3000, collectiveBp: 1000, membersBp: 5000 },
        }),
      'INVALID_INPUT',
      '三项分配比例之和必须是 100%',
    );
    await refuses(
      cloud,
      () => as(ADMIN)('saveCooperative', { ...input, legalForm: 'farmerCoop', transactionReturnBp: 5_000 }),
      'INVALID_INPUT',
      '按交易量返还不得低于可分配盈余的 60%',
    );
    await refuses(
      cloud,
      () => as(ADMIN)('saveCooperative', { ...input, industry: '赌博' }),
      'CONTENT_REJECTED',
      '合作社名称或产业未通过微信内容安全检查，请修改',
    );
    await refuses(
      cloud,
      () => as(ADMIN)('saveCooperative', { ...input, board: ['r_resident_201'] }),
      'INVALID_INPUT',
      '理事会成员必须是本村村民',
    );
  });

  test('a CSV roster imports every household', async () => {
    const coopId = await createCoop(cloud);
    expect(data(await importCsv(cloud, coopId, rosterRows(cloud)))).toEqual({ rows: 10, households: 10 });
    const roster = data(await as(ADMIN)('getCooperative', { coopId })).roster!;
    expect(roster[0]).toMatchObject({
      household: householdOf(cloud, SHAREHOLDERS[0]!),
      capitalFen: 1_000_000,
      landCentiMu: 200,
      allocatedCentiShares: 150,
      collectiveCentiShares: 0,
      volumeFen: 100_000,
    });
  });

  test('an Excel workbook and a GBK CSV (as Chinese Excel saves it) import the same', async () => {
    const coopId = await createCoop(cloud);
    const rows = [HEADER, ...rosterRows(cloud)];
    data(
      await as(ADMIN)('importRoster', {
        coopId,
        filename: '股东名册.xlsx',
        fileID: await upload(cloud, '股东名册.xlsx', xlsx(rows), 'dividends'),
      }),
    );
    const fromXlsx = data(await as(ADMIN)('getCooperative', { coopId })).roster;
    data(
      await as(ADMIN)('importRoster', {
        coopId,
        filename: '股东名册.csv',
        fileID: await upload(cloud, '股东名册.csv', gbk(csv(rows)), 'dividends'),
      }),
    );
    expect(data(await as(ADMIN)('getCooperative', { coopId })).roster).toEqual(fromXlsx);
  });

  test('a roster with bad rows writes nothing and names every problem by its row', async () => {
    const coopId = await createCoop(cloud);
    data(await importCsv(cloud, coopId, rosterRows(cloud)));
    const rows = rosterRows(cloud);
    rows[1]![2] = '一万';
    rows[3]![1] = '';
    rows[5]![0] = rows[4]![0]!;
    rows[7]![3] = '1.234';
    await refuses(
      cloud,
      () => importCsv(cloud, coopId, rows),
      'INVALID_INPUT',
      [
        '名册有 4 处问题，没有导入：',
        '第 3 行：资金入股（元）“一万”不是不小于 0、最多两位小数的数',
        '第 5 行：缺少户主姓名',
        `第 7 行：户号“${rows[4]![0]}”和第 6 行重复`,
        '第 9 行：土地入股（亩）“1.234”不是不小于 0、最多两位小数的数',
      ].join('\n'),
    );
  });

  test('a roster far beyond the old 70 KB cap imports through storage', async () => {
    const coopId = await createCoop(cloud);
    const rows = Array.from({ length: 4_000 }, (_, i) => [`${i}号`, `村民${i}`, '1000']);
    const text = csv([['户号', '户主', '资金入股（元）'], ...rows]);
    expect(Buffer.byteLength(text)).toBeGreaterThan(70 * 1024);
    const fileID = await upload(cloud, 'big.csv', text, 'dividends');
    expect(data(await as(ADMIN)('importRoster', { coopId, filename: 'big.csv', fileID }))).toEqual({
      rows: 4_000,
      households: 4_000,
    });
  });

  test('only a file uploaded under uploads/ is read, and a missing one is NOT_FOUND', async () => {
    const coopId = await createCoop(cloud);
    const outside = await cloud.uploadFile('exports/claim-sheets/zhonghai.csv', Buffer.from('户号,户主\n'));
    await refuses(
      cloud,
      () => as(ADMIN)('importRoster', { coopId, filename: 'x.csv', fileID: outside }),
      'INVALID_INPUT',
      '请先上传文件（文件编号无效）',
    );
    const gone = outside.replace('exports/claim-sheets/zhonghai.csv', 'uploads/dividends/20261202/none.csv');
    await refuses(
      cloud,
      () => as(ADMIN)('importRoster', { coopId, filename: 'x.csv', fileID: gone }),
      'NOT_FOUND',
      '文件不存在或已过期，请重新上传',
    );
  });

  test('a file without the 户号 column is refused', async () => {
    const coopId = await createCoop(cloud);
    const fileID = await upload(
      cloud,
      'x.csv',
      csv([
        ['姓名', '资金入股（元）'],
        ['张三', '100'],
      ]),
      'dividends',
    );
    await refuses(
      cloud,
      () => as(ADMIN)('importRoster', { coopId, filename: 'x.csv', fileID }),
      'INVALID_INPUT',
      '名册有 1 处问题，没有导入：\n第 1 行（表头）缺少“户号”列',
    );
  });

  test('the board imports too; a resident of the village does not', async () => {
    const coopId = await createCoop(cloud);
    data(await importCsv(cloud, coopId, rosterRows(cloud), BOARD));
    await refuses(cloud, () => importCsv(cloud, coopId, rosterRows(cloud), SHAREHOLDERS[0]!), 'FORBIDDEN');
  });
});

/** GBK bytes of a text, from Node's decoder tables (Node decodes GBK but cannot encode it). */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes = [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!));
  const out = new Uint8Array(bytes);
  // Not valid UTF-8, so the reader must fall back to GBK.
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(out)).toThrow();
  return out;
}

describe('declare → compute → review → publish', () => {
  let coopId: string;
  beforeAll(async () => {
    coopId = await createCoop(cloud);
    data(await importCsv(cloud, coopId, rosterRows(cloud)));
  });

  test('the computed lines are core/dividends.ts’s, exact to the fen', async () => {
    const { distributionId } = data(
      await as(ADMIN)('declare', { coopId, year: 2023, profitFen: 12_345_678 }),
    );
    const computed = data(await as(ADMIN)('compute', { distributionId }));
    const roster = data(await as(ADMIN)('getCooperative', { coopId })).roster!;
    const expected = distribute({
      profitFen: 12_345_678,
      rule: DEFAULT_SPLIT,
      basis: 'shares',
      transactionReturnBp: 6_000,
      terms: DEFAULT_TERMS,
      holdings: roster,
    });
    expect(computed.lines!.map((l) => l.amountFen)).toEqual(expected.lines.map((l) => l.amountFen));
    expect(computed.lines!.reduce((a, l) => a + l.amountFen, 0)).toBe(computed.summary.pools!.membersFen);
    expect(computed.summary).toMatchObject({ status: 'computed', shareholders: 10, version: 1 });
    expect(computed.lines![0]!.formula).toMatch(/^股民分红池 .* 元 × 本户折合股数/);
  });

  test('the declarer cannot review; another manager can; only a reviewed one is published', async () => {
    const { distributionId } = data(await as(ADMIN)('declare', { coopId, year: 2024, profitFen: 1_000_000 }));
    await refuses(cloud, () => as(ADMIN)('publish', { distributionId }), 'CONFLICT');
    data(await as(ADMIN)('compute', { distributionId }));
    await refuses(
      cloud,
      () => as(ADMIN)('review', { distributionId }),
      'FORBIDDEN',
      '申报人不能自己复核，请另一位管理员复核',
    );
    await refuses(
      cloud,
      () => as(ADMIN)('publish', { distributionId }),
      'CONFLICT',
      '方案要先经另一位管理员复核才能公布',
    );
    expect(data(await as(BOARD)('review', { distributionId }))).toEqual({ status: 'reviewed' });
    expect(data(await as(ADMIN)('publish', { distributionId }))).toEqual({ status: 'published' });
    expect(dist(distributionId)).toMatchObject({ status: 'published', reviewedBy: { openid: BOARD } });
  });

  test('a published distribution is immutable: a later import changes nothing in it', async () => {
    const id = await publishedDistribution(cloud, coopId, 2025, 2_000_000);
    const before = JSON.stringify(dist(id));
    const rows = rosterRows(cloud).map((r) => [...r.slice(0, 2), '999999', ...r.slice(3)]);
    data(await importCsv(cloud, coopId, rows));
    expect(JSON.stringify(dist(id))).toBe(before);
    await refuses(cloud, () => as(ADMIN)('compute', { distributionId: id }), 'CONFLICT');
    await refuses(
      cloud,
      () => as(ADMIN)('declare', { coopId, year: 2025, profitFen: 1 }),
      'CONFLICT',
      '2025年度的分配已公布，如需更正请写明更正原因',
    );
    data(await importCsv(cloud, coopId, rosterRows(cloud)));
  });

  test('a correction is a new version with its reason; both stay visible, the old one marked', async () => {
    const first = await publishedDistribution(cloud, coopId, 2022, 3_000_000);
    const admin = as(ADMIN);
    const { distributionId: second, version } = data(
      await admin('declare', {
        coopId,
        year: 2022,
        profitFen: 3_100_000,
        corrects: { distributionId: first, reason: '漏记了一笔葡萄销售收入 1,000 元' },
      }),
    );
    expect(version).toBe(2);
    data(await admin('compute', { distributionId: second }));
    data(await as(BOARD)('review', { distributionId: second }));
    data(await admin('publish', { distributionId: second }));
    await refuses(
      cloud,
      () =>
        admin('declare', {
          coopId,
          year: 2022,
          profitFen: 1,
          corrects: { distributionId: second, reason: '有人在村口聚众赌博' },
        }),
      'CONTENT_REJECTED',
      '更正原因未通过微信内容安全检查，请修改',
    );
    const view = data(await as(SHAREHOLDERS[0]!)('getCooperative', { coopId }));
    const of2022 = view.distributions.filter((d) => d.year === 2022);
    expect(of2022.map((d) => [d.version, d.supersededBy, d.reason])).toEqual([
      [2, null, '漏记了一笔葡萄销售收入 1,000 元'],
      [1, second, null],
    ]);
    await refuses(
      cloud,
      () =>
        admin('declare', {
          coopId,
          year: 2022,
          profitFen: 1,
          corrects: { distributionId: first, reason: '再改一次试试' },
        }),
      'CONFLICT',
      '只能更正这一年度最新公布的方案',
    );
  });

  test('what if: the household’s amount at another profit, nothing stored', async () => {
    const id = await publishedDistribution(cloud, coopId, 2021, 1_000_000);
    const mine = data(await as(SHAREHOLDERS[0]!)('getDistribution', { distributionId: id })).mine!;
    const before = JSON.stringify(cloud.dump('distributions'));
    const doubled = data(await as(SHAREHOLDERS[0]!)('whatIf', { distributionId: id, profitFen: 2_000_000 }));
    expect(doubled.pools.membersFen).toBe(1_200_000);
    expect(Math.abs(doubled.mine!.amountFen - 2 * mine.amountFen)).toBeLessThanOrEqual(1);
    expect(JSON.stringify(cloud.dump('distributions'))).toBe(before);
  });

  test('the CSV export lists every household with its amount', async () => {
    const id = await publishedDistribution(cloud, coopId, 2020, 1_000_000);
    const { csv: text, rows } = data(await as(TOWN_ADMIN)('exportDistribution', { distributionId: id }));
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows).toBe(10);
    expect(lines[0]).toBe(
      '户号,户主,资金入股（股）,土地入股（股）,配股（贫困户）（股）,村集体股（股）,折合股数,交易额（元）,交易返还（元）,按股分红（元）,取整补差（分）,合计（元）',
    );
    expect(lines).toHaveLength(11);
  });
});
