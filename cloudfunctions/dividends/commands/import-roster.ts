import { COOPERATIVES, ROSTERS } from '../../_shared/collections';
import { rosterFromCells } from '../../../core/dividends/roster-file';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { downloadSheet } from '../../_shared/files';
import { type RosterDoc } from '../model';
import { requireManagedCoop } from '../policy';

/**
 * 导入股东名册 from the Excel or CSV file the village keeps, uploaded to cloud storage by the page. Every row is checked first; if any row is wrong,
 * nothing is written and every problem is listed by its row. Otherwise the roster is replaced as a whole (a
 * distribution already computed keeps its own snapshot). ok: rows and households · invalid: INVALID_INPUT
 */
export const importRoster = defineCommand('dividends', 'importRoster', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const coop = await requireManagedCoop(input.coopId, member);
    const cells = await downloadSheet(input.fileID, input.filename);
    const { rows, problems } = rosterFromCells(cells, coop.villageId);
    if (problems.length) {
      const shown = problems.slice(0, 20);
      const more = problems.length > shown.length ? `\n……还有 ${problems.length - shown.length} 处问题` : '';
      throw new AppError(
        'INVALID_INPUT',
        `名册有 ${problems.length} 处问题，没有导入：\n${shown.join('\n')}${more}`,
      );
    }
    const doc: Omit<RosterDoc, '_id'> = {
      rows,
      importedAt: new Date(ctx.now),
      importedBy: { openid: ctx.openid, name: member.name },
      filename: input.filename,
    };
    await db.runTransaction(async (t) => {
      await t.collection(ROSTERS).doc(coop._id).set({ data: doc });
      await t
        .collection(COOPERATIVES)
        .doc(coop._id)
        .update({ data: { shareholders: rows.length } });
    });
    return { rows: rows.length, households: rows.length };
  },
});
