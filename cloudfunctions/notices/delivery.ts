import { CHUNKS, NOTICES, SUBSCRIPTIONS } from '../_shared/collections';
import { DELIVERY_CODES, PENDING_CODE, noticeMessageData, type DeliveryOutcome } from '../../core/notices';
import { _, cloud, db } from '../_shared/cloud';
import { newId } from '../_shared/ids';
import { findById, SCAN_PAGE } from '../_shared/store';
import { noticeTemplateId, tuning, type ChunkDoc, type NoticeDoc } from './model';
import { replanStale } from './planning';

/**
 * Delivery of a notice's subscribe messages in resumable batches, at most once per recipient.
 *
 * `plan` (planning.ts) writes the queue: the audience's residents, village by village, in chunks. `drain` processes chunks:
 * it takes a chunk with a lease (a conditional update, so two runs never hold the same chunk), and for each
 * batch of recipients it first records the batch as in flight, consumes one recorded grant of those who have
 * one, sends, then records each outcome. A run that dies (timeout, crash) leaves its lease to expire; the next
 * run marks whatever was in flight as failed — never sent again — and carries on with the rest. Residents with
 * no WeChat account or no grant get no message, and their outcome says so.
 */

interface RunState {
  owner: string;
  now: number;
  deadline: number;
  chunks: number;
}

/**
 * Works through queued chunks until none is left or the time budget is spent. `noticeId` limits the run to
 * one notice (the push itself). Returns how many chunks this run finished and whether no work is left.
 */
export async function drain(
  now: number,
  budgetMs: number,
  noticeId?: string,
): Promise<{ chunks: number; done: boolean }> {
  const { leaseMs } = tuning();
  const run: RunState = { owner: newId('run'), now, deadline: Date.now() + budgetMs, chunks: 0 };
  if (!noticeId) await replanStale(now, run.owner, leaseMs);
  const { data } = await db
    .collection(NOTICES)
    .where(noticeId ? { _id: noticeId, status: 'sending' } : { status: 'sending' })
    .orderBy('createdAt', 'asc')
    .field({ body: false })
    .limit(20)
    .get();
  let done = true;
  for (const notice of data as NoticeDoc[]) {
    if (!(await drainNotice(notice, run, leaseMs))) done = false;
    if (Date.now() >= run.deadline) break;
  }
  if (!noticeId && data.length === 20) done = false;
  return { chunks: run.chunks, done };
}

/** Returns true when the notice has no chunk left to process. */
async function drainNotice(notice: NoticeDoc, run: RunState, leaseMs: number): Promise<boolean> {
  for (;;) {
    if (Date.now() >= run.deadline) return false;
    const { data } = await db
      .collection(CHUNKS)
      .where(
        _.or([
          { noticeId: notice._id, state: 'pending' },
          { noticeId: notice._id, state: 'working', 'lease.until': _.lt(new Date(run.now)) },
        ]),
      )
      .orderBy('seq', 'asc')
      .field({ _id: true, state: true, lease: true })
      .limit(8)
      .get();
    if (data.length === 0) return finishIfDone(notice, run.now);
    let took = false;
    for (const candidate of data) {
      if (Date.now() >= run.deadline) return false;
      const chunk = await claim(candidate as Pick<ChunkDoc, '_id' | 'state' | 'lease'>, run, leaseMs);
      if (!chunk) continue;
      took = true;
      if (await processChunk(chunk, notice, run.owner)) run.chunks += 1;
    }
    // Every candidate was taken by another run between our read and our claim: look again.
    if (!took) continue;
  }
}

/** A conditional update on the chunk as we saw it: only one run can win it. Then one read of the whole chunk. */
async function claim(
  seen: Pick<ChunkDoc, '_id' | 'state' | 'lease'>,
  run: RunState,
  leaseMs: number,
): Promise<ChunkDoc | null> {
  const condition =
    seen.state === 'pending'
      ? { _id: seen._id, state: 'pending' }
      : { _id: seen._id, state: 'working', 'lease.owner': seen.lease?.owner ?? '' };
  const { stats } = await db
    .collection(CHUNKS)
    .where(condition)
    .update({ data: { state: 'working', lease: { owner: run.owner, until: new Date(run.now + leaseMs) } } });
  if (stats.updated !== 1) return null;
  return findById(CHUNKS, seen._id);
}

