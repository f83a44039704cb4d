import { RULES } from '../../_shared/collections';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { type RuleDoc } from '../model';
import { masksBlackNames, viewedVillage } from '../policy';
import { ruleView } from '../views';

/**
 * A village's 村规民约 as the board uses them (reason codes with plain words), and whether black-list names are
 * masked. Residents read their own village's; admins name a village they manage. Two reads.
 */
export const listRules = defineCommand('honor', 'listRules', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const villageId = viewedVillage(member, input.villageId);
    const [{ data }, maskBlackNames] = await Promise.all([
      db.collection(RULES).where({ villageId }).orderBy('code', 'asc').limit(200).get(),
      masksBlackNames(villageId),
    ]);
    return { villageId, rules: (data as RuleDoc[]).map(ruleView), maskBlackNames };
  },
});
