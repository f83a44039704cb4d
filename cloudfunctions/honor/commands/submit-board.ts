import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { personOf } from '../model';
import { changeBoard, requireStatus } from '../policy';

/** The draft goes to review. ok · invalid: CONFLICT (not a draft, or empty) */
export const submitBoard = defineCommand('honor', 'submitBoard', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    await changeBoard(input.boardId, member, new Date(ctx.now), (board) => {
      requireStatus(board, 'draft', '只有草稿可以提交审核');
      if (board.entries.length === 0) throw new AppError('CONFLICT', '榜单上还没有任何一户');
      return { status: 'pending', submittedBy: personOf(member), returnedReason: null };
    });
    return { status: 'pending' };
  },
});
