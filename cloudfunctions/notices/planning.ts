import type { VillageDoc } from '../_shared/documents';
import { CHUNKS, NOTICES, RESIDENTS, VILLAGES } from '../_shared/collections';
import { PENDING_CODE } from '../../core/notices';
import { _, db } from '../_shared/cloud';
import { SCAN_PAGE, scanPages } from '../_shared/store';
import { chunkId, tuning, type ChunkDoc, type ChunkItem, type NoticeDoc } from './model';

/**
 * Planning a notice's delivery: `plan` writes the queue — the audience's residents, village by village, in
 * chunks — and moves the notice from `planning` to `sending`; `replanStale` takes over a notice whose planner
 * died. The chunks are then worked through by delivery.ts.
 */

export const allVillages = async (): Promise<VillageDoc[]> =>
  (await db.collection(VILLAGES).orderBy('order', 'asc').limit(SCAN_PAGE).get()).data as VillageDoc[];

/** Writes the queue of a notice in `planning` and moves it to `sending`. Returns false when it lost the plan lease. */
export async function plan(notice: NoticeDoc, owner: string, villages: VillageDoc[]): Promise<boolean> {
  const { chunkSize } = tuning();
  const a = notice.audience;
  const target =
    a.kind === 'town' || a.villageId === null ? villages : villages.filter((v) => v._id === a.villageId);
  const groupFilter = a.kind === 'group' ? { 'roles.groups': _.elemMatch({ group: a.group }) } : {};
  let seq = 0;
  let recipients = 0;
  const perVillage: NoticeDoc['villages'] = [];
  for (const village of target) {
    const items: ChunkItem[] = [];
    const residents = scanPages(
      RESIDENTS,
      { villageId: village._id, ...groupFilter },
      { projection: { name: true, household: true, openid: true } },
    );
    for await (const page of residents) {
      for (const r of page) items.push({ r: r._id, n: r.name, h: r.household, o: r.openid ?? null });
    }
    if (items.length === 0) continue;
    const docs: ChunkDoc[] = [];
    for (let i = 0; i < items.length; i += chunkSize) {
      const part = items.slice(i, i + chunkSize);
      docs.push({
        _id: chunkId(notice._id, seq++),
        noticeId: notice._id,
        seq: seq - 1,
        villageId: village._id,
        items: part,
        outcomes: PENDING_CODE.repeat(part.length),
        state: 'pending',
        lease: null,
        inFlight: null,
        doneAt: null,
      });
    }
    // A few chunks per request keeps each request well under the cloud's size limits.
    for (let i = 0; i < docs.length; i += 4) await db.collection(CHUNKS).add({ data: docs.slice(i, i + 4) });
    recipients += items.length;
    perVillage.push({
      villageId: village._id,
      villageName: village.name,
      households: new Set(items.map((x) => x.h)).size,
    });
  }
  const { stats } = await db
    .collection(NOTICES)
    .where({ _id: notice._id, status: 'planning', 'planLease.owner': owner })
    .update({
      data: {
        status: 'sending',
        planLease: null,
        chunkCount: seq,
        recipients,
        households: perVillage.reduce((n, v) => n + v.households, 0),
        villages: perVillage,
      },
    });
  return stats.updated === 1;
}

/** Takes over a notice whose planner died: its half-written queue is removed (nothing of it was sent) and re-planned. */
export async function replanStale(now: number, owner: string, leaseMs: number): Promise<void> {
  const { data } = await db
    .collection(NOTICES)
    .where({ status: 'planning', 'planLease.until': _.lt(new Date(now)) })
    .field({ body: false })
    .limit(10)
    .get();
  for (const stale of data as NoticeDoc[]) {
    const { stats } = await db
      .collection(NOTICES)
      .where({ _id: stale._id, status: 'planning', 'planLease.until': _.lt(new Date(now)) })
      .update({ data: { planLease: { owner, until: new Date(now + leaseMs) } } });
    if (stats.updated !== 1) continue;
    await db.collection(CHUNKS).where({ noticeId: stale._id }).remove();
    await plan(stale, owner, await allVillages());
  }
}
