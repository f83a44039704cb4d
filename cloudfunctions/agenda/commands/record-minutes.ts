import { ITEMS } from '../../_shared/collections';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { event } from '../model';
import { requireManagedItem } from '../policy';

/**
 * The minutes of the round table, recorded by the village admin.
 * ok: {itemId} · invalid: WRONG_STEP, FORBIDDEN
 */
export const recordMinutes = defineCommand('agenda', 'recordMinutes', {
  async run(ctx, input) {
    const { member, item } = await requireManagedItem(ctx, input.itemId, ['roundtable']);
    const at = new Date(ctx.now);
    await db
      .collection(ITEMS)
      .doc(item._id)
      .update({
        data: {
          'roundtable.minutes': input.minutes,
          updatedAt: at,
          timeline: _.push(event('roundtable', member, '记录会议纪要', at)),
        },
      });
    return { itemId: item._id };
  },
});
