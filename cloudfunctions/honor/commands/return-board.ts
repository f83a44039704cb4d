import { defineCommand } from '../../_shared/command';
import { changeBoard, requirePublishable, requireStatus } from '../policy';

/** The reviewer sends it back to draft with a reason. ok · invalid: CONFLICT (not pending) */
export const returnBoard = defineCommand('honor', 'returnBoard', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    await requirePublishable(ctx.openid, [input.reason], '退回原因');
    await changeBoard(input.boardId, member, new Date(ctx.now), (board) => {
      requireStatus(board, 'pending', '只有待审核的榜单可以退回');
      return { status: 'draft', returnedReason: input.reason };
    });
    return { status: 'draft' };
  },
});
