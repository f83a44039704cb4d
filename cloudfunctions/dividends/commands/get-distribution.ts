import { defineCommand } from '../../_shared/command';
import { requireDistribution } from '../policy';
import { distributionView } from '../views';

/**
 * A distribution: anyone sees a published one's summary; the household on its roster sees its own line; the
 * cooperative's managers see every line and drafts. ok: DistributionView · invalid: NOT_FOUND
 */
export const getDistribution = defineCommand('dividends', 'getDistribution', {
  async run(ctx, input) {
    const member = await ctx.member();
    const { dist, coop } = await requireDistribution(input.distributionId, member);
    return distributionView(dist, coop, member, ctx.openid);
  },
});
