import type { MemberDoc, ResidentDoc, VillageDoc } from '../../_shared/documents';
import { BINDING_REQUESTS, MEMBERS, RESIDENTS, VILLAGES } from '../../_shared/collections';
import { NO_ROLES } from '../../../core/roles';
import { defineCommand } from '../../_shared/command';
import { audit } from '../../_shared/audit';
import { db } from '../../_shared/cloud';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { newId } from '../../_shared/ids';
import { txGet } from '../../_shared/transaction';
import { pendingRequest } from '../policy';

/**
 * The village's admin (or a town admin) approves a binding request: in one transaction the request is
 * decided, a resident record is created for the village roster and the WeChat user becomes its member.
 * ok: {residentId} · invalid: NOT_FOUND, CONFLICT (already decided, or the user is bound), FORBIDDEN (another village)
 */
export const approveBinding = defineCommand('members', 'approveBinding', {
  async run(ctx, input) {
    const actor = (await ctx.member())!;
    const at = new Date(ctx.now);
    try {
      return await db.runTransaction(async (t) => {
        const request = await pendingRequest(t, input.requestId, actor);
        if (await txGet(t, MEMBERS, request.openid))
          throw new AppError('CONFLICT', '该用户已经绑定了村民身份');
        const village = (await txGet(t, VILLAGES, request.villageId)) as VillageDoc | null;
        if (!village) throw new AppError('NOT_FOUND', '没有找到这个村（社区）');

        const residentId = newId('r');
        const resident: ResidentDoc = {
          _id: residentId,
          townId: village.townId,
          villageId: village._id,
          name: request.name,
          household: request.household,
          phoneMasked: request.phoneMasked,
          openid: request.openid,
          roles: NO_ROLES,
          source: 'request',
          createdAt: at,
          updatedAt: at,
        };
        const member: MemberDoc = {
          _id: request.openid,
          residentId,
          villageId: village._id,
          villageName: village.name,
          name: request.name,
          household: request.household,
          phoneMasked: request.phoneMasked,
          roles: NO_ROLES,
          boundAt: at,
        };
        await t.collection(RESIDENTS).add({ data: resident });
        await t.collection(MEMBERS).add({ data: member });
        await t
          .collection(BINDING_REQUESTS)
          .doc(request._id)
          .update({ data: { status: 'approved', decidedAt: at, decidedBy: ctx.openid, residentId } });
        await audit(
          t,
          {
            actorOpenid: ctx.openid,
            actorResidentId: actor.residentId,
            action: 'approveBinding',
            target: `${BINDING_REQUESTS}/${request._id}`,
            details: { residentId },
          },
          at,
        );
        return { residentId };
      });
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('CONFLICT', '该用户已经绑定了村民身份');
      throw e;
    }
  },
});
