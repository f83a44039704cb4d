import { RULES } from '../../_shared/collections';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { type RuleDoc } from '../model';
import { managedVillage, requirePublishable } from '../policy';
import { ruleView } from '../views';

/** An admin adds or changes an item of the village's 村规民约 (a board entry copies its words when added). */
export const saveRule = defineCommand('honor', 'saveRule', {
  async run(ctx, input) {
    const villageId = managedVillage((await ctx.member())!, input.villageId);
    await requirePublishable(ctx.openid, [input.title, input.article], '村规民约条目');
    const doc: Omit<RuleDoc, '_id'> = {
      villageId,
      code: input.code,
      list: input.list,
      title: input.title,
      article: input.article,
      active: input.active,
      updatedAt: new Date(ctx.now),
    };
    await db.collection(RULES).doc(`${villageId}_${input.code}`).set({ data: doc });
    return { rule: ruleView({ _id: '', ...doc }) };
  },
});
