import { SETTINGS } from '../../_shared/collections';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { managedVillage } from '../policy';

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
