import { fromChinaPickers } from '../../../core/time';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { personOf } from '../model';
import { managedBoard, publishBoard, requireStatus } from '../policy';

/**
 * Records that the 村民代表大会 passed the board on a date (not in the future, not before the board's month),
 * which publishes it. ok · invalid: CONFLICT (not pending), INVALID_INPUT (date)
 */
export const recordAssembly = defineCommand('honor', 'recordAssembly', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const held = fromChinaPickers(input.date);
    if (Number.isNaN(held) || held > ctx.now) throw new AppError('INVALID_INPUT', '会议日期无效');
    const restrictions = await db.runTransaction(async (t) => {
      const board = await managedBoard(t, input.boardId, member);
      requireStatus(board, 'pending', '只有待审核的榜单可以记录会议决议');
      if (input.date.slice(0, 7) < board.month) throw new AppError('INVALID_INPUT', '会议日期早于榜单月份');
      const review = {
        kind: 'assembly' as const,
        date: input.date,
        ...personOf(member),
        at: new Date(ctx.now),
      };
      return publishBoard(t, board, review, ctx.now);
    });
    return { status: 'published', restrictions: restrictions as number };
  },
});
