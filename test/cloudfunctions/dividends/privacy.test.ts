import { DEMO_IDENTITIES } from '../../../scripts/demo/identities';
import { data, refuses, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  BOARD,
  NOT_A_SHAREHOLDER,
  OUTSIDER,
  SHAREHOLDERS,
  TOWN_ADMIN,
  createCoop,
  dividendsAs,
  householdOf,
  importCsv,
  publishedDistribution,
  rosterRows,
} from '../../support/dividends';

/**
 * Who sees what of a published distribution: every demo identity that is not the household, an admin of the
 * village (or the town) or the cooperative's board gets the summary only, or FORBIDDEN.
 */
const cloud = useAppCloud();
let coopId: string;
let published: string;
let draft: string;
beforeAll(async () => {
  coopId = await createCoop(cloud);
  data(await importCsv(cloud, coopId, rosterRows(cloud)));
  published = await publishedDistribution(cloud, coopId, 2025, 5_000_000);
  draft = data(
    await dividendsAs(cloud, ADMIN)('declare', { coopId, year: 2026, profitFen: 1 }),
  ).distributionId;
});

const MANAGERS = [ADMIN, TOWN_ADMIN, BOARD];
const everyone = [
  ...new Set([
    ...DEMO_IDENTITIES.map((d) => d.openid),
    BOARD,
    NOT_A_SHAREHOLDER,
    OUTSIDER,
    SHAREHOLDERS[0]!,
    SHAREHOLDERS[5]!,
  ]),
];
const role = (openid: string) =>
  MANAGERS.includes(openid)
    ? 'manager'
    : SHAREHOLDERS.includes(openid)
      ? 'household'
      : openid === 'demo-unbound'
        ? 'unbound'
        : 'other';

describe.each(everyone.map((openid) => [openid, role(openid)]))('%s (%s)', (openid, who) => {
  const as = () => dividendsAs(cloud, openid);

  test('a published distribution: lines to managers only, the own line to the household only', async () => {
    const view = data(await as()('getDistribution', { distributionId: published }));
    expect(view.summary.status).toBe('published');
    if (who === 'manager') expect(view.lines).toHaveLength(10);
    else expect(view.lines).toBeNull();
    if (who === 'household') {
      expect(view.mine).toMatchObject({ household: householdOf(cloud, openid) });
    } else if (!(who === 'manager' && SHAREHOLDERS.includes(openid))) {
      expect(view.mine).toBeNull();
    }
  });

  test('a draft is not there for anyone but managers', async () => {
    if (who === 'manager') data(await as()('getDistribution', { distributionId: draft }));
    else await refuses(cloud, () => as()('getDistribution', { distributionId: draft }), 'NOT_FOUND');
  });

  test('the export and the roster are managers’ only', async () => {
    if (who === 'manager') {
      data(await as()('exportDistribution', { distributionId: published }));
      expect(data(await as()('getCooperative', { coopId })).roster).toHaveLength(10);
    } else {
      await refuses(
        cloud,
        () => as()('exportDistribution', { distributionId: published }),
        who === 'unbound' ? 'NOT_BOUND' : 'FORBIDDEN',
      );
      expect(data(await as()('getCooperative', { coopId })).roster).toBeNull();
    }
  });

  test('my dividends: the own household’s line, or nothing', async () => {
    if (who === 'unbound') return refuses(cloud, () => as()('myDividends'), 'NOT_BOUND');
    const { dividends } = data(await as()('myDividends'));
    if (who === 'household') {
      expect(dividends).toHaveLength(1);
      expect(dividends[0]!.line.household).toBe(householdOf(cloud, openid));
    } else expect(dividends).toEqual([]);
  });

  test('what if: only the own household’s amount comes back', async () => {
    const res = data(await as()('whatIf', { distributionId: published, profitFen: 10_000_000 }));
    if (who === 'household') expect(res.mine?.household).toBe(householdOf(cloud, openid));
    else expect(res.mine).toBeNull();
  });
});

test('the public list shows summaries and no household', async () => {
  const { cooperatives } = data(await dividendsAs(cloud, 'demo-unbound')('listCooperatives'));
  const mine = cooperatives.find((c) => c.coopId === coopId)!;
  expect(mine.latest).toMatchObject({ distributionId: published, shareholders: 10, profitFen: 5_000_000 });
  const text = JSON.stringify(cooperatives);
  for (const openid of SHAREHOLDERS) expect(text).not.toContain(householdOf(cloud, openid));
});
