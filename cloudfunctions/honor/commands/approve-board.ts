import { isBoardAuthor } from '../../../core/honor';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { personOf } from '../model';
import { managedBoard, publishBoard, requireStatus } from '../policy';

/**
 * A second admin approves the board: not the admin who drafted or submitted it.
 * ok: published, and how many restrictions started · invalid: FORBIDDEN (same admin), CONFLICT (not pending)
 */
export const approveBoard = defineCommand('honor', 'approveBoard', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const restrictions = await db.runTransaction(async (t) => {
      const board = await managedBoard(t, input.boardId, member);
      requireStatus(board, 'pending', '只有待审核的榜单可以审核通过');
      if (isBoardAuthor(board, member._id)) {
        throw new AppError(
          'FORBIDDEN',
          '起草或提交榜单的人不能自己审核，请另一位管理员审核或记录村民代表大会决议',
        );
      }
      const review = { kind: 'admin' as const, ...personOf(member), at: new Date(ctx.now) };
      return publishBoard(t, board, review, ctx.now);
    });
    return { status: 'published', restrictions: restrictions as number };
  },
});
