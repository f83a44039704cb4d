import type { MemberDoc } from '../_shared/documents';
import { BALLOTS, MEMBERS, POLLS, ROLLS, TALLIES, VOTES } from '../_shared/collections';
import { envMs } from '../_shared/runtime';
import { createHash } from 'node:crypto';
import { computeOutcome, FINALIZE_GRACE_MS, tallyDigestText, type Outcome } from '../../core/agenda';
import { _, db } from '../_shared/cloud';
import { findById, scanAll } from '../_shared/store';
import { voteMarkerId, type PollDoc } from './model';

/**
 * The voting machinery. Eligibility is frozen when a poll opens into roll buckets (openid → residentId,
 * immutable, so instances cache them). A vote is one transaction: a "voted" marker with a deterministic id
 * (a second ballot fails on it), a ballot under the hash of the voter's receipt, and an increment of one
 * tally shard. Reading the tally sums the shards: one read, however many ballots.
 */
export const ROLL_BUCKET_SIZE = 400;
export const TALLY_SHARDS = 64;

export function bucketOf(openid: string, buckets: number): number {
  return createHash('sha256').update(openid).digest().readUInt32BE(0) % buckets;
}

export function receiptHash(pollId: string, receipt: string): string {
  return createHash('sha256').update(`${pollId}:${receipt}`).digest('hex');
}

const rollCache = new Map<string, Record<string, string>>();

/** The caller's residentId if they are on the frozen roll, else null. Cached: a roll never changes. */
export async function rollEntry(poll: PollDoc, openid: string): Promise<string | null> {
  if ((poll.status !== 'open' && poll.status !== 'closed') || poll.rollBuckets === 0) return null;
  const id = `${poll._id}_${bucketOf(openid, poll.rollBuckets)}`;
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

/** Every ballot of a poll, in receipt-hash order (what is published after close). */
export async function allBallots(pollId: string): Promise<{ receiptHash: string; choices: string[] }[]> {
  const ballots = await scanAll(BALLOTS, { pollId });
  return ballots.map((b) => ({ receiptHash: b._id as string, choices: b.choices as string[] }));
}

/** The ballot filed under a receipt's hash in this poll, or null: one read. */
export async function findBallot(pollId: string, hash: string): Promise<{ choices: string[] } | null> {
  const { data } = await db.collection(BALLOTS).where({ _id: hash, pollId }).get();
  return (data[0] as { choices: string[] } | undefined) ?? null;
}

/** Everyone who may vote, as the members collection says right now (each member carries their roles). */
export async function eligibleMembers(
  poll: PollDoc,
): Promise<Pick<MemberDoc, '_id' | 'residentId' | 'villageId' | 'roles'>[]> {
  const e = poll.eligibility;
  const where: Record<string, unknown> =
    e.kind === 'residents'
      ? { villageId: poll.villageId }
      : e.kind === 'reps'
        ? { villageId: poll.villageId, 'roles.rep': true }
        : { 'roles.groups.group': e.group };
  // Only what the roll needs: a town-size roll is tens of thousands of members, a page of 1000 at a time.
  const members = await scanAll(MEMBERS, where, {
    projection: { _id: true, residentId: true, villageId: true, 'roles.groups': true },
  });
  if (e.kind !== 'group') return members;
  // A group votes with its town-level members and its members in this village.
  return members.filter((m) =>
    m.roles.groups.some((g) => g.group === e.group && (g.level === 'town' || m.villageId === poll.villageId)),
  );
}

/** Tests may shorten the wait before a closed poll is frozen (FINALIZE_GRACE_MS in the function's environment). */
export function graceMs(): number {
  return envMs('FINALIZE_GRACE_MS', FINALIZE_GRACE_MS);
}

export function isDue(poll: PollDoc, now: number, grace = graceMs()): boolean {
  return poll.status === 'open' && now >= new Date(poll.closesAt).getTime() + grace;
}

/**
 * Freezes the result once no vote can still land (closesAt + grace): the counters, checked against the
 * ballots themselves, and the digest of the published receipts. Idempotent; safe to call from any read.
 */
export async function finalizeIfDue(poll: PollDoc, now: number, grace = graceMs()): Promise<PollDoc> {
  if (!isDue(poll, now, grace)) return poll;
  const ballots = await allBallots(poll._id);
  const counts: Record<string, number> = {};
  for (const b of ballots) for (const c of b.choices) counts[c] = (counts[c] ?? 0) + 1;
  const tally = await readTally(poll);
  if (tally.cast !== ballots.length) {
    console.error(
      `[agenda] poll ${poll._id}: counters say ${tally.cast} ballots, the ballots are ${ballots.length}; using the ballots`,
    );
  }
  const result = { cast: ballots.length, counts };
  const digest = createHash('sha256').update(tallyDigestText(ballots)).digest('hex');
  const finalizedAt = new Date(now);
  await db
    .collection(POLLS)
    .where({ _id: poll._id, status: 'open' })
    .update({ data: { status: 'closed', result: _.set(result), digest, finalizedAt } });
  return { ...poll, status: 'closed', result, digest, finalizedAt };
}

export async function hasVoted(pollId: string, residentId: string): Promise<boolean> {
  return (await findById(VOTES, voteMarkerId(pollId, residentId))) !== null;
}
