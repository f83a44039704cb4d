import { APPEALS, BOARDS } from '../../_shared/collections';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { type AppealDoc, type BoardDoc } from '../model';
import { correctEntry, managedInTx, requirePublishable } from '../policy';

/**
 * An admin resolves an open appeal: upheld (the entry stands), or revoked — then a correction is published
 * beside the entry and the restriction lifts, in the same transaction.
 * ok: the new status · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (already resolved)
 */
export const resolveAppeal = defineCommand('honor', 'resolveAppeal', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    await requirePublishable(ctx.openid, [input.reason], '处理意见');
    const at = new Date(ctx.now);
    await db.runTransaction(async (t) => {
      const found = await managedInTx<AppealDoc>(t, APPEALS, input.appealId, member, {
        missing: '没有找到这条申诉',
        forbidden: '只能处理本村的申诉',
      });
      if (found.status !== 'open') throw new AppError('CONFLICT', '这条申诉已经处理过了');
      await t
        .collection(APPEALS)
        .doc(found._id)
        .update({
          data: { status: input.outcome, resolution: _.set({ reason: input.reason, name: member.name, at }) },
        });
      if (input.outcome === 'revoked') {
        const board = (await t.collection(BOARDS).doc(found.boardId).get()).data as BoardDoc;
        await correctEntry(t, board, found.entryId, `申诉成立：${input.reason}`, member.name, at);
      }
    });
    return { status: input.outcome };
  },
});
