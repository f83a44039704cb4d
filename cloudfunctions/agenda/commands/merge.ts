import { ITEMS } from '../../_shared/collections';
import { canMergeItem, MERGE_FROM_STEPS, MERGE_INTO_STEPS } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { audit } from '../../_shared/audit';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { txGet } from '../../_shared/transaction';
import { event, type ItemDoc } from '../model';
import { requireStep } from '../policy';

/**
 * Duplicates are merged into one matter, with the reason shown on both. The village admin or a leader of the
 * 协商议事组 may merge, while both are still being raised or discussed.
 * ok: {itemId} · invalid: NOT_FOUND, FORBIDDEN, WRONG_STEP, CONFLICT (same item, other village)
 */
export const merge = defineCommand('agenda', 'merge', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    if (input.itemId === input.intoItemId) throw new AppError('CONFLICT', '不能合并到同一件事项');
    const at = new Date(ctx.now);
    await db.runTransaction(async (t) => {
      const from = (await txGet(t, ITEMS, input.itemId)) as ItemDoc | null;
      const into = (await txGet(t, ITEMS, input.intoItemId)) as ItemDoc | null;
      if (!from || !into) throw new AppError('NOT_FOUND', '没有找到这件事项');
      if (!canMergeItem(member, from))
        throw new AppError('FORBIDDEN', '只有村管理员或协商议事组组长可以合并事项');
      if (from.villageId !== into.villageId) throw new AppError('CONFLICT', '只能合并同一个村的事项');
      requireStep(from, MERGE_FROM_STEPS);
      requireStep(into, MERGE_INTO_STEPS);
      await t
        .collection(ITEMS)
        .doc(from._id)
        .update({
          data: {
            status: 'merged',
            mergedInto: _.set({ itemId: into._id, title: into.title, reason: input.reason }),
            updatedAt: at,
            timeline: _.push(event(from.step, member, `合并到“${into.title}”：${input.reason}`, at)),
          },
        });
      await t
        .collection(ITEMS)
        .doc(into._id)
        .update({
          data: {
            mergedFrom: _.push({ itemId: from._id, title: from.title, reason: input.reason }),
            updatedAt: at,
            timeline: _.push(event(into.step, member, `合并了“${from.title}”：${input.reason}`, at)),
          },
        });
      await audit(
        t,
        {
          actorOpenid: ctx.openid,
          actorResidentId: member.residentId,
          action: 'merge',
          target: `${ITEMS}/${from._id}`,
          details: { into: into._id },
        },
        at,
      );
    });
    return { itemId: input.intoItemId };
  },
});
