import { CLAIM_SHEET_PAGE } from '../../../core/members/imports';
import { canManageVillage } from '../../../core/roles';
import { audit } from '../../_shared/audit';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { villageSheet } from '../claim-sheet';
import { requireVillage } from '../policy';

/**
 * 认领码清单: a page of a village's claim sheet — households (by 村民小组 and 户号) with each unbound resident's
 * name and code — for a 网格员 to print and take door to door. Viewing codes is recorded in the audit log.
 * ok: the page · invalid: NOT_FOUND, FORBIDDEN (another village)
 */
export const claimSheet = defineCommand('members', 'claimSheet', {
  async run(ctx, input) {
    const actor = (await ctx.member())!;
    const village = await requireVillage(input.villageId);
    if (!canManageVillage(actor, village._id)) throw new AppError('FORBIDDEN', '只能查看本村的认领码');
    const from = input.cursor ? Number(input.cursor) : 0;
    if (!Number.isInteger(from) || from < 0) throw new AppError('INVALID_INPUT', '分页参数无效');
    const { households, withoutCode } = await villageSheet(village, ctx.now);
    const page = households.slice(from, from + CLAIM_SHEET_PAGE);
    const next = from + CLAIM_SHEET_PAGE;
    await audit(
      db,
      {
        actorOpenid: ctx.openid,
        actorResidentId: actor.residentId,
        action: 'claimSheet',
        target: `villages/${village._id}`,
        details: { from, households: page.length },
      },
      new Date(ctx.now),
    );
    return {
      townName: village.townName,
      villageName: village.name,
      households: page,
      totalHouseholds: households.length,
      withoutCode,
      nextCursor: next < households.length ? String(next) : null,
    };
  },
});
