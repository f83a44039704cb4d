import { COOPERATIVES, RESIDENTS, VILLAGES } from '../../_shared/collections';
import { canManageVillage } from '../../../core/roles';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { checkText } from '../../_shared/content';
import { AppError } from '../../_shared/errors';
import { newId } from '../../_shared/ids';
import { findById } from '../../_shared/store';
import { findCoop } from '../policy';

/**
 * Creates or edits a cooperative: village, name, industry, legal form (which fixes the basis), the split rule,
 * the share of the members' pool returned by transactions, how holdings become shares, and the board.
 * ok: { coopId } · invalid: FORBIDDEN (not an admin of the village), INVALID_INPUT (board member not in the
 * village), CONTENT_REJECTED (the public name or industry fails WeChat's content check)
 */
export const saveCooperative = defineCommand('dividends', 'saveCooperative', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    if (!canManageVillage(member, input.villageId)) throw new AppError('FORBIDDEN', '只能管理本村的合作社');
    const existing = input.coopId ? await findCoop(input.coopId) : null;
    if (input.coopId && !existing) throw new AppError('NOT_FOUND', '没有找到这个合作社');
    if (existing && !canManageVillage(member, existing.villageId)) {
      throw new AppError('FORBIDDEN', '只能管理本村的合作社');
    }
    const village = await findById(VILLAGES, input.villageId);
    if (!village) throw new AppError('INVALID_INPUT', '没有这个村（社区）');
    const ids = [...new Set(input.board)];
    const { data: people } = ids.length
      ? await db
          .collection(RESIDENTS)
          .where({ _id: _.in(ids), villageId: input.villageId })
          .field({ name: true })
          .get()
      : { data: [] };
    if (people.length !== ids.length) throw new AppError('INVALID_INPUT', '理事会成员必须是本村村民');
    // The name and industry are public (合作社公示): WeChat's content check first.
    if ((await checkText(ctx.openid, `${input.name}\n${input.industry}`, 3)) !== 'pass') {
      throw new AppError('CONTENT_REJECTED', '合作社名称或产业未通过微信内容安全检查，请修改');
    }
    const now = new Date(ctx.now);
    const fields = {
      villageId: input.villageId,
      villageName: village.name,
      name: input.name,
      industry: input.industry,
      legalForm: input.legalForm,
      rule: input.rule,
      transactionReturnBp: input.transactionReturnBp,
      terms: input.terms,
      board: ids.map((id) => ({ residentId: id, name: people.find((p) => p._id === id)!.name as string })),
      updatedAt: now,
    };
    if (existing) {
      await db.collection(COOPERATIVES).doc(existing._id).update({ data: fields });
      return { coopId: existing._id };
    }
    const coopId = newId('coop');
    await db
      .collection(COOPERATIVES)
      .add({ data: { _id: coopId, ...fields, shareholders: 0, createdAt: now } });
    return { coopId };
  },
});
