import { RESIDENTS } from '../../_shared/collections';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { containing } from '../../_shared/search';
import { managedVillage } from '../policy';

/** Drafting: residents of the village whose name or household number contains the words. One read. */
export const searchHouseholds = defineCommand('honor', 'searchHouseholds', {
  async run(ctx, input) {
    const villageId = managedVillage((await ctx.member())!, input.villageId);
    const pattern = containing(input.query);
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
