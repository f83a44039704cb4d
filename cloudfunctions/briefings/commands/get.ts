import { canManageBriefing } from '../../../core/briefings';
import { plainText } from '../../../core/briefings/rich-text';
import { defineCommand } from '../../_shared/command';
import { hasLearned, loadCategories, requireBriefing } from '../policy';
import { summaryOf } from '../views';

/**
 * One briefing's page: the safe nodes, the text to read aloud, attachments, the disclosure period, the
 * count, and whether the caller marked it learned. A withdrawn briefing shows why, not its body (its
 * managers still see everything). Three reads at most.
 * ok: the detail · invalid: NOT_FOUND (missing, or another village's)
 */
export const get = defineCommand('briefings', 'get', {
  async run(ctx, input) {
    const member = await ctx.member();
    const [doc, categories] = await Promise.all([
      requireBriefing(input.briefingId, member),
      loadCategories(),
    ]);
    const manages = canManageBriefing(member, doc);
    const shown = doc.status === 'published' || manages;
    return {
      ...summaryOf(doc, categories, ctx.now),
      nodes: shown ? doc.nodes : null,
      speech: shown ? `${doc.title}。${doc.summary}。${plainText(doc.body)}` : null,
      body: manages ? doc.body : null,
      attachments: shown ? doc.attachments : [],
      authorName: doc.authorName,
      withdrawReason: doc.withdrawReason,
      withdrawnAt: doc.withdrawnAt ? new Date(doc.withdrawnAt).getTime() : null,
      learned: member ? await hasLearned(doc._id, member.residentId) : false,
      canManage: manages,
      canLearn: member !== null && doc.status === 'published',
    };
  },
});
