import { searchTerms, snippet } from '../../../core/briefings';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { containing } from '../../_shared/search';
import { loadCategories, readablePage } from '../policy';
import { summaryOf } from '../views';

/** A search hit also needs the search text, for its excerpt. */
const HIT_FIELDS = { body: false, nodes: false, learnedByVillage: false };

/**
 * Full-text search over titles, summaries and bodies: every word of the query must appear (Chinese needs no
 * spaces: a word matches anywhere inside the text). Newest first, with an excerpt around the match. Two reads.
 * ok: a page · invalid: INVALID_INPUT (no word)
 */
export const search = defineCommand('briefings', 'search', {
  async run(ctx, input) {
    const terms = searchTerms(input.query);
    if (!terms.length) throw new AppError('INVALID_INPUT', '请输入要搜索的字词');
    const member = await ctx.member();
    const filters = terms.map((t) => ({ searchText: containing(t) }));
    const [categories, page] = await Promise.all([
      loadCategories(),
      readablePage(member, filters, input, HIT_FIELDS),
    ]);
    return {
      items: page.docs.map((d) => ({
        ...summaryOf(d, categories, ctx.now),
        snippet: snippet(d.searchText, terms),
      })),
      nextCursor: page.nextCursor,
    };
  },
});
