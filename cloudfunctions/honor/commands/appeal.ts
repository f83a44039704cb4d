import { APPEALS } from '../../_shared/collections';
import { canAppeal } from '../../../core/honor';
import { defineCommand } from '../../_shared/command';
import { checkText } from '../../_shared/content';
import { AppError } from '../../_shared/errors';
import { addUnique } from '../../_shared/store';
import { householdKey, pairId, type AppealDoc } from '../model';
import { requireBoard, requireEntry } from '../policy';

/**
 * A black-listed household appeals its entry, within 15 days of publication: any resident of the household,
 * once per entry. ok: the appeal id · invalid: NOT_FOUND, FORBIDDEN (another household), CONFLICT (red list,
 * window closed, already appealed)
 */
export const appeal = defineCommand('honor', 'appeal', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const board = await requireBoard(input.boardId, member);
    if (board.status !== 'published') throw new AppError('CONFLICT', '榜单还没有公布');
    const entry = requireEntry(board, input.entryId);
    if (entry.householdKey !== householdKey(member.villageId, member.household)) {
      throw new AppError('FORBIDDEN', '只能为自己家的上榜记录申诉');
    }
    if (entry.list !== 'black') throw new AppError('CONFLICT', '红榜不需要申诉');
    if (board.corrections.some((c) => c.entryId === entry.entryId))
      throw new AppError('CONFLICT', '这条记录已经更正');
    if (!canAppeal(new Date(board.publishedAt!).getTime(), ctx.now)) {
      throw new AppError('CONFLICT', '已超过 15 天申诉期');
    }
    // Only the household and the village's admins read an appeal, so text WeChat wants a person to review is
    // taken (the admin is that person); risky text is refused.
    if ((await checkText(ctx.openid, input.text, 2)) === 'risky') {
      throw new AppError('CONTENT_REJECTED', '申诉理由含有不允许的内容，请修改后再提交');
    }
    const id = pairId(board._id, entry.entryId);
    const doc: Omit<AppealDoc, '_id'> = {
      villageId: board.villageId,
      boardId: board._id,
      entryId: entry.entryId,
      householdKey: entry.householdKey,
      residentId: member.residentId,
      text: input.text,
      status: 'open',
      createdAt: new Date(ctx.now),
      resolution: null,
    };
    await addUnique(APPEALS, { _id: id, ...doc }, '这条记录已经申诉过了');
    return { appealId: id };
  },
});
