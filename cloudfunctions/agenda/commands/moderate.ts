import { ITEMS } from '../../_shared/collections';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { event } from '../model';
import { requireManagedItem } from '../policy';

/**
 * The village admin releases a held item (the content check asked a person to look) or refuses it with a reason.
 * ok: the new status · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (not held)
 */
export const moderate = defineCommand('agenda', 'moderate', {
  async run(ctx, input) {
    const { member, item } = await requireManagedItem(ctx, input.itemId);
    if (item.status !== 'held') throw new AppError('CONFLICT', '这件事项不需要审核');
    if (!input.approve && !input.reason) throw new AppError('INVALID_INPUT', '请写明不公开的原因');
    const at = new Date(ctx.now);
    const status = input.approve ? 'open' : 'rejected';
    const { stats } = await db
      .collection(ITEMS)
      .where({ _id: item._id, status: 'held' })
      .update({
        data: {
          status,
          moderation: _.set({ reason: input.reason ?? null }),
          updatedAt: at,
          timeline: _.push(
            event('raised', member, input.approve ? '审核通过，公开事项' : `不予公开：${input.reason}`, at),
          ),
        },
      });
    if (stats.updated === 0) throw new AppError('CONFLICT', '这件事项已经审核过了');
    return { itemId: item._id, status };
  },
});
