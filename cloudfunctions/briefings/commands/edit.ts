import { BRIEFINGS, VERSIONS } from '../../_shared/collections';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { briefingContent, versionRecord } from '../document';
import { type BriefingDoc } from '../model';
import { prepareBriefing, requireManagedBriefing } from '../policy';

const EDITED_MEANWHILE = '这篇宣讲刚被别人修改过，请刷新后再改';

/**
 * Edits a briefing: a new version is kept, the old ones stay readable. The editor names the version they
 * started from, so an edit over someone else's newer edit is refused rather than silently lost.
 * ok: the new version · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (withdrawn, or edited meanwhile),
 * INVALID_INPUT, CONTENT_REJECTED
 */
export const edit = defineCommand('briefings', 'edit', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const current = await requireManagedBriefing(input.briefingId, member);
    if (current.status !== 'published') throw new AppError('CONFLICT', '已撤回的宣讲不能再修改');
    if (current.version !== input.version) throw new AppError('CONFLICT', EDITED_MEANWHILE);
    const { content, searchText } = briefingContent(await prepareBriefing(member, ctx.openid, input));
    const at = new Date(ctx.now);
    const next = input.version + 1;
    try {
      await db.runTransaction(async (t) => {
        const { data } = await t.collection(BRIEFINGS).doc(input.briefingId).get();
        const doc = data as BriefingDoc;
        if (doc.version !== input.version || doc.status !== 'published') {
          throw new AppError('CONFLICT', EDITED_MEANWHILE);
        }
        await t.collection(VERSIONS).add({
          data: versionRecord(input.briefingId, next, content, { openid: ctx.openid, name: member.name }, at),
        });
        await t
          .collection(BRIEFINGS)
          .doc(input.briefingId)
          .update({
            data: {
              ...content,
              nodes: _.set(content.nodes),
              attachments: _.set(content.attachments),
              disclosure: _.set(content.disclosure),
              searchText,
              isDisclosure: content.disclosure !== null,
              version: next,
              updatedAt: at,
            },
          });
      });
    } catch (e) {
      // Two editors from the same version: the other one's version record is already there.
      if (isDuplicateKey(e)) throw new AppError('CONFLICT', EDITED_MEANWHILE);
      throw e;
    }
    return { version: next };
  },
});
