import { randomBytes } from 'node:crypto';
import { SECRETS } from '../../_shared/collections';
import { toCsv } from '../../../core/csv';
import { canManageVillage } from '../../../core/roles';
import { formatDate } from '../../../core/time';
import { audit } from '../../_shared/audit';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { deleteFiles, tempUrl, uploadBytes } from '../../_shared/files';
import { findById } from '../../_shared/store';
import { villageSheet } from '../claim-sheet';
import { requireVillage } from '../policy';

/** Seconds the download link of an exported sheet works (ten minutes). */
const LINK_SECONDS = 600;

/**
 * 导出认领码 (CSV): the whole claim sheet of a village as a spreadsheet, written to cloud storage at a random,
 * unguessable path and answered as a short-lived download link. Each export deletes the village's previous one
 * (its file id is kept in the functions-only `secrets` collection), so no older copies of codes pile up.
 * ok: {url, filename, rows} · invalid: NOT_FOUND, FORBIDDEN
 */
export const exportClaimSheet = defineCommand('members', 'exportClaimSheet', {
  async run(ctx, input) {
    const actor = (await ctx.member())!;
    const village = await requireVillage(input.villageId);
    if (!canManageVillage(actor, village._id)) throw new AppError('FORBIDDEN', '只能导出本村的认领码');
    const { households } = await villageSheet(village, ctx.now);
    const rows = households.flatMap((h) =>
      h.people.map((p) => [
        village.name,
        h.teamName ?? '',
        h.household,
        p.name,
        p.code,
        formatDate(p.expiresAt),
      ]),
    );
    const csv = toCsv(['村（社区）', '村民小组', '户号', '姓名', '认领码', '有效期至'], rows);
    const cloudPath = `exports/claim-sheets/${village._id}/${randomBytes(12).toString('hex')}.csv`;
    const fileID = await uploadBytes(cloudPath, Buffer.from(csv, 'utf8'));
    const slot = `claimSheetExport_${village._id}`;
    const previous = await findById(SECRETS, slot);
    await db
      .collection(SECRETS)
      .doc(slot)
      .set({ data: { value: fileID, createdAt: new Date(ctx.now) } });
    if (previous?.value) await deleteFiles([String(previous.value)]);
    await audit(
      db,
      {
        actorOpenid: ctx.openid,
        actorResidentId: actor.residentId,
        action: 'exportClaimSheet',
        target: `villages/${village._id}`,
        details: { rows: rows.length },
      },
      new Date(ctx.now),
    );
    return {
      fileID,
      url: await tempUrl(fileID, LINK_SECONDS),
      filename: `${village.name}认领码.csv`,
      rows: rows.length,
    };
  },
});
