import { APPEALS, BOARDS } from '../../_shared/collections';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { type AppealDoc, type BoardDoc } from '../model';
import { managedVillage } from '../policy';
import { appealView, entryView } from '../views';

/** The village's open appeals, oldest first, each with its entry, for the admins to resolve. Two reads. */
export const listAppeals = defineCommand('honor', 'listAppeals', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const villageId = managedVillage(member, input.villageId);
    const { data } = await db
      .collection(APPEALS)
      .where({ villageId, status: 'open' })
      .orderBy('createdAt', 'asc')
      .limit(100)
      .get();
    const appeals = data as AppealDoc[];
    const boardIds = [...new Set(appeals.map((a) => a.boardId))];
    const boards = boardIds.length
      ? ((
          await db
            .collection(BOARDS)
            .where({ _id: _.in(boardIds) })
            .limit(100)
            .get()
        ).data as BoardDoc[])
      : [];
    const byId = new Map(boards.map((b) => [b._id, b]));
    return {
      appeals: appeals.flatMap((a) => {
        const b = byId.get(a.boardId);
        const e = b?.entries.find((x) => x.entryId === a.entryId);
        if (!b || !e) return [];
        return [
          {
            ...appealView(a),
            resolution: null,
            boardId: b._id,
            month: b.month,
            entry: entryView(e, b.corrections, false, { manages: true, householdKey: null }),
          },
        ];
      }),
    };
  },
});
