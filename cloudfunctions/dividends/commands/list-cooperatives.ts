import { COOPERATIVES, DISTRIBUTIONS } from '../../_shared/collections';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { SUMMARY_FIELDS, type CoopDoc, type DistributionDoc } from '../model';
import { coopSummaryOf } from '../views';

/** The newest published version of each cooperative (one read for all of them). */
async function latestPublished(coopIds: string[]): Promise<Map<string, DistributionDoc>> {
  if (coopIds.length === 0) return new Map();
  const { data } = await db
    .collection(DISTRIBUTIONS)
    .where({ coopId: _.in(coopIds), status: 'published', supersededBy: null })
    .orderBy('year', 'desc')
    .field(SUMMARY_FIELDS)
    .limit(1000)
    .get();
  const latest = new Map<string, DistributionDoc>();
  for (const d of data as DistributionDoc[]) if (!latest.has(d.coopId)) latest.set(d.coopId, d);
  return latest;
}

/**
 * 合作社公示 (public): every cooperative of the town (or one village) with its newest published distribution's
 * summary — profit, pools, shareholders, rate — and never a household's amount. Two reads.
 */
export const listCooperatives = defineCommand('dividends', 'listCooperatives', {
  async run(_ctx, input) {
    const { data } = await db
      .collection(COOPERATIVES)
      .where(input.villageId ? { villageId: input.villageId } : {})
      .orderBy('villageId', 'asc')
      .orderBy('createdAt', 'asc')
      .limit(1000)
      .get();
    const coops = data as CoopDoc[];
    const latest = await latestPublished(coops.map((c) => c._id));
    return { cooperatives: coops.map((c) => coopSummaryOf(c, latest.get(c._id) ?? null)) };
  },
});
