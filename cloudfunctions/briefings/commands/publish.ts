import { BRIEFINGS, VERSIONS } from '../../_shared/collections';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { newId } from '../../_shared/ids';
import { newBriefing } from '../document';
import { prepareBriefing } from '../policy';

/**
 * Publishes a briefing (and its version 1) to the town or one village.
 * ok: its id and version · invalid: FORBIDDEN (scope), INVALID_INPUT, CONTENT_REJECTED
 */
export const publish = defineCommand('briefings', 'publish', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const written = await prepareBriefing(member, ctx.openid, input);
    const briefingId = newId('b');
    const { doc, version } = newBriefing(
      briefingId,
      written,
      { openid: ctx.openid, name: member.name },
      new Date(ctx.now),
    );
    await db.runTransaction(async (t) => {
      await t.collection(BRIEFINGS).add({ data: doc });
      await t.collection(VERSIONS).add({ data: version });
    });
    return { briefingId, version: 1 };
  },
});
