import { CHUNKS } from '../_shared/collections';
import { outcomeOf, type UnreadHousehold } from '../../core/notices';
import { _, db } from '../_shared/cloud';
import { type ChunkDoc, type NoticeDoc } from './model';
import { readHouseholdsOf } from './reads';

/** Who a notice reached, from its delivery queue (the chunks) and the household read receipts. */

/** Chunk documents per read: each holds up to 500 recipients, so a few keep a read well under 1 MB. */
const CHUNKS_PER_READ = 20;

/** A notice's chunks (optionally one village's), read in pages: the fields asked for only. */
export async function chunksOf(
  noticeId: string,
  villageId: string | null,
  fields: Record<string, boolean>,
): Promise<ChunkDoc[]> {
  const out: ChunkDoc[] = [];
  for (;;) {
    const { data } = await db
      .collection(CHUNKS)
      .where({
        noticeId,
        ...(villageId ? { villageId } : {}),
        seq: _.gte(out.length ? out[out.length - 1]!.seq + 1 : 0),
      })
      .orderBy('seq', 'asc')
      .field({ seq: true, ...fields })
      .limit(CHUNKS_PER_READ)
      .get();
    out.push(...(data as ChunkDoc[]));
    if (data.length < CHUNKS_PER_READ) return out;
  }
}

/** The households of a village (or all) that nobody has opened the notice in, with each member's delivery. */
export async function unreadOf(notice: NoticeDoc, villageId: string | null) {
  const [chunks, read] = await Promise.all([
    chunksOf(notice._id, villageId, { villageId: true, items: true, outcomes: true }),
    readHouseholdsOf(notice._id, villageId),
  ]);
  const households = new Map<string, UnreadHousehold & { villageId: string }>();
  for (const chunk of chunks) {
    chunk.items.forEach((item, i) => {
      const key = `${chunk.villageId}:${item.h}`;
      if (read.has(key)) return;
      let h = households.get(key);
      if (!h) households.set(key, (h = { villageId: chunk.villageId, household: item.h, members: [] }));
      h.members.push({ name: item.n, bound: item.o !== null, delivery: outcomeOf(chunk.outcomes[i] ?? '.') });
    });
  }
  return [...households.values()].sort(
    (a, b) => a.villageId.localeCompare(b.villageId) || a.household.localeCompare(b.household, 'zh'),
  );
}
