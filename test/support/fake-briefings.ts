import type { BriefingDetail, BriefingsOutput, BriefingSummary } from '../../core/briefings';
import { DEFAULT_CATEGORIES } from '../../core/briefings';
import type { Result } from '../../core/result';
import { renderMarkdown } from '../../core/briefings/rich-text';
import { fakeFunction } from './fake-members';

/** Fake answers of the `briefings` function for component tests (what the pages expect to receive). */
const AT = Date.UTC(2026, 10, 10, 2, 0, 0);

export const CATEGORIES = DEFAULT_CATEGORIES.map((c, order) => ({
  categoryId: c.id,
  name: c.name,
  order,
  hidden: false,
}));

export function briefingSummary(overrides: Partial<BriefingSummary> = {}): BriefingSummary {
  return {
    briefingId: 'b_gengdi',
    title: '2026年耕地地力保护补贴发放说明',
    summary: '补贴按确权承包地面积发放，请各户核对面积。',
    categoryId: 'huinong',
    categoryName: '惠农政策',
    scope: { kind: 'town', villageId: null, label: '全镇' },
    status: 'published',
    publishedAt: AT,
    updatedAt: AT,
    version: 1,
    learnedCount: 12,
    disclosure: null,
    attachmentCount: 0,
    ...overrides,
  };
}

export function briefingDetail(overrides: Partial<BriefingDetail> = {}): BriefingDetail {
  return {
    ...briefingSummary(),
    nodes: renderMarkdown('## 补贴对象\n\n拥有**承包耕地**的农户。'),
    speech: '补贴对象 拥有承包耕地的农户。',
    body: null,
    attachments: [],
    authorName: '吴家顺',
    withdrawReason: null,
    withdrawnAt: null,
    learned: false,
    canManage: false,
    canLearn: true,
    ...overrides,
  };
}

export type BriefingsAnswers = {
  [A in keyof BriefingsOutput]?:
    BriefingsOutput[A] | ((input: Record<string, unknown>) => Result<BriefingsOutput[A], string>);
};

const DEFAULTS: BriefingsAnswers = {
  list: { items: [briefingSummary()], nextCursor: null, categories: CATEGORIES },
  search: { items: [], nextCursor: null },
  get: briefingDetail(),
  listCategories: { categories: CATEGORIES },
  listVersions: { versions: [] },
};

export function fakeBriefings(
  answers: BriefingsAnswers = {},
): (event: Record<string, unknown>) => Result<unknown, string> {
  return fakeFunction({ ...DEFAULTS, ...answers });
}
