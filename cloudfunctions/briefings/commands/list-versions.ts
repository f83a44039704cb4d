import { VERSIONS } from '../../_shared/collections';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { type VersionDoc } from '../model';
import { requireBriefing } from '../policy';
import { versionView } from '../views';

/** Every version of a briefing, newest first: who changed it and when. Two reads. */
export const listVersions = defineCommand('briefings', 'listVersions', {
  async run(ctx, input) {
    await requireBriefing(input.briefingId, await ctx.member());
    const { data } = await db
      .collection(VERSIONS)
      .where({ briefingId: input.briefingId })
      .orderBy('version', 'desc')
      .limit(100)
      .field({ version: true, title: true, summary: true, editedAt: true, editorName: true })
      .get();
    return { versions: (data as VersionDoc[]).map(versionView) };
  },
});
