import { BRIEFINGS, BRIEFING_READS } from '../../_shared/collections';
import { _ } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { runContended } from '../../_shared/contended';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { findById } from '../../_shared/store';
import { readId } from '../model';
import { requireBriefing } from '../policy';

/**
 * 已学习: a resident marks a briefing they read. One mark per resident (deterministic id), and the counts —
 * in all and for the resident's village — move in the same transaction, so they equal the marks under any
 * concurrency; marking again changes nothing.
 * ok: the count, and whether this call counted · invalid: NOT_FOUND, CONFLICT (withdrawn)
 */
export const markLearned = defineCommand('briefings', 'markLearned', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const doc = await requireBriefing(input.briefingId, member);
    if (doc.status !== 'published') throw new AppError('CONFLICT', '这篇宣讲已撤回');
    let counted = true;
    try {
      await runContended(async (t) => {
        await t.collection(BRIEFING_READS).add({
          data: {
            _id: readId(doc._id, member.residentId),
            briefingId: doc._id,
            villageId: member.villageId,
            at: new Date(ctx.now),
          },
        });
        await t
          .collection(BRIEFINGS)
          .doc(doc._id)
          .update({ data: { learnedCount: _.inc(1), [`learnedByVillage.${member.villageId}`]: _.inc(1) } });
      });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      counted = false;
    }
    const fresh = await findById(BRIEFINGS, doc._id, { learnedCount: true });
    return { learnedCount: fresh?.learnedCount ?? doc.learnedCount, counted };
  },
});
