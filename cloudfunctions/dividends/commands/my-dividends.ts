import { DISTRIBUTIONS } from '../../_shared/collections';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { type DistributionDoc } from '../model';
import { lineOf, summaryOf } from '../views';

/**
 * 我的分红: the caller's household's lines in every published distribution of their village's cooperatives,
 * newest first, corrected versions included and marked. ok: the lines
 */
export const myDividends = defineCommand('dividends', 'myDividends', {
  async run(ctx) {
    const member = (await ctx.member())!;
    const { data } = await db
      .collection(DISTRIBUTIONS)
      .where({ villageId: member.villageId, status: 'published' })
      .orderBy('year', 'desc')
      .orderBy('version', 'desc')
      .field({ snapshot: false })
      .limit(1000)
      .get();
    const dividends = (data as DistributionDoc[]).flatMap((d) => {
      const line = lineOf(d, member);
      return line ? [{ summary: summaryOf(d), legalForm: d.legalForm, line }] : [];
    });
    return { dividends, household: member.household };
  },
});
