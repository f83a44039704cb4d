import { APPEALS, BOARDS, RESTRICTIONS } from '../../_shared/collections';
import { appealDeadline, canAppeal, type StandingEntry } from '../../../core/honor';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { restrictionStatus } from '../../_shared/restrictions';
import { householdKey, pairId, type AppealDoc, type BoardDoc, type RestrictionDoc } from '../model';
import { masksBlackNames } from '../policy';
import { appealView, entryView, restrictionView } from '../views';

/**
 * My household's standing: whether it is restricted now, and every time it was on a board, with the
 * correction, the appeal and the restriction of each. Four reads.
 */
export const myStanding = defineCommand('honor', 'myStanding', {
  async run(ctx) {
    const member = (await ctx.member())!;
    const key = householdKey(member.villageId, member.household);
    const [boards, appeals, restrictions, status, mask] = await Promise.all([
      db
        .collection(BOARDS)
        .where({ villageId: member.villageId, status: 'published', 'entries.householdKey': key })
        .orderBy('month', 'desc')
        .limit(100)
        .get(),
      db.collection(APPEALS).where({ householdKey: key }).limit(100).get(),
      db.collection(RESTRICTIONS).where({ householdKey: key }).limit(100).get(),
      restrictionStatus(member.villageId, member.household, ctx.now),
      masksBlackNames(member.villageId),
    ]);
    const appealOf = new Map((appeals.data as AppealDoc[]).map((a) => [a._id, a]));
    const restrictionOf = new Map((restrictions.data as RestrictionDoc[]).map((r) => [r._id, r]));
    const entries: StandingEntry[] = [];
    for (const b of boards.data as BoardDoc[]) {
      const publishedAt = new Date(b.publishedAt!).getTime();
      for (const e of b.entries.filter((x) => x.householdKey === key)) {
        const id = pairId(b._id, e.entryId);
        const a = appealOf.get(id);
        const r = restrictionOf.get(id);
        const view = entryView(e, b.corrections, mask, { manages: false, householdKey: key });
        const black = e.list === 'black';
        entries.push({
          boardId: b._id,
          month: b.month,
          entry: view,
          appeal: a ? appealView(a) : null,
          appealUntil: black ? appealDeadline(publishedAt) : null,
          canAppeal: black && !a && !view.correction && canAppeal(publishedAt, ctx.now),
          restriction: r ? restrictionView(r, ctx.now) : null,
        });
      }
    }
    return {
      household: member.household,
      villageName: member.villageName,
      restricted: status.restricted ? { until: status.until!, reasonTitle: status.reasonTitle! } : null,
      entries,
    };
  },
});
