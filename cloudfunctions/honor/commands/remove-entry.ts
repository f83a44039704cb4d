import { canEditBoard } from '../../../core/honor';
import { _ } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { changeBoard, requireEntry } from '../policy';

/** Takes a household off a draft. ok · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (not a draft) */
export const removeEntry = defineCommand('honor', 'removeEntry', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    await changeBoard(input.boardId, member, new Date(ctx.now), (board) => {
      if (!canEditBoard(board.status)) throw new AppError('CONFLICT', '只有草稿可以修改');
      requireEntry(board, input.entryId);
      return { entries: _.set(board.entries.filter((e) => e.entryId !== input.entryId)) };
    });
    return { removed: true };
  },
});
