import type { ResidentDoc } from '../_shared/documents';
import { CLAIM_CODES, RESIDENTS, ROSTER_CHUNKS, ROSTER_IMPORTS } from '../_shared/collections';
import { CLAIM_SHEET_TTL_DAYS } from '../../core/members/imports';
import { NO_ROLES } from '../../core/roles';
import { DAY_MS } from '../../core/time';
import { _, db } from '../_shared/cloud';
import { isDuplicateKey } from '../_shared/errors';
import { derivedId } from '../_shared/ids';
import { findById } from '../_shared/store';
import {
  importedResidentId,
  rosterChunkId,
  type ClaimCodeDoc,
  type RosterChunkDoc,
  type RosterImportDoc,
} from './model';
import { sheetCode, sheetSecret } from './sheet-codes';

/**
 * Applying one staged chunk of a 村民名册 import: reads in batches (`_id in [...]`), inserts new records by one
 * multi-document add, updates only the records whose fields differ, and gives every resident not yet bound a
 * claim-sheet code (sheet-codes.ts). Applying the same chunk again (a crash between the writes and the cursor's
 * advance, or two runs at once) finds its own writes and changes nothing: records have deterministic ids, codes
 * are derived, and the cursor advances with the counters in one conditional update.
 */

type Row = RosterChunkDoc['rows'][number];
/** The fields an import writes besides ResidentDoc's (村民小组 and the ID tail). */
type Resident = ResidentDoc & { idTail?: string | null; importId?: string };

export interface ChunkCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  codes: number;
  repKept: number;
}

const key = (villageId: string, household: string, name: string) =>
  `${villageId}\u0000${household}\u0000${name}`;

/** Every document matching `where` and `field in values` (values ≤ 1000), a page at a time in `_id` order. */
async function readIn<T>(collection: string, field: string, values: string[], where: object = {}) {
  const out: T[] = [];
  let after = '';
  for (;;) {
    const { data } = await db
      .collection(collection)
      .where({ ...where, [field]: _.in(values), ...(after ? { _id: _.gt(after) } : {}) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get();
    out.push(...(data as T[]));
    if (data.length < 1000) return out;
    after = String(data.at(-1)!._id);
  }
}

/** Adds the documents in one request; where some exist already (a repeated chunk), adds the others one by one. */
async function addAll(collection: string, docs: { _id: string }[], same: (existing: unknown) => boolean) {
  if (!docs.length) return 0;
  try {
    await db.collection(collection).add({ data: docs as never });
    return docs.length;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
  let added = 0;
  for (const doc of docs) {
    try {
      await db.collection(collection).add({ data: doc });
      added += 1;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      if (!same(await findById(collection as typeof RESIDENTS, doc._id))) throw e;
    }
  }
  return added;
}

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += limit) await Promise.all(items.slice(i, i + limit).map(run));
}

/** The changes the file makes to an existing record (empty when none). */
function changes(row: Row, r: Resident, counts: ChunkCounts): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if ((r.teamId ?? null) !== row.teamId) patch.teamId = row.teamId;
  if (row.phoneMasked && r.phoneMasked !== row.phoneMasked) patch.phoneMasked = row.phoneMasked;
  if (row.idTail && (r.idTail ?? null) !== row.idTail) patch.idTail = row.idTail;
  if (r.roles.rep !== row.rep) {
    // A bound resident's roles are copied into their member record: they change in 身份管理 (setRoles) only.
    if (r.openid) counts.repKept += 1;
    else patch['roles.rep'] = row.rep;
  }
  return patch;
}

export async function applyChunk(imp: RosterImportDoc, chunk: RosterChunkDoc, now: number) {
  const counts: ChunkCounts = { inserted: 0, updated: 0, unchanged: 0, codes: 0, repKept: 0 };
  const at = new Date(now);
  const ids = chunk.rows.map((r) => importedResidentId(r.villageId, r.household, r.name));
  const byId = new Map((await readIn<Resident>(RESIDENTS, '_id', ids)).map((r) => [r._id, r]));
  // Records made before imports (by request, by an admin, the seed): the same village, household and name.
  const legacy = new Map<string, Resident>();
  const missing = chunk.rows.filter((_r, i) => !byId.has(ids[i]!));
  if (missing.length) {
    const villages = [...new Set(missing.map((r) => r.villageId))];
    const names = [...new Set(missing.map((r) => r.name))];
    // Imported records are found by id above; only the others (few) can be matched by name here.
    const others = { villageId: _.in(villages), source: _.neq('import') };
    for (const r of await readIn<Resident>(RESIDENTS, 'name', names, others)) {
      const k = key(r.villageId, r.household, r.name);
      if (!legacy.has(k) || r.openid) legacy.set(k, r);
    }
  }
  const townId = imp.townId;
  const inserts: Resident[] = [];
  const updates: [string, Record<string, unknown>][] = [];
  const unbound: { residentId: string; villageId: string }[] = [];
  chunk.rows.forEach((row, i) => {
    const existing = byId.get(ids[i]!) ?? legacy.get(key(row.villageId, row.household, row.name));
    if (!existing) {
      inserts.push({
        _id: ids[i]!,
        townId,
        villageId: row.villageId,
        teamId: row.teamId,
        name: row.name,
        household: row.household,
        phoneMasked: row.phoneMasked,
        idTail: row.idTail,
        openid: null,
        roles: { ...NO_ROLES, rep: row.rep },
        source: 'import',
        importId: imp._id,
        createdAt: at,
        updatedAt: at,
      });
      unbound.push({ residentId: ids[i]!, villageId: row.villageId });
      return;
    }
    const patch = changes(row, existing, counts);
    if (Object.keys(patch).length) updates.push([existing._id, patch]);
    else counts.unchanged += 1;
    if (!existing.openid) unbound.push({ residentId: existing._id, villageId: existing.villageId });
  });
  counts.inserted = await addAll(RESIDENTS, inserts, (e) => !!e);
  counts.unchanged += inserts.length - counts.inserted;
  await inParallel(updates, 10, ([id, patch]) =>
    db
      .collection(RESIDENTS)
      .doc(id)
      .update({ data: { ...patch, updatedAt: at } }),
  );
  counts.updated = updates.length;
  counts.codes = await issueSheetCodes(imp, unbound, now);
  return counts;
}

