import { BOARDS } from '../../_shared/collections';
import { canManageVillage } from '../../../core/roles';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { type BoardDoc } from '../model';
import { viewedVillage } from '../policy';
import { boardSummary } from '../views';

/** The village's boards, newest month first: published ones for residents, all for its admins. One read. */
export const listBoards = defineCommand('honor', 'listBoards', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const villageId = viewedVillage(member, input.villageId);
    const manages = canManageVillage(member, villageId);
    const { data } = await db
      .collection(BOARDS)
      .where(manages ? { villageId } : { villageId, status: 'published' })
      .orderBy('month', 'desc')
      .limit(60)
      .field({ month: true, status: true, entries: true, publishedAt: true })
      .get();
    return { villageId, boards: (data as BoardDoc[]).map(boardSummary) };
  },
});
