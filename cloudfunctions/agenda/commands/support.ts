import { ITEMS, SUPPORTS } from '../../_shared/collections';
import { DISCUSSION_STEPS } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _ } from '../../_shared/cloud';
import { isDuplicateKey } from '../../_shared/errors';
import { runContended } from '../../_shared/contended';
import { findById } from '../../_shared/store';
import { residentMarkId } from '../model';
import { requireParticipant } from '../policy';

/**
 * A resident supports a matter of their village: once per resident, enforced by a deterministic id; the
 * support and the count change together. Supporting twice is not an error and counts once.
 * ok: the support count · invalid: WRONG_STEP, FORBIDDEN (other village)
 */
export const support = defineCommand('agenda', 'support', {
  async run(ctx, input) {
    const { member, item } = await requireParticipant(
      ctx,
      input.itemId,
      DISCUSSION_STEPS,
      '只能支持本村的事项',
    );
    const at = new Date(ctx.now);
    try {
      // Every support of a matter increments the same document: a burst of supporters conflicts.
      await runContended(async (t) => {
        await t
          .collection(SUPPORTS)
          .add({ data: { _id: residentMarkId(item._id, member.residentId), itemId: item._id, at } });
        await t
          .collection(ITEMS)
          .doc(item._id)
          .update({ data: { supportCount: _.inc(1), updatedAt: at } });
      });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    const now = await findById(ITEMS, item._id, { supportCount: true });
    return { supportCount: now?.supportCount ?? item.supportCount };
  },
});
