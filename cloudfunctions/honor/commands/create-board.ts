import { BOARDS, VILLAGES } from '../../_shared/collections';
import { boardId as boardIdOf, monthOf } from '../../../core/honor';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { addUnique, findById } from '../../_shared/store';
import { personOf, type BoardDoc } from '../model';
import { managedVillage } from '../policy';

/**
 * An admin starts the month's board for their village (one per village and month).
 * ok: its id · invalid: FORBIDDEN, CONFLICT (the month's board exists)
 */
export const createBoard = defineCommand('honor', 'createBoard', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const villageId = managedVillage(member, input.villageId);
    if (input.month > monthOf(ctx.now)) throw new AppError('INVALID_INPUT', '不能为以后的月份建榜');
    const village = await findById(VILLAGES, villageId);
    const at = new Date(ctx.now);
    const id = boardIdOf(villageId, input.month);
    const doc: Omit<BoardDoc, '_id'> = {
      villageId,
      villageName: village?.name ?? villageId,
      month: input.month,
      status: 'draft',
      entries: [],
      corrections: [],
      draftedBy: personOf(member),
      submittedBy: null,
      review: null,
      returnedReason: null,
      publishedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    await addUnique(BOARDS, { _id: id, ...doc }, '这个月的红黑榜已经建好了');
    return { boardId: id };
  },
});
