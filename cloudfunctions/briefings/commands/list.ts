import { defineCommand } from '../../_shared/command';
import { loadCategories, readablePage } from '../policy';
import { categoryView, summaryOf } from '../views';

/** What a list row needs: not the body, its nodes, or the search text. */
const SUMMARY_FIELDS = { body: false, nodes: false, searchText: false, learnedByVillage: false };

/**
 * Published briefings the caller may read (the town's and their village's), newest first, by category or
 * only the public disclosures. The first page also carries the categories, so a page opens with one call.
 * Two reads.
 */
export const list = defineCommand('briefings', 'list', {
  async run(ctx, input) {
    const member = await ctx.member();
    const filters: Record<string, unknown>[] = [];
    if (input.categoryId) filters.push({ categoryId: input.categoryId });
    if (input.disclosures) filters.push({ isDisclosure: true });
    const [categories, page] = await Promise.all([
      loadCategories(),
      readablePage(member, filters, input, SUMMARY_FIELDS),
    ]);
    return {
      items: page.docs.map((d) => summaryOf(d, categories, ctx.now)),
      nextCursor: page.nextCursor,
      categories: input.cursor ? null : categories.filter((c) => !c.hidden).map(categoryView),
    };
  },
});
