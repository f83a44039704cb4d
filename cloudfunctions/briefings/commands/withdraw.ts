import { BRIEFINGS } from '../../_shared/collections';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { requireManagedBriefing } from '../policy';

/**
 * Withdraws a briefing: it leaves the lists and search; its page says it was withdrawn and why.
 * ok · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (already withdrawn)
 */
export const withdraw = defineCommand('briefings', 'withdraw', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    await requireManagedBriefing(input.briefingId, member);
    const { stats } = await db
      .collection(BRIEFINGS)
      .where({ _id: input.briefingId, status: 'published' })
      .update({
        data: {
          status: 'withdrawn',
          withdrawReason: input.reason,
          withdrawnAt: new Date(ctx.now),
          updatedAt: new Date(ctx.now),
        },
      });
    if (stats.updated === 0) throw new AppError('CONFLICT', '这篇宣讲已经撤回了');
    return { status: 'withdrawn' };
  },
});
