import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { correctEntry, managedBoard, requirePublishable } from '../policy';

/**
 * A correction published beside an entry of a published board (the entry itself never changes): the entry
 * is revoked and its restriction lifted. ok · invalid: CONFLICT (not published, already corrected)
 */
export const addCorrection = defineCommand('honor', 'addCorrection', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    await requirePublishable(ctx.openid, [input.reason], '更正原因');
    const at = new Date(ctx.now);
    await db.runTransaction(async (t) => {
      const board = await managedBoard(t, input.boardId, member);
      await correctEntry(t, board, input.entryId, input.reason, member.name, at);
    });
    return { correction: { reason: input.reason, at: ctx.now } };
  },
});
