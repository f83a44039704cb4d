import { BINDING_REQUESTS } from '../../_shared/collections';
import type { MeData } from '../../../core/members';
import { defineCommand } from '../../_shared/command';
import { db } from '../../_shared/cloud';
import { derivedId } from '../../_shared/ids';
import { type BindingRequestDoc } from '../model';
import { memberView, requestView } from '../views';
import { requireVillage } from './lookups';

/**
 * The caller's own identity: bound (with record and roles), a pending or rejected binding request, or
 * nothing yet. One read for a bound user.
 * ok: MeData · invalid: UNAUTHENTICATED (no WeChat identity)
 */
export const me = defineCommand('members', 'me', {
  async run(ctx): Promise<MeData> {
    const member = await ctx.member();
    if (member) return { status: 'bound', member: memberView(member) };
    const { data } = await db
      .collection(BINDING_REQUESTS)
      .where({ _id: derivedId('bind', ctx.openid) })
      .get();
    const request = data[0] as BindingRequestDoc | undefined;
    if (!request || request.status === 'approved') return { status: 'unbound' };
    const village = await requireVillage(request.villageId).catch(() => null);
    const view = requestView(request, village?.name ?? '');
    if (request.status === 'pending') return { status: 'pending', request: view };
    return {
      status: 'rejected',
      request: view,
      reason: request.reason ?? '',
      decidedAt: new Date(request.decidedAt ?? request.createdAt).getTime(),
    };
  },
});
