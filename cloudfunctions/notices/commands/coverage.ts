import { CHUNKS, HOUSEHOLD_READS, NOTICES } from '../../_shared/collections';
import {
  addOutcomes,
  emptyCounts,
  outcomeOf,
  villageKeys,
  DELIVERY_LABELS,
  type UnreadHousehold,
} from '../../../core/notices';
import { toCsv } from '../../../core/csv';
import { inShanghai } from '../../../core/time';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { decodeCursor, encodeCursor } from '../../_shared/cursor';
import { AppError } from '../../_shared/errors';
import { requireOverseen, sentSummaryOf } from '../access';
import { type ChunkDoc, type NoticeDoc } from '../model';

const PAGE_SIZE = 20;
/** Chunk documents per read: each holds up to 500 recipients, so a few keep a read well under 1 MB. */
const CHUNKS_PER_READ = 20;

/** Households that read each notice, per village: one aggregation. */
async function readCounts(noticeIds: string[], byVillage: boolean): Promise<Map<string, number>> {
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

/**
 * 已发通知: what the caller sent, and (admins) every notice to the villages they oversee, newest first, with
 * how many households have read each. Three reads per page. ok: a page
 */
export const sent = defineCommand('notices', 'sent', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const limit = input.limit ?? PAGE_SIZE;
    // Town admins see every notice; village admins theirs and those to their village; leaders their own.
    const mine = member.roles.townAdmin
      ? null
      : member.roles.villageAdmin
        ? _.or([{ 'sender.openid': ctx.openid }, { audienceKey: _.in(villageKeys(member.villageId)) }])
        : { 'sender.openid': ctx.openid };
    const after = input.cursor ? decodeCursor(input.cursor) : null;
    const page = after
      ? _.or([
          { createdAt: _.lt(new Date(after.at)) },
          { createdAt: _.eq(new Date(after.at)), _id: _.lt(after.id) },
        ])
      : null;
    const conditions = [mine, page].filter((c) => c !== null);
    const { data } = await db
      .collection(NOTICES)
      .where(conditions.length === 2 ? _.and(conditions) : (conditions[0] ?? {}))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .field({ body: false, villages: false })
      .limit(limit + 1)
      .get();
    const notices = (data as NoticeDoc[]).slice(0, limit);
    const reads = await readCounts(
      notices.map((n) => n._id),
      false,
    );
    const last = notices[notices.length - 1];
    return {
      notices: notices.map((n) => sentSummaryOf(n, reads.get(n._id) ?? 0)),
      nextCursor:
        data.length > limit && last ? encodeCursor(new Date(last.createdAt).getTime(), last._id) : null,
    };
  },
});

/** A notice's chunks (optionally one village's), read in pages: the fields asked for only. */
async function chunksOf(
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

/**
 * 送达情况: who the notice reached — subscribe messages sent, refused, failed, not subscribed, no WeChat —
 * and, per village, how many households have read it. The sender, town admins and the village's admins.
 * Three reads (more for a town-wide notice: its chunks are read 20 at a time).
 * ok: the coverage · invalid: NOT_FOUND, FORBIDDEN
 */
export const coverage = defineCommand('notices', 'coverage', {
  async run(ctx, input) {
    const notice = await requireOverseen(input.noticeId, (await ctx.member())!);
    const [chunks, reads] = await Promise.all([
      chunksOf(notice._id, null, { outcomes: true }),
      readCounts([notice._id], true),
    ]);
    const delivery = chunks.reduce((c, ch) => addOutcomes(c, ch.outcomes), emptyCounts());
    const readHouseholds = [...reads.values()].reduce((a, b) => a + b, 0);
    return {
      notice: sentSummaryOf(notice, readHouseholds),
      recipients: notice.recipients,
      delivery,
      villages: notice.villages.map((v) => ({ ...v, readHouseholds: reads.get(v.villageId) ?? 0 })),
    };
  },
});

/** The households of a village (or all) that nobody has opened the notice in, with each member's delivery. */
async function unreadOf(notice: NoticeDoc, villageId: string | null) {
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

async function readHouseholdsOf(noticeId: string, villageId: string | null): Promise<Set<string>> {
  const keys = new Set<string>();
  let last = '';
  for (;;) {
    const { data } = await db
      .collection(HOUSEHOLD_READS)
      .where({ noticeId, ...(villageId ? { villageId } : {}), _id: _.gt(last) })
      .orderBy('_id', 'asc')
      .field({ villageId: true, household: true })
      .limit(1000)
      .get();
    for (const d of data) keys.add(`${d.villageId as string}:${d.household as string}`);
    if (data.length < 1000) return keys;
    last = data[data.length - 1]!._id as string;
  }
}

/**
 * 未读户: a village's households where nobody has opened the notice, for the grid workers to visit — with
 * each member's name, whether they have WeChat, and what happened to their reminder.
 * ok: the households · invalid: NOT_FOUND, FORBIDDEN, INVALID_INPUT (the village got no copy)
 */
export const unreadHouseholds = defineCommand('notices', 'unreadHouseholds', {
  async run(ctx, input) {
    const notice = await requireOverseen(input.noticeId, (await ctx.member())!);
    const village = notice.villages.find((v) => v.villageId === input.villageId);
    if (!village) throw new AppError('INVALID_INPUT', '这条通知没有发到这个村（社区）');
    const households = await unreadOf(notice, input.villageId);
    return {
      villageName: village.villageName,
      households: households.map(({ household, members }) => ({ household, members })),
    };
  },
});

/**
 * 导出未读户 (CSV, for Excel or WPS): every household that has not read, village by village, with its
 * members and reminder outcomes. ok: file name and text · invalid: NOT_FOUND, FORBIDDEN
 */
export const exportUnread = defineCommand('notices', 'exportUnread', {
  async run(ctx, input) {
    const notice = await requireOverseen(input.noticeId, (await ctx.member())!);
    const names = new Map(notice.villages.map((v) => [v.villageId, v.villageName]));
    const households = await unreadOf(notice, null);
    const rows = households.map((h) => [
      names.get(h.villageId) ?? h.villageId,
      h.household,
      h.members.map((m) => m.name).join('、'),
      h.members.some((m) => m.bound) ? '是' : '否',
      h.members.map((m) => `${m.name}：${DELIVERY_LABELS[m.delivery]}`).join('；'),
    ]);
    const csv = toCsv(['村（社区）', '户', '家庭成员', '有人绑定微信', '提醒推送情况'], rows);
    const day = inShanghai(new Date(notice.createdAt).getTime()).format('YYYYMMDD');
    return {
      filename: `未读户_${notice.title}_${day}.csv`.replace(/[\\/:*?"<>|\s]/g, ''),
      csv,
      rows: rows.length,
    };
  },
});
