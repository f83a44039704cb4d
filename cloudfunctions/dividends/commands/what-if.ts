import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { calculate, requireDistribution } from '../policy';
import { lineOf } from '../views';

/**
 * 如果盈余是…: the same roster and rule at another profit — the pools, and the caller's household's amount.
 * Computed, never stored. ok: pools and the caller's line · invalid: NOT_FOUND, CONFLICT (not computed yet)
 */
export const whatIf = defineCommand('dividends', 'whatIf', {
  async run(ctx, input) {
    const member = await ctx.member();
    const { dist } = await requireDistribution(input.distributionId, member);
    if (!dist.snapshot) throw new AppError('CONFLICT', '方案还没有核算');
    const { result, lines } = calculate(dist, input.profitFen);
    const own = lineOf({ villageId: dist.villageId, lines }, member);
    return { profitFen: input.profitFen, pools: result.pools, mine: own };
  },
});
