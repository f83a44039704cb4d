import { defineCommand } from '../../_shared/command';
import { householdKey } from '../model';
import { masksBlackNames, requireBoard } from '../policy';
import { boardView } from '../views';

/** One board, red and black side by side, names shown as the village decided. Two reads. */
export const getBoard = defineCommand('honor', 'getBoard', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const board = await requireBoard(input.boardId, member);
    const mask = await masksBlackNames(board.villageId);
    return boardView(board, member, mask, householdKey(member.villageId, member.household));
  },
});
