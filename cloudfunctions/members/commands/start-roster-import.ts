import { ROSTER_CHUNKS, ROSTER_IMPORTS } from '../../_shared/collections';
import {
  residentsFromCells,
  ROSTER_PROBLEMS_SHOWN,
  type RosterPerson,
  type RosterVillage,
} from '../../../core/members/roster';
import { canManageVillage } from '../../../core/roles';
import { audit } from '../../_shared/audit';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { isDuplicateKey } from '../../_shared/errors';
import { downloadSheet } from '../../_shared/files';
import { findById } from '../../_shared/store';
import {
  rosterChunkId,
  rosterImportId,
  rosterTuning,
  type RosterChunkDoc,
  type RosterImportDoc,
} from '../model';
import { allVillages } from '../policy';
import { rosterImportView } from '../views';

/** Chunks per multi-document add while staging (a chunk of 1000 people is about 150 KB). */
const STAGE_BATCH = 5;

/**
 * 导入村民名册, step 1: reads the uploaded file from cloud storage and checks every row against the town's
 * villages and 村民小组 (CPU only, no read per row). A file with any problem writes nothing at all: the answer
 * lists the problems (row, column, reason). A good file is staged as chunks with an import document, and the
 * page applies it with continueRosterImport. Starting the same file again returns the same import.
 * ok: the check, with the import when staged · invalid: NOT_FOUND (file gone), INVALID_INPUT (unreadable)
 */
export const startRosterImport = defineCommand('members', 'startRosterImport', {
  async run(ctx, input) {
    const actor = (await ctx.member())!;
    const importId = rosterImportId(ctx.openid, input.fileID);
    const again = await findById(ROSTER_IMPORTS, importId);
    if (again) {
      return { importId, rows: again.total, problems: [], problemCount: 0, import: rosterImportView(again) };
    }
    const cells = await downloadSheet(input.fileID, input.filename);
    const villages = await allVillages();
    const { people, problems } = residentsFromCells(cells, {
      villages: villages.map((v): RosterVillage => ({
        id: v._id,
        name: v.name,
        teams: v.teams ?? [],
      })),
      manages: (villageId) => canManageVillage(actor, villageId),
    });
    if (problems.length) {
      const rows = cells.slice(1).filter((r) => r.some((c) => (c ?? '').trim() !== '')).length;
      return {
        importId: null,
        rows,
        problems: problems.slice(0, ROSTER_PROBLEMS_SHOWN),
        problemCount: problems.length,
        import: null,
      };
    }

    const { chunkSize } = rosterTuning();
    const chunks: RosterChunkDoc[] = [];
    for (let i = 0; i < people.length; i += chunkSize) {
      const seq = chunks.length;
      chunks.push({
        _id: rosterChunkId(importId, seq),
        importId,
        seq,
        rows: people.slice(i, i + chunkSize).map(({ line: _line, ...row }: RosterPerson) => row),
      });
    }
    // A start that died before its import document left chunks: they are replaced.
    await db.collection(ROSTER_CHUNKS).where({ importId }).remove();
    for (let i = 0; i < chunks.length; i += STAGE_BATCH) {
      await db.collection(ROSTER_CHUNKS).add({ data: chunks.slice(i, i + STAGE_BATCH) as never });
    }
    const ids = new Set(people.map((p) => p.villageId));
    const used = villages.filter((v) => ids.has(v._id));
    const at = new Date(ctx.now);
    const doc: RosterImportDoc = {
      _id: importId,
      fileID: input.fileID,
      filename: input.filename,
      status: 'applying',
      startedBy: ctx.openid,
      startedByName: actor.name,
      startedAt: at,
      touchedAt: at,
      doneAt: null,
      townId: used[0]!.townId,
      villages: used.map((v) => ({ id: v._id, name: v.name })),
      villageIds: used.map((v) => v._id),
      total: people.length,
      chunks: chunks.length,
      cursor: 0,
      applied: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      codes: 0,
      repKept: 0,
    };
    try {
      await db.collection(ROSTER_IMPORTS).add({ data: doc });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const theirs = (await findById(ROSTER_IMPORTS, importId))!;
      return {
        importId,
        rows: theirs.total,
        problems: [],
        problemCount: 0,
        import: rosterImportView(theirs),
      };
    }
    await audit(
      db,
      {
        actorOpenid: ctx.openid,
        actorResidentId: actor.residentId,
        action: 'startRosterImport',
        target: `${ROSTER_IMPORTS}/${importId}`,
        details: { filename: input.filename, rows: people.length, villages: doc.villageIds },
      },
      at,
    );
    return { importId, rows: people.length, problems: [], problemCount: 0, import: rosterImportView(doc) };
  },
});
