import { RESTRICTIONS } from '../../_shared/collections';
import { restrictionState, type RestrictionState } from '../../../core/honor';
import { toMillisOrNull } from '../../../core/time';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { type RestrictionDoc } from '../model';
import { managedInTx, requirePublishable } from '../policy';

/**
 * Re-assessment before the 3 months are up: the household has mended its ways (lifted) or not yet (kept).
 * ok: the restriction's state · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (no longer active)
 */
export const reassess = defineCommand('honor', 'reassess', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    await requirePublishable(ctx.openid, [input.note], '复评意见');
    const at = new Date(ctx.now);
    const state = await db.runTransaction(async (t) => {
      const r = await managedInTx<RestrictionDoc>(t, RESTRICTIONS, input.restrictionId, member, {
        missing: '没有找到这条限制',
        forbidden: '只能复评本村的农户',
      });
      const now = restrictionState(
        { endsAt: new Date(r.endsAt).getTime(), liftedAt: toMillisOrNull(r.liftedAt) },
        ctx.now,
      );
      if (now !== 'active') throw new AppError('CONFLICT', '这条限制已经解除');
      const record = { outcome: input.outcome, note: input.note, byName: member.name, at };
      await t
        .collection(RESTRICTIONS)
        .doc(r._id)
        .update({
          data: {
            reassessments: _.push([record]),
            ...(input.outcome === 'lifted' ? { liftedAt: at, liftReason: `复评：${input.note}` } : {}),
          },
        });
      return input.outcome === 'lifted' ? 'lifted' : 'active';
    });
    return { state: state as RestrictionState };
  },
});
