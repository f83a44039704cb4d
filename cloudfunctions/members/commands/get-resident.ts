import type { ResidentDoc } from '../../_shared/documents';
import { RESIDENTS } from '../../_shared/collections';
import { canManageVillage } from '../../../core/roles';
import { defineCommand } from '../../_shared/command';
import { db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { residentView } from '../views';
import { requireVillage } from './lookups';

/**
 * One resident of the admin's village, e.g. for the role editor. Two reads.
 * ok: the resident · invalid: NOT_FOUND, FORBIDDEN (another village)
 */
export const getResident = defineCommand('members', 'getResident', {
  async run(ctx, input) {
    const actor = (await ctx.member())!;
    const { data } = await db.collection(RESIDENTS).where({ _id: input.residentId }).get();
    const resident = data[0] as ResidentDoc | undefined;
    if (!resident) throw new AppError('NOT_FOUND', '没有找到这位村民');
    if (!canManageVillage(actor, resident.villageId)) throw new AppError('FORBIDDEN', '只能查看本村的村民');
    const village = await requireVillage(resident.villageId);
    return { resident: residentView(resident), villageId: village._id, villageName: village.name };
  },
});
