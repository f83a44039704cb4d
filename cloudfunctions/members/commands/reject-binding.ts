import { BINDING_REQUESTS } from '../../_shared/collections';
import { canManageVillage } from '../../../core/roles';
import { defineCommand } from '../../_shared/command';
import { audit } from '../../_shared/audit';
import { db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { txGet } from '../../_shared/transaction';
import { type BindingRequestDoc } from '../model';

/**
 * The village's admin (or a town admin) declines a binding request with a reason the applicant will see;
 * the applicant may correct it and ask again.
 * ok: {requestId} · invalid: NOT_FOUND, CONFLICT (already decided), FORBIDDEN (another village), INVALID_INPUT (no reason)
 */
export const rejectBinding = defineCommand('members', 'rejectBinding', {
  async run(ctx, input) {
    const actor = (await ctx.member())!;
    const at = new Date(ctx.now);
    return db.runTransaction(async (t) => {
      const request = (await txGet(t, BINDING_REQUESTS, input.requestId)) as BindingRequestDoc | null;
      if (!request) throw new AppError('NOT_FOUND', '没有找到这条申请');
      if (!canManageVillage(actor, request.villageId)) throw new AppError('FORBIDDEN', '只能审核本村的申请');
      if (request.status !== 'pending') throw new AppError('CONFLICT', '这条申请已经处理过了');
      await t
        .collection(BINDING_REQUESTS)
        .doc(request._id)
        .update({ data: { status: 'rejected', decidedAt: at, decidedBy: ctx.openid, reason: input.reason } });
      await audit(
        t,
        {
          actorOpenid: ctx.openid,
          actorResidentId: actor.residentId,
          action: 'rejectBinding',
          target: `${BINDING_REQUESTS}/${request._id}`,
          details: { reason: input.reason },
        },
        at,
      );
      return { requestId: request._id };
    });
  },
});
