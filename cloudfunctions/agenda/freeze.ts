import { createHash } from 'node:crypto';
import { BALLOTS, POLLS } from '../_shared/collections';
import { envMs } from '../_shared/runtime';
import { DIGEST_BLOCK, digestBlockText, FINALIZE_GRACE_MS } from '../../core/agenda';
import { _, db } from '../_shared/cloud';
import { findById } from '../_shared/store';
import type { AuditProgress, PollDoc } from './model';
import { readTally } from './polls';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Tests may shorten the wait before a closed poll is frozen (FINALIZE_GRACE_MS in the function's environment). */
export function graceMs(): number {
  return envMs('FINALIZE_GRACE_MS', FINALIZE_GRACE_MS);
}

export function isDue(poll: PollDoc, now: number, grace = graceMs()): boolean {
  return poll.status === 'open' && now >= new Date(poll.closesAt).getTime() + grace;
}

/**
 * Freezes the result once no vote can still land (closesAt + grace), in O(1) reads: the counters are the
 * result (each vote's transaction moved its counter with its ballot). The ballots are then checked against
 * them and digested a block at a time (auditUntil): at once for a poll of up to one block, which is a
 * village's, else by the timer (sweep.ts). Idempotent; safe to call from any read.
 */
export async function finalizeIfDue(poll: PollDoc, now: number, grace = graceMs()): Promise<PollDoc> {
  if (!isDue(poll, now, grace)) return poll;
  const result = await readTally(poll);
  const audit: AuditProgress = { after: '', cast: 0, counts: {}, chain: null };
  const finalizedAt = new Date(now);
  const { stats } = await db
    .collection(POLLS)
    .where({ _id: poll._id, status: 'open' })
    .update({
      data: { status: 'closed', result: _.set(result), digest: null, audit: _.set(audit), finalizedAt },
    });
  const frozen: PollDoc | null =
    stats.updated > 0
      ? { ...poll, status: 'closed', result, digest: null, audit, finalizedAt }
      : await findById(POLLS, poll._id); // another read froze it first
  if (!frozen) return poll;
  // Up to one block: its read, and for exactly a block the empty read after it — two reads at most.
  return frozen.audit && result.cast <= DIGEST_BLOCK ? auditUntil(frozen, Infinity, 2) : frozen;
}

const sameCounts = (a: Record<string, number>, b: Record<string, number>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
};

/**
 * Checks and digests a frozen poll's ballots a block at a time (one read and one write each) until done,
 * `deadline` (at least one block) or `maxBlocks`. Progress is saved after each block, so a crash resumes at the
 * next one, and two runs at once advance it once (each write expects the position it started from). Should the
 * ballots disagree with the counters (a defect, never expected), the ballots are the result, and the log says so.
 */
export async function auditUntil(start: PollDoc, deadline: number, maxBlocks = Infinity): Promise<PollDoc> {
  let poll: PollDoc | null = start;
  for (let blocks = 0; poll?.audit && blocks < maxBlocks; blocks++) {
    const { after, cast, counts, chain } = poll.audit;
    const { data } = await db
      .collection(BALLOTS)
      .where({ pollId: poll._id, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(DIGEST_BLOCK)
      .get();
    const block = data.map((b) => ({ receiptHash: b._id as string, choices: b.choices as string[] }));
    const next: AuditProgress = {
      after: block.at(-1)?.receiptHash ?? after,
      cast: cast + block.length,
      counts: { ...counts },
      chain: block.length > 0 ? sha256(digestBlockText(chain, block)) : chain,
    };
    for (const b of block) for (const c of b.choices) next.counts[c] = (next.counts[c] ?? 0) + 1;
    const last = block.length < DIGEST_BLOCK;
    let update: Partial<PollDoc>;
    if (last) {
      let result = poll.result!;
      if (result.cast !== next.cast || !sameCounts(result.counts, next.counts)) {
        console.error(
          `[agenda] poll ${poll._id}: counters say ${result.cast} ballots, the ballots are ${next.cast}; using the ballots`,
        );
        result = { cast: next.cast, counts: next.counts };
      }
      update = { result, digest: next.chain ?? sha256(''), audit: null };
    } else {
      update = { audit: next };
    }
    const { stats } = await db
      .collection(POLLS)
      .where({ _id: poll._id, 'audit.after': after })
      .update({
        data: {
          ...update,
          ...(update.result ? { result: _.set(update.result) } : {}),
          ...(update.audit ? { audit: _.set(update.audit) } : {}),
        },
      });
    if (stats.updated === 0) {
      poll = await findById(POLLS, poll._id); // another run moved it on
      continue;
    }
    poll = { ...poll, ...update };
    if (Date.now() >= deadline) break;
  }
  return poll ?? start;
}
