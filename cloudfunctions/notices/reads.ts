import type { MemberDoc } from '../_shared/documents';
import { HOUSEHOLD_READS, NOTICE_READS } from '../_shared/collections';
import { _, db } from '../_shared/cloud';
import { isDuplicateKey } from '../_shared/errors';
import { findById, scanPages } from '../_shared/store';
import { householdReadId, readId, type NoticeDoc } from './model';

/**
 * Read receipts: one per member who opened a notice (`noticeReads`), and one per household, the first time
 * anyone of it did (`noticeHouseholdReads`, what coverage counts).
 */

/** Which of these notices the member has opened: one read. */
export async function readSet(openid: string, noticeIds: string[]): Promise<Set<string>> {
  if (noticeIds.length === 0) return new Set();
  const { data } = await db
    .collection(NOTICE_READS)
    .where({ _id: _.in(noticeIds.map((id) => readId(id, openid))) })
    .field({ noticeId: true })
    .limit(1000)
    .get();
  return new Set(data.map((d) => d.noticeId as string));
}

/** Households that read each notice (or, `byVillage`, per village): one aggregation. */
export async function readCounts(noticeIds: string[], byVillage: boolean): Promise<Map<string, number>> {
  if (noticeIds.length === 0) return new Map();
  const { list } = await db
    .collection(HOUSEHOLD_READS)
    .aggregate()
    .match({ noticeId: _.in(noticeIds) })
    .group({ _id: byVillage ? '$villageId' : '$noticeId', n: { $sum: 1 } })
    .limit(1000)
    .end();
  return new Map((list as { _id: string; n: number }[]).map((r) => [r._id, r.n]));
}

/** The households (`<villageId>:<household>`) of a village, or all, that read the notice. */
export async function readHouseholdsOf(noticeId: string, villageId: string | null): Promise<Set<string>> {
  const keys = new Set<string>();
  const where = { noticeId, ...(villageId ? { villageId } : {}) };
  for await (const page of scanPages(HOUSEHOLD_READS, where, {
    projection: { villageId: true, household: true },
  })) {
    for (const d of page) keys.add(`${d.villageId as string}:${d.household as string}`);
  }
  return keys;
}

/** Household first, then the member: a crash between the two leaves the member unread, and the next open completes it. */
export async function markRead(notice: NoticeDoc, member: MemberDoc, now: number): Promise<void> {
  const at = new Date(now);
  if (await findById(NOTICE_READS, readId(notice._id, member._id), { _id: true })) return;
  await addOnce(HOUSEHOLD_READS, {
    _id: householdReadId(notice._id, member.villageId, member.household),
    noticeId: notice._id,
    villageId: member.villageId,
    household: member.household,
    readerName: member.name,
    at,
  });
  await addOnce(NOTICE_READS, {
    _id: readId(notice._id, member._id),
    noticeId: notice._id,
    openid: member._id,
    at,
  });
}

async function addOnce(collection: string, doc: Record<string, unknown>): Promise<void> {
  try {
    await db.collection(collection).add({ data: doc });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
}
