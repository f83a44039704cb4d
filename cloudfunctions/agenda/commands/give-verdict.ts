import { ITEMS, VERDICTS } from '../../_shared/collections';
import { defineCommand } from '../../_shared/command';
import { _ } from '../../_shared/cloud';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { runContended } from '../../_shared/contended';
import { findById } from '../../_shared/store';
import { event, residentMarkId } from '../model';
import { requireParticipant } from '../policy';

/**
 * 制度监事: once the tasks are done, residents of the village confirm the work or dispute it. One verdict per
 * resident (deterministic id), not changeable; a dispute needs a reason and is shown on the public timeline.
 * The verdict and the item's counts change in one transaction.
 * ok: the counts · invalid: WRONG_STEP, FORBIDDEN (other village), CONFLICT (already given), INVALID_INPUT
 */
export const giveVerdict = defineCommand('agenda', 'giveVerdict', {
  async run(ctx, input) {
    const { member, item } = await requireParticipant(
      ctx,
      input.itemId,
      ['supervising'],
      '只能评议本村的事项',
    );
    if (input.verdict === 'dispute' && !input.reason)
      throw new AppError('INVALID_INPUT', '提出异议时请写明理由');
    const at = new Date(ctx.now);
    const reason = input.verdict === 'dispute' ? input.reason! : null;
    try {
      // Every verdict of a matter increments the same document: a burst of verdicts conflicts.
      await runContended(async (t) => {
        await t.collection(VERDICTS).add({
          data: {
            _id: residentMarkId(item._id, member.residentId),
            itemId: item._id,
            verdict: input.verdict,
            reason,
            at,
          },
        });
        await t
          .collection(ITEMS)
          .doc(item._id)
          .update({
            data: {
              [`verdicts.${input.verdict}`]: _.inc(1),
              updatedAt: at,
              ...(reason
                ? { timeline: _.push(event('supervising', member, `提出异议：${reason}`, at)) }
                : {}),
            },
          });
      });
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('CONFLICT', '您已经评议过了');
      throw e;
    }
    const now = await findById(ITEMS, item._id, { verdicts: true });
    return now?.verdicts ?? item.verdicts;
  },
});
