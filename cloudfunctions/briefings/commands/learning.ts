import { BRIEFINGS, BRIEFING_READS, VILLAGES } from '../../_shared/collections';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { runContended } from '../../_shared/contended';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { canManage, requireBriefing } from '../access';
import { readId } from '../model';

export async function hasLearned(briefingId: string, residentId: string): Promise<boolean> {
  const { data } = await db
    .collection(BRIEFING_READS)
    .where({ _id: readId(briefingId, residentId) })
    .get();
  return data.length > 0;
}

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
    const { data } = await db
      .collection(BRIEFINGS)
      .where({ _id: doc._id })
      .field({ learnedCount: true })
      .get();
    return { learnedCount: (data[0]?.learnedCount as number) ?? doc.learnedCount, counted };
  },
});

/**
 * 已学习 by village, for the briefing's managers (admins and 政策解读组 leaders over its scope): read off the
 * counters, no scan of the marks. Two reads.
 * ok: the total and each village · invalid: NOT_FOUND, FORBIDDEN
 */
export const readStats = defineCommand('briefings', 'readStats', {
  async run(ctx, input) {
    const member = await ctx.member();
    const doc = await requireBriefing(input.briefingId, member);
    if (!canManage(member, doc))
      throw new AppError('FORBIDDEN', '只有发布范围内的管理员和政策解读组可以查看');
    const counts = doc.learnedByVillage ?? {};
    const ids = Object.keys(counts);
    const { data } = ids.length
      ? await db
          .collection(VILLAGES)
          .where({ _id: _.in(ids) })
          .field({ name: true, order: true })
          .limit(1000)
          .get()
      : { data: [] };
    const names = new Map(data.map((v) => [v._id as string, v.name as string]));
    const order = new Map(data.map((v) => [v._id as string, (v.order as number) ?? 0]));
    return {
      total: doc.learnedCount,
      villages: ids
        .map((villageId) => ({
          villageId,
          villageName: names.get(villageId) ?? villageId,
          learned: counts[villageId]!,
        }))
        .sort((a, b) => (order.get(a.villageId) ?? 0) - (order.get(b.villageId) ?? 0)),
    };
  },
});
