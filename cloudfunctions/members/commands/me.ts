import { BINDING_REQUESTS } from '../../_shared/collections';
import type { MeData } from '../../../core/members';
import { defineCommand } from '../../_shared/command';
import { findById } from '../../_shared/store';
import { derivedId } from '../../_shared/ids';
import { memberView, requestView } from '../views';
import { requireVillage } from '../policy';

/**
 * The caller's own identity: bound (with record and roles), a pending or rejected binding request, or
 * nothing yet. One read for a bound user.
 * ok: MeData · invalid: UNAUTHENTICATED (no WeChat identity)
 */
export const me = defineCommand('members', 'me', {
  async run(ctx): Promise<MeData> {
    const member = await ctx.member();
    if (member) return { status: 'bound', member: memberView(member) };
    const request = await findById(BINDING_REQUESTS, derivedId('bind', ctx.openid));
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
