import { demoSeed } from '../../../scripts/demo/seed';
import { demoDividends } from '../../../scripts/demo/dividends';
import { data, startAppCloud, useAppCloud } from '../../support/app-cloud';
import { dividendsAs } from '../../support/dividends';

/** The demo data `npm start` loads: seed 000's two cooperatives, each with a published 2025 distribution. */
const cloud = useAppCloud(() => {
  const seed = demoSeed();
  return startAppCloud({ seed: { ...seed, ...demoDividends(seed.residents ?? []) } });
});

test('the public sees both cooperatives with the seed’s household counts', async () => {
  const { cooperatives } = data(await dividendsAs(cloud, 'demo-unbound')('listCooperatives'));
  expect(cooperatives.map((c) => [c.name, c.shareholders, c.basis, c.latest?.year])).toEqual([
    ['中海村众城种养殖合作社', 50, 'shares', 2025],
    ['中海村循环农业专业合作社', 24, 'transactions', 2025],
  ]);
  // 众城: 1,300,000 元 of capital is 1,300 shares (plus 10 × 2 亩 of land = 20 shares).
  expect(cooperatives[0]!.latest).toMatchObject({ totalWeightedShares: '1320.0000', profitFen: 26_000_000 });
});

test('a shareholder of each finds their line; the parts add up to the pool', async () => {
  const first = data(await dividendsAs(cloud, 'demo-resident-001')('myDividends'));
  expect(first.dividends.map((d) => d.summary.coopName)).toEqual(['中海村众城种养殖合作社']);
  const line = first.dividends[0]!.line;
  expect(line.byVolume).toBeNull();
  const cycle = data(await dividendsAs(cloud, 'demo-resident-051')('myDividends')).dividends[0]!;
  expect(cycle.legalForm).toBe('farmerCoop');
  expect(cycle.line.byVolume!.fen).toBeGreaterThan(0);
  for (const d of cloud.dump('distributions')) {
    const lines = d.lines as { amountFen: number }[];
    const pools = (d.result as { pools: { membersFen: number } }).pools;
    expect(lines.reduce((a, l) => a + l.amountFen, 0)).toBe(pools.membersFen);
  }
});
