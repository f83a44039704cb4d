import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { personOf } from '../model';
import { advance, requireManagedDistribution } from '../policy';

/**
 * 复核: a second manager — not the one who declared it — checks the computed distribution.
 * ok: status · invalid: FORBIDDEN (the declarer), CONFLICT (not 已核算)
 */
export const review = defineCommand('dividends', 'review', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const { dist } = await requireManagedDistribution(input.distributionId, member);
    if (dist.status !== 'computed') throw new AppError('CONFLICT', '只有已核算的方案可以复核');
    if (dist.declaredBy.openid === ctx.openid)
      throw new AppError('FORBIDDEN', '申报人不能自己复核，请另一位管理员复核');
    await advance(dist, 'reviewed', { reviewedBy: personOf(ctx.openid, member) });
    return { status: 'reviewed' };
  },
});
