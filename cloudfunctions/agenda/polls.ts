import { BALLOTS, ROLLS, TALLIES, VOTES } from '../_shared/collections';
import { createHash } from 'node:crypto';
import { computeOutcome, type Outcome } from '../../core/agenda';
import { db } from '../_shared/cloud';
import { findById } from '../_shared/store';
import { voteMarkerId, type PollDoc } from './model';

/**
 * The voting machinery. Eligibility is frozen when a poll opens into roll buckets (openid → residentId,
 * immutable, so instances cache them): bucket k holds the voters whose openid sorts from `rollBounds[k]` up to
 * the next bound, so opening writes each bucket once, a page of members at a time (opening.ts). A vote is one
 * transaction: a "voted" marker with a deterministic id (a second ballot fails on it), a ballot under the hash
 * of the voter's receipt, and an increment of one tally shard. Reading the tally sums the shards: one read,
 * however many ballots.
 */
export const TALLY_SHARDS = 64;

export function receiptHash(pollId: string, receipt: string): string {
  return createHash('sha256').update(`${pollId}:${receipt}`).digest('hex');
}

/** The bucket an openid falls in: the last bound not above it (bounds are sorted; the first is ''). */
export function bucketIndex(bounds: string[], openid: string): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= openid) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const rollCache = new Map<string, Record<string, string>>();

/** The caller's residentId if they are on the frozen roll, else null. Cached: a roll never changes. */
export async function rollEntry(poll: PollDoc, openid: string): Promise<string | null> {
  if ((poll.status !== 'open' && poll.status !== 'closed') || !poll.rollBounds?.length) return null;
  const id = `${poll._id}_${bucketIndex(poll.rollBounds, openid)}`;
  let entries = rollCache.get(id);
  if (!entries) {
    const roll = await findById(ROLLS, id);
    entries = (roll?.entries as Record<string, string> | undefined) ?? {};
    if (rollCache.size > 2000) rollCache.clear();
    rollCache.set(id, entries);
  }
  return Object.hasOwn(entries, openid) ? entries[openid]! : null;
}

/** Current counters: one query over the poll's shards. */
export async function readTally(poll: PollDoc): Promise<{ cast: number; counts: Record<string, number> }> {
  if (poll.result) return poll.result;
  const { data } = await db.collection(TALLIES).where({ pollId: poll._id }).limit(1000).get();
  const counts: Record<string, number> = {};
  let cast = 0;
  for (const shard of data) {
    cast += (shard.cast as number) ?? 0;
    for (const [k, v] of Object.entries((shard.counts as Record<string, number>) ?? {}))
      counts[k] = (counts[k] ?? 0) + v;
  }
  return { cast, counts };
}

export function outcomeOf(poll: PollDoc, tally: { cast: number; counts: Record<string, number> }): Outcome {
  return computeOutcome(poll, poll.eligibleCount, tally.cast, tally.counts);
}

/** The ballot filed under a receipt's hash in this poll, or null: one read. */
export async function findBallot(pollId: string, hash: string): Promise<{ choices: string[] } | null> {
  const { data } = await db.collection(BALLOTS).where({ _id: hash, pollId }).get();
  return (data[0] as { choices: string[] } | undefined) ?? null;
}

export async function hasVoted(pollId: string, residentId: string): Promise<boolean> {
  return (await findById(VOTES, voteMarkerId(pollId, residentId))) !== null;
}
