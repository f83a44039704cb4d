import { VERSIONS } from '../../_shared/collections';
import { canManageBriefing } from '../../../core/briefings';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { findById } from '../../_shared/store';
import { versionId } from '../model';
import { requireBriefing } from '../policy';
import { versionView } from '../views';

/** One earlier version as it was published. ok · invalid: NOT_FOUND */
export const getVersion = defineCommand('briefings', 'getVersion', {
  async run(ctx, input) {
    const member = await ctx.member();
    const doc = await requireBriefing(input.briefingId, member);
    if (doc.status !== 'published' && !canManageBriefing(member, doc))
      throw new AppError('NOT_FOUND', '这篇宣讲已撤回');
    const v = await findById(VERSIONS, versionId(input.briefingId, input.version));
    if (!v) throw new AppError('NOT_FOUND', '没有这个版本');
    return { ...versionView(v), nodes: v.nodes };
  },
});
