import { BOARDS, RESIDENTS, RULES } from '../../_shared/collections';
import { canEditBoard, ENTRIES_MAX } from '../../../core/honor';
import { canManageVillage } from '../../../core/roles';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { findById } from '../../_shared/store';
import { entryIdOf, householdKey, type EntryDoc } from '../model';
import { managedBoard, requireBoard, requirePublishable } from '../policy';

/**
 * Adds a household to a draft: one entry per household, a rule of the village's 村规民约 that belongs to the
 * chosen list, a reward on the red list only.
 * ok: the entry id · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (not a draft, household already on it), INVALID_INPUT
 */
export const addEntry = defineCommand('honor', 'addEntry', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    if (input.list === 'black' && input.reward) throw new AppError('INVALID_INPUT', '黑榜没有奖励');
    const board = await requireBoard(input.boardId, member);
    if (!canManageVillage(member, board.villageId)) throw new AppError('FORBIDDEN', '只能管理本村的红黑榜');
    await requirePublishable(ctx.openid, [input.note, input.reward], '说明或奖励');
    const [resident, rule] = await Promise.all([
      findById(RESIDENTS, input.residentId),
      findById(RULES, `${board.villageId}_${input.reasonCode}`),
    ]);
    if (!resident || resident.villageId !== board.villageId)
      throw new AppError('INVALID_INPUT', '这位村民不在本村');
    if (!rule || !rule.active || rule.list !== input.list) {
      throw new AppError(
        'INVALID_INPUT',
        `请选择本村村规民约中的${input.list === 'red' ? '红榜' : '黑榜'}条目`,
      );
    }
    const key = householdKey(board.villageId, resident.household);
    const entry: EntryDoc = {
      entryId: entryIdOf(board._id, key),
      residentId: input.residentId,
      name: resident.name,
      household: resident.household,
      householdKey: key,
      list: input.list,
      reasonCode: rule.code,
      reasonTitle: rule.title,
      note: input.note ?? '',
      reward: input.list === 'red' ? (input.reward ?? null) : null,
    };
    await db.runTransaction(async (t) => {
      const current = await managedBoard(t, board._id, member);
      if (!canEditBoard(current.status)) throw new AppError('CONFLICT', '只有草稿可以修改');
      if (current.entries.some((e) => e.householdKey === key))
        throw new AppError('CONFLICT', '这一户已经在本期榜单上');
      if (current.entries.length >= ENTRIES_MAX) throw new AppError('CONFLICT', `每期最多 ${ENTRIES_MAX} 户`);
      await t
        .collection(BOARDS)
        .doc(board._id)
        .update({ data: { entries: _.push([entry]), updatedAt: new Date(ctx.now) } });
    });
    return { entryId: entry.entryId };
  },
});
