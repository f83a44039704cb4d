import { BINDING_REQUESTS } from '../../_shared/collections';
import { defineCommand } from '../../_shared/command';
import { audit } from '../../_shared/audit';
import { db } from '../../_shared/cloud';
import { pendingRequest } from '../policy';

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
      const request = await pendingRequest(t, input.requestId, actor);
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
