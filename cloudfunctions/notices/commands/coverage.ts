import { addOutcomes, emptyCounts } from '../../../core/notices';
import { defineCommand } from '../../_shared/command';
import { chunksOf } from '../households';
import { requireOverseen } from '../policy';
import { readCounts } from '../reads';
import { sentSummaryOf } from '../views';

/**
 * 送达情况: who the notice reached — subscribe messages sent, refused, failed, not subscribed, no WeChat —
 * and, per village, how many households have read it. The sender, town admins and the village's admins.
 * Three reads (more for a town-wide notice: its chunks are read 20 at a time).
 * ok: the coverage · invalid: NOT_FOUND, FORBIDDEN
 */
export const coverage = defineCommand('notices', 'coverage', {
  async run(ctx, input) {
    const notice = await requireOverseen(input.noticeId, (await ctx.member())!);
    const [chunks, reads] = await Promise.all([
      chunksOf(notice._id, null, { outcomes: true }),
      readCounts([notice._id], true),
    ]);
    const delivery = chunks.reduce((c, ch) => addOutcomes(c, ch.outcomes), emptyCounts());
    const readHouseholds = [...reads.values()].reduce((a, b) => a + b, 0);
    return {
      notice: sentSummaryOf(notice, readHouseholds),
      recipients: notice.recipients,
      delivery,
      villages: notice.villages.map((v) => ({ ...v, readHouseholds: reads.get(v.villageId) ?? 0 })),
    };
  },
});
