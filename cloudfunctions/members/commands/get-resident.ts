import { canManageVillage } from '../../../core/roles';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { residentView } from '../views';
import { requireResident, requireVillage } from '../policy';

/**
 * One resident of the admin's village, e.g. for the role editor. Two reads.
 * ok: the resident · invalid: NOT_FOUND, FORBIDDEN (another village)
 */
export const getResident = defineCommand('members', 'getResident', {
  async run(ctx, input) {
    const actor = (await ctx.member())!;
    const resident = await requireResident(input.residentId);
    if (!canManageVillage(actor, resident.villageId)) throw new AppError('FORBIDDEN', '只能查看本村的村民');
    const village = await requireVillage(resident.villageId);
    return { resident: residentView(resident), villageId: village._id, villageName: village.name };
  },
});
