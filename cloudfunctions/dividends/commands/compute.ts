import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { personOf } from '../model';
import { advance, calculate, loadRoster, requireManagedDistribution } from '../policy';
import { distributionView } from '../views';

/**
 * 核算: divides the declared profit over the roster as it is now (kept with the distribution as its snapshot).
 * ok: the distribution with every line · invalid: CONFLICT (not 已申报), INVALID_INPUT (empty roster, no shares)
 */
export const compute = defineCommand('dividends', 'compute', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const { dist, coop } = await requireManagedDistribution(input.distributionId, member);
    if (dist.status !== 'declared') throw new AppError('CONFLICT', '只有已申报的方案可以核算');
    const roster = await loadRoster(coop._id);
    if (roster.length === 0) throw new AppError('INVALID_INPUT', '请先导入股东名册');
    const withSnapshot = { ...dist, snapshot: roster };
    const { result, lines } = calculate(withSnapshot);
    const { lines: _lines, profitFen: _p, basis: _b, ...summary } = result;
    await advance(dist, 'computed', {
      snapshot: roster,
      shareholders: roster.length,
      result: summary,
      lines,
      computedBy: personOf(ctx.openid, member),
    });
    return distributionView(
      { ...withSnapshot, shareholders: roster.length, status: 'computed', result: summary, lines },
      coop,
      member,
      ctx.openid,
    );
  },
});
