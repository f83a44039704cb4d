import { DISTRIBUTIONS } from '../../_shared/collections';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { type DistributionDoc } from '../model';
import { requireManagedDistribution } from '../policy';

/**
 * 公布: the reviewed distribution becomes public and immutable; a correction marks the version it corrects as
 * superseded in the same transaction. ok: status · invalid: CONFLICT (not 已复核)
 */
export const publish = defineCommand('dividends', 'publish', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const { dist } = await requireManagedDistribution(input.distributionId, member);
    if (dist.status !== 'reviewed') throw new AppError('CONFLICT', '方案要先经另一位管理员复核才能公布');
    await db.runTransaction(async (t) => {
      const current = (await t.collection(DISTRIBUTIONS).doc(dist._id).get()).data as DistributionDoc;
      if (current.status !== 'reviewed') throw new AppError('CONFLICT', '方案刚被别人改过，请刷新后再试');
      await t
        .collection(DISTRIBUTIONS)
        .doc(dist._id)
        .update({ data: { status: 'published', publishedAt: new Date(ctx.now) } });
      if (dist.corrects) {
        await t
          .collection(DISTRIBUTIONS)
          .doc(dist.corrects)
          .update({ data: { supersededBy: dist._id } });
      }
    });
    return { status: 'published' };
  },
});