/** Sends one chunk's messages in batches. Returns false if the lease was lost (another run took over). */
async function processChunk(chunk: ChunkDoc, notice: NoticeDoc, owner: string): Promise<boolean> {
  const { batchSize, sendConcurrency, miniprogramState } = tuning();
  // The configured template (model.ts); its grants are subscriptions' `grants.<templateId>`.
  const templateId = noticeTemplateId();
  const grantField = `grants.${templateId}`;
  const out = chunk.outcomes.split('');
  // The previous holder died while these were in flight: they may have been sent, so they are never retried.
  if (chunk.inFlight) {
    for (let i = chunk.inFlight.from; i < chunk.inFlight.to; i++) {
      if (out[i] === PENDING_CODE) out[i] = DELIVERY_CODES.failed;
    }
  }
  const mine = { _id: chunk._id, 'lease.owner': owner };
  const record = async (data: Record<string, unknown>) =>
    (await db.collection(CHUNKS).where(mine).update({ data })).stats.updated === 1;
  const message = {
    templateId,
    page: `packages/notices/pages/detail/index?id=${notice._id}`,
    data: noticeMessageData({
      title: notice.title,
      senderLabel: notice.sender.label,
      createdAt: new Date(notice.createdAt).getTime(),
      urgency: notice.urgency,
    }),
    miniprogramState,
  };

  for (let from = 0; from < out.length; from += batchSize) {
    const to = Math.min(from + batchSize, out.length);
    const todo: number[] = [];
    for (let i = from; i < to; i++) if (out[i] === PENDING_CODE) todo.push(i);
    if (todo.length === 0) continue;
    const withAccount = todo.filter((i) => chunk.items[i]!.o);
    for (const i of todo) if (!chunk.items[i]!.o) out[i] = DELIVERY_CODES.unbound;
    const grants = await grantsOf(withAccount.map((i) => chunk.items[i]!.o!));
    const toSend = withAccount.filter((i) => (grants.get(chunk.items[i]!.o!) ?? 0) > 0);
    for (const i of withAccount) if (!toSend.includes(i)) out[i] = DELIVERY_CODES.noGrant;

    // Before anything leaves: the batch is in flight, and the grants it uses are consumed.
    if (!(await record({ outcomes: out.join(''), inFlight: { from, to } }))) return false;
    if (toSend.length) {
      await db
        .collection(SUBSCRIPTIONS)
        .where({ _id: _.in(toSend.map((i) => chunk.items[i]!.o!)), [grantField]: _.gt(0) })
        .update({ data: { [grantField]: _.inc(-1) } });
    }
    await forEachLimited(toSend, sendConcurrency, async (i) => {
      out[i] = await send({ ...message, touser: chunk.items[i]!.o! });
    });
    if (!(await record({ outcomes: out.join(''), inFlight: null }))) return false;
  }
  return record({ outcomes: out.join(''), inFlight: null, state: 'done', lease: null, doneAt: new Date() });
}

type Code = (typeof DELIVERY_CODES)[DeliveryOutcome];

async function send(message: Record<string, unknown>): Promise<Code> {
  try {
    await cloud.openapi.subscribeMessage.send(message);
    return DELIVERY_CODES.sent;
  } catch (e) {
    const code = (e as { errCode?: number }).errCode;
    if (code === 43101) return DELIVERY_CODES.refused;
    console.warn(
      `[notices] subscribe message to ${String(message.touser)} failed`,
      code,
      (e as Error).message,
    );
    return DELIVERY_CODES.failed;
  }
}

/** Reminders a member has left for the notice template (the inbox shows them): one read. */
export async function grantsLeft(openid: string): Promise<number> {
  return (await grantsOf([openid])).get(openid) ?? 0;
}

/** Grants left for the notice template, for up to one batch of openids: one read. */
async function grantsOf(openids: string[]): Promise<Map<string, number>> {
  const templateId = noticeTemplateId();
  // Not configured: nobody has a grant, so nothing is sent.
  if (openids.length === 0 || !templateId) return new Map();
  const { data } = await db
    .collection(SUBSCRIPTIONS)
    .where({ _id: _.in(openids) })
    .field({ _id: true, grants: true })
    .limit(SCAN_PAGE)
    .get();
  return new Map(
    data.map((d) => [
      d._id as string,
      Number((d.grants as Record<string, number> | undefined)?.[templateId] ?? 0),
    ]),
  );
}

async function finishIfDone(notice: NoticeDoc, now: number): Promise<boolean> {
  const { total } = await db
    .collection(CHUNKS)
    .where({ noticeId: notice._id, state: _.neq('done') })
    .count();
  if (total > 0) return false;
  await db
    .collection(NOTICES)
    .where({ _id: notice._id, status: 'sending' })
    .update({ data: { status: 'sent', sentAt: new Date(now) } });
  return true;
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
