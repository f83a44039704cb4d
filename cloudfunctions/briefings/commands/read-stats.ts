import { VILLAGES } from '../../_shared/collections';
import { canManageBriefing } from '../../../core/briefings';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { requireBriefing } from '../policy';

/**
 * 已学习 by village, for the briefing's managers (admins and 政策解读组 leaders over its scope): read off the
 * counters, no scan of the marks. Two reads.
 * ok: the total and each village · invalid: NOT_FOUND, FORBIDDEN
 */
export const readStats = defineCommand('briefings', 'readStats', {
  async run(ctx, input) {
    const member = await ctx.member();
    const doc = await requireBriefing(input.briefingId, member);
    if (!canManageBriefing(member, doc))
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
