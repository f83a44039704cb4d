import { DISTRIBUTIONS } from '../../_shared/collections';
import { canManageCooperative } from '../../../core/dividends';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { SUMMARY_FIELDS, type DistributionDoc } from '../model';
import { loadRoster, requireCoop } from '../policy';
import { coopSummaryOf, summaryOf } from '../views';

/**
 * One cooperative: the public summary and every published version (corrections with their reasons); its
 * managers also see drafts and the roster. ok: CooperativeView · invalid: NOT_FOUND
 */
export const getCooperative = defineCommand('dividends', 'getCooperative', {
  async run(ctx, input) {
    const member = await ctx.member();
    const coop = await requireCoop(input.coopId);
    const canManage = canManageCooperative(member, coop);
    const { data } = await db
      .collection(DISTRIBUTIONS)
      .where(canManage ? { coopId: coop._id } : { coopId: coop._id, status: 'published' })
      .orderBy('year', 'desc')
      .orderBy('version', 'desc')
      .field(SUMMARY_FIELDS)
      .limit(1000)
      .get();
    const distributions = data as DistributionDoc[];
    const roster = canManage ? await loadRoster(coop._id) : null;
    const latest = distributions.find((d) => d.status === 'published' && !d.supersededBy) ?? null;
    return {
      ...coopSummaryOf(coop, latest),
      distributions: distributions.map(summaryOf),
      canManage,
      roster,
      board: coop.board,
    };
  },
});