/** A live claim-sheet code for each resident without a live code (any code: one issued by hand counts). */
async function issueSheetCodes(
  imp: RosterImportDoc,
  residents: { residentId: string; villageId: string }[],
  now: number,
): Promise<number> {
  if (!residents.length) return 0;
  const live = await readIn<ClaimCodeDoc>(
    CLAIM_CODES,
    'residentId',
    residents.map((r) => r.residentId),
    { usedAt: null, revokedAt: null, expiresAt: _.gt(new Date(now)) },
  );
  const covered = new Set(live.map((c) => c.residentId));
  let wanted = residents.filter((r) => !covered.has(r.residentId));
  const secret = await sheetSecret();
  const docs: ClaimCodeDoc[] = [];
  // A code equal to another's (8 digits, tens of thousands of residents: a few per town) takes the next nonce.
  for (let attempt = 0; wanted.length && attempt < 6; attempt++) {
    const drafts = wanted.map((r) => {
      const nonce = `${imp._id}.${attempt}`;
      return { r, nonce, id: derivedId('claim', sheetCode(secret, r.residentId, nonce)) };
    });
    const ids = drafts.map((d) => d.id);
    const taken = new Map(
      (await readIn<ClaimCodeDoc>(CLAIM_CODES, '_id', ids)).map((c) => [c._id, c.residentId]),
    );
    const seen = new Set<string>();
    const retry: typeof wanted = [];
    for (const d of drafts) {
      if (taken.has(d.id) || seen.has(d.id)) {
        if (taken.get(d.id) !== d.r.residentId) retry.push(d.r);
        continue;
      }
      seen.add(d.id);
      docs.push({
        _id: d.id,
        residentId: d.r.residentId,
        villageId: d.r.villageId,
        issuedBy: imp.startedBy,
        issuedAt: new Date(now),
        expiresAt: new Date(now + CLAIM_SHEET_TTL_DAYS * DAY_MS),
        usedAt: null,
        usedBy: null,
        revokedAt: null,
        nonce: d.nonce,
      });
    }
    wanted = retry;
  }
  return addAll(
    CLAIM_CODES,
    docs,
    (e) => !!e && docs.some((d) => d.residentId === (e as ClaimCodeDoc).residentId),
  );
}

/**
 * Applies chunks of the import until it is done or the deadline passes (at least one chunk per call).
 * Returns the import as it stands.
 */
export async function applyUntil(importId: string, deadline: number, now: () => number) {
  let imp = await findById(ROSTER_IMPORTS, importId);
  let first = true;
  while (imp && imp.status === 'applying' && (first || Date.now() < deadline)) {
    first = false;
    const chunk = await findById(ROSTER_CHUNKS, rosterChunkId(imp._id, imp.cursor));
    if (!chunk) throw new Error(`chunk ${imp.cursor} of ${imp._id} is missing`);
    const counts = await applyChunk(imp, chunk, now());
    const cursor = imp.cursor + 1;
    const done = cursor >= imp.chunks;
    const at = new Date(now());
    // Only the run that moves the cursor from this chunk counts it: a second run's counts are dropped.
    await db
      .collection(ROSTER_IMPORTS)
      .where({ _id: imp._id, cursor: imp.cursor })
      .update({
        data: {
          cursor,
          applied: _.inc(chunk.rows.length),
          inserted: _.inc(counts.inserted),
          updated: _.inc(counts.updated),
          unchanged: _.inc(counts.unchanged),
          codes: _.inc(counts.codes),
          repKept: _.inc(counts.repKept),
          touchedAt: at,
          ...(done ? { status: 'done', doneAt: at } : {}),
        },
      });
    imp = await findById(ROSTER_IMPORTS, imp._id);
  }
  return imp;
}
