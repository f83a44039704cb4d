import type { LocalCloud } from '../../local-cloud';
import {
  DEFAULT_SPLIT,
  DEFAULT_TERMS,
  type DividendsInput,
  type DividendsOutput,
} from '../../core/dividends';
import { demoResidentOpenid } from '../../scripts/demo/identities';
import { data, residentIdOf, typedCaller } from './app-cloud';
import { upload } from './uploads';

/** Admin of 中海村, and the town admin. */
export const ADMIN = 'demo-village-admin';
export const TOWN_ADMIN = 'demo-town-admin';
/** A 中海村 resident made a board (理事会) member of the cooperative in the tests. */
export const BOARD = demoResidentOpenid(90);
/** Shareholders: 中海村 residents 001–010 (each their own household in the demo seed). */
export const SHAREHOLDERS = Array.from({ length: 10 }, (_, i) => demoResidentOpenid(i + 1));
/** A 中海村 resident who holds no shares, and a resident of 五星村. */
export const NOT_A_SHAREHOLDER = demoResidentOpenid(150);
export const OUTSIDER = demoResidentOpenid(201);

export const dividendsAs = typedCaller<DividendsInput, DividendsOutput>('dividends');

export const householdOf = (cloud: LocalCloud, openid: string) =>
  cloud.dump('residents').find((r) => r._id === residentIdOf(openid))!.household as string;

export const nameOf = (cloud: LocalCloud, openid: string) =>
  cloud.dump('residents').find((r) => r._id === residentIdOf(openid))!.name as string;

export const HEADER = [
  '户号',
  '户主',
  '资金入股（元）',
  '土地入股（亩）',
  '配股（股）',
  '村集体股（股）',
  '交易额（元）',
];

/** The shareholders' rows: capital 10,000 元 × (i+1), 2 亩 of land each, the first two with 配股. */
export function rosterRows(cloud: LocalCloud): string[][] {
  return SHAREHOLDERS.map((openid, i) => [
    householdOf(cloud, openid),
    nameOf(cloud, openid),
    String(10_000 * (i + 1)),
    '2',
    i < 2 ? '1.5' : '',
    '',
    String(1000 * (i + 1)),
  ]);
}

export const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n');

export { xlsx } from '../../scripts/demo/xlsx';

/** 中海村's 众城种养殖合作社 (a 股份经济合作社 here) as saveCooperative takes it, without a board. */
export const COOP = {
  villageId: 'zhonghai',
  name: '中海村众城种养殖合作社',
  industry: '葡萄种植',
  legalForm: 'shareCoop',
  rule: DEFAULT_SPLIT,
  transactionReturnBp: 6_000,
  terms: DEFAULT_TERMS,
  board: [] as string[],
};

/** The COOP, with a board member. Returns its id. */
export async function createCoop(cloud: LocalCloud, extra: Record<string, unknown> = {}): Promise<string> {
  const { coopId } = data(
    await dividendsAs(cloud, ADMIN)('saveCooperative', {
      ...COOP,
      board: [residentIdOf(BOARD)],
      ...extra,
    }),
  );
  return coopId;
}

export async function importCsv(cloud: LocalCloud, coopId: string, rows: string[][], openid = ADMIN) {
  return dividendsAs(cloud, openid)('importRoster', {
    coopId,
    filename: '股东名册.csv',
    fileID: await upload(cloud, '股东名册.csv', csv([HEADER, ...rows]), 'dividends'),
  });
}

/** Declared by the admin, computed, reviewed by the board member, published. */
export async function publishedDistribution(
  cloud: LocalCloud,
  coopId: string,
  year: number,
  profitFen: number,
): Promise<string> {
  const admin = dividendsAs(cloud, ADMIN);
  const { distributionId } = data(await admin('declare', { coopId, year, profitFen }));
  data(await admin('compute', { distributionId }));
  data(await dividendsAs(cloud, BOARD)('review', { distributionId }));
  data(await admin('publish', { distributionId }));
  return distributionId;
}
