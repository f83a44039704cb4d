import { RESIDENTS, RULES, SETTINGS } from '../../_shared/collections';
import { type RuleView } from '../../../core/honor';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { escapeRegExp } from '../../../core/briefings';
import { managedVillage, masksBlackNames, viewedVillage } from '../access';
import { type RuleDoc } from '../model';

const ruleView = (r: RuleDoc): RuleView => ({
  code: r.code,
  list: r.list,
  title: r.title,
  article: r.article,
  active: r.active,
});

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

/** An admin adds or changes an item of the village's 村规民约 (a board entry copies its words when added). */
export const saveRule = defineCommand('honor', 'saveRule', {
  async run(ctx, input) {
    const villageId = managedVillage((await ctx.member())!, input.villageId);
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

/** The village decides whether the black list shows names in full; masked (张*明) is the default. */
export const saveSettings = defineCommand('honor', 'saveSettings', {
  async run(ctx, input) {
    const villageId = managedVillage((await ctx.member())!, input.villageId);
    await db
      .collection(SETTINGS)
      .doc(villageId)
      .set({ data: { maskBlackNames: input.maskBlackNames, updatedAt: new Date(ctx.now) } });
    return { maskBlackNames: input.maskBlackNames };
  },
});

/** Drafting: residents of the village whose name or household number contains the words. One read. */
export const searchHouseholds = defineCommand('honor', 'searchHouseholds', {
  async run(ctx, input) {
    const villageId = managedVillage((await ctx.member())!, input.villageId);
    const pattern = db.RegExp({ regexp: escapeRegExp(input.query), options: 'i' });
    const { data } = await db
      .collection(RESIDENTS)
      .where(_.and([{ villageId }, _.or([{ name: pattern }, { household: pattern }])]))
      .field({ name: true, household: true })
      .limit(30)
      .get();
    return {
      residents: data.map((r) => ({
        residentId: r._id as string,
        name: r.name as string,
        household: r.household as string,
      })),
    };
  },
});
