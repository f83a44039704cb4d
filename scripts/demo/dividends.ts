/**
 * Demo cooperatives for `npm start` (seed 000), stored as the `dividends` function stores them:
 * - 中海村众城种养殖合作社: 50 shareholder households (residents 001–050) who put in 1,300,000 元, 26,000 元 each,
 *   a 股份经济合作社 dividing by shares; its 2025 distribution of 260,000 元 (30/10/60) is published.
 * - 中海村循环农业专业合作社 (苏向德's 土酒酿造—酒糟养牛—牛粪还田 cooperative): 24 households (residents 051–074)
 *   with 1,100,000 元, a 农民专业合作社 returning 60% by transactions; its 2025 distribution of 180,000 元 is
 *   published. Placing it in 中海村 and both profits are invented; the capital and household counts are the seed's.
 * The village admin declared them and the 村民代表 demo-rep-01 (on each board) reviewed them.
 */
import {
  DEFAULT_SPLIT,
  DEFAULT_TERMS,
  distribute,
  householdViews,
  type LegalForm,
  type RosterRow,
} from '../../core/dividends';

const VILLAGE = { id: 'zhonghai', name: '中海村' };
const AT = new Date(Date.UTC(2026, 0, 20, 2, 0, 0)); // 2026-01-20 10:00 in 迤那
const ADMIN = 'demo-village-admin';
const REVIEWER = 'demo-rep-01';

interface Resident {
  _id: string;
  villageId: string;
  name: string;
  household: string;
}

function coop(
  residents: Resident[],
  people: string[],
  spec: { id: string; name: string; industry: string; legalForm: LegalForm; profitFen: number },
  row: (i: number) => Pick<RosterRow, 'capitalFen' | 'landCentiMu' | 'volumeFen'>,
) {
  const byId = new Map(residents.map((r) => [r._id, r]));
  const name = (openid: string) =>
    byId.get(`r_${openid.replace(/^demo-/, '').replace(/-/g, '_')}`)?.name ?? openid;
  const rows: RosterRow[] = people.map((openid, i) => {
    const r = byId.get(`r_${openid.replace(/^demo-/, '').replace(/-/g, '_')}`)!;
    return {
      householdId: r.household,
      household: r.household,
      villageId: VILLAGE.id,
      name: r.name,
      allocatedCentiShares: 0,
      collectiveCentiShares: 0,
      ...row(i),
    };
  });
  const basis = spec.legalForm === 'farmerCoop' ? 'transactions' : 'shares';
  const result = distribute({
    profitFen: spec.profitFen,
    rule: DEFAULT_SPLIT,
    basis,
    transactionReturnBp: 6_000,
    terms: DEFAULT_TERMS,
    holdings: rows,
  });
  const { lines: _lines, profitFen: _p, basis: _b, ...summary } = result;
  const reviewer = residents.find((r) => r._id === 'r_rep_01');
  return {
    cooperative: {
      _id: spec.id,
      villageId: VILLAGE.id,
      villageName: VILLAGE.name,
      name: spec.name,
      industry: spec.industry,
      legalForm: spec.legalForm,
      rule: DEFAULT_SPLIT,
      transactionReturnBp: 6_000,
      terms: DEFAULT_TERMS,
      board: reviewer ? [{ residentId: reviewer._id, name: reviewer.name }] : [],
      shareholders: rows.length,
      createdAt: AT,
      updatedAt: AT,
    },
    roster: {
      _id: spec.id,
      rows,
      importedAt: AT,
      importedBy: { openid: ADMIN, name: name(ADMIN) },
      filename: '股东名册.xlsx',
    },
    distribution: {
      _id: `${spec.id}_2025_v1`,
      coopId: spec.id,
      coopName: spec.name,
      villageId: VILLAGE.id,
      year: 2025,
      version: 1,
      status: 'published',
      legalForm: spec.legalForm,
      basis,
      rule: DEFAULT_SPLIT,
      transactionReturnBp: 6_000,
      terms: DEFAULT_TERMS,
      profitFen: spec.profitFen,
      shareholders: rows.length,
      snapshot: rows,
      result: summary,
      lines: householdViews(result, rows),
      reason: null,
      corrects: null,
      supersededBy: null,
      declaredBy: { openid: ADMIN, name: name(ADMIN) },
      computedBy: { openid: ADMIN, name: name(ADMIN) },
      reviewedBy: { openid: REVIEWER, name: name(REVIEWER) },
      createdAt: AT,
      publishedAt: AT,
    },
  };
}

const openids = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `demo-resident-${String(from + i).padStart(3, '0')}`);

export function demoDividends(
  residents: Record<string, unknown>[],
): Record<string, Record<string, unknown>[]> {
  const people = residents as unknown as Resident[];
  const zhongcheng = coop(
    people,
    openids(1, 50),
    {
      id: 'coop_zhongcheng',
      name: '中海村众城种养殖合作社',
      industry: '葡萄种植（200 亩）',
      legalForm: 'shareCoop',
      profitFen: 26_000_000,
    },
    (i) => ({ capitalFen: 2_600_000, landCentiMu: i % 5 === 0 ? 200 : 0, volumeFen: 0 }),
  );
  const cycle = coop(
    people,
    openids(51, 74),
    {
      id: 'coop_xunhuan',
      name: '中海村循环农业专业合作社',
      industry: '土酒酿造、酒糟养牛、牛粪还田',
      legalForm: 'farmerCoop',
      profitFen: 18_000_000,
    },
    (i) => ({
      capitalFen: 4_583_333 + (i < 8 ? 1 : 0),
      landCentiMu: 0,
      volumeFen: 800_000 + ((i * 37) % 24) * 50_000,
    }),
  );
  return {
    cooperatives: [zhongcheng.cooperative, cycle.cooperative],
    coopRosters: [zhongcheng.roster, cycle.roster],
    distributions: [zhongcheng.distribution, cycle.distribution],
  };
}
