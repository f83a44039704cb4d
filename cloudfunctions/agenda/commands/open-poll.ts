import { ITEMS, POLLS, ROLLS, TALLIES } from '../../_shared/collections';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { event } from '../model';
import { requireManagedPoll, requireStep } from '../policy';
import { bucketOf, eligibleMembers, ROLL_BUCKET_SIZE, TALLY_SHARDS } from '../polls';

/** Roll buckets per multi-document add: 20 × 400 entries is about 0.5 MB a request. */
const ROLL_BUCKETS_PER_WRITE = 20;

/** An openPoll claim older than this (well past the function timeout) was abandoned and may be taken over. */
const OPENING_STALE_MS = 60_000;

/**
 * Opens the vote: who may vote is resolved now and frozen into the roll, so the eligible count behind the
 * quorum never drifts; the tally counters start at zero; the matter moves to 会议定事.
 * ok: the eligible count · invalid: FORBIDDEN, CONFLICT (not a draft, nobody eligible), POLL_CLOSED (past closesAt)
 */
export const openPoll = defineCommand('agenda', 'openPoll', {
  async run(ctx, input) {
    const { member, poll, item } = await requireManagedPoll(ctx, input.pollId);
    // Before the step: once open, the matter has moved on to 会议定事, and opening again is the conflict.
    const stale =
      poll.status === 'opening' && ctx.now - new Date(poll.openingAt!).getTime() > OPENING_STALE_MS;
    if (poll.status !== 'draft' && !stale) throw new AppError('CONFLICT', '这次表决已经开始了');
    requireStep(item, ['roundtable']);
    if (new Date(poll.closesAt).getTime() <= ctx.now)
      throw new AppError('POLL_CLOSED', '截止时间已过，请重新发起表决');
    const voters = await eligibleMembers(poll);
    if (voters.length === 0) throw new AppError('CONFLICT', '没有符合条件的投票人');
    // Claim the poll: one opener writes the roll and zeroes the counters, while no vote can land (votes need
    // `open`). A second admin pressing at the same moment gets CONFLICT instead of resetting live counters.
    const openingAt = new Date(ctx.now);
    const claim = await db
      .collection(POLLS)
      .where({ _id: poll._id, status: poll.status, openingAt: poll.openingAt })
      .update({ data: { status: 'opening', openingAt } });
    if (claim.stats.updated === 0) throw new AppError('CONFLICT', '这次表决已经开始了');
    const buckets = Math.max(1, Math.ceil(voters.length / ROLL_BUCKET_SIZE));
    const entries: Record<string, string>[] = Array.from({ length: buckets }, () => ({}));
    for (const m of voters) entries[bucketOf(m._id, buckets)]![m._id] = m.residentId;
    // Deterministic ids, written in a few multi-document adds (a town-size roll is ~110 buckets): taking over a
    // stale claim first removes what the abandoned opener wrote, then writes the same documents again.
    if (stale) {
      await db.collection(ROLLS).where({ pollId: poll._id }).remove();
      await db.collection(TALLIES).where({ pollId: poll._id }).remove();
    }
    const rolls = entries.map((e, b) => ({ _id: `${poll._id}_${b}`, pollId: poll._id, entries: e }));
    for (let i = 0; i < rolls.length; i += ROLL_BUCKETS_PER_WRITE) {
      await db.collection(ROLLS).add({ data: rolls.slice(i, i + ROLL_BUCKETS_PER_WRITE) as never });
    }
    const shards = Array.from({ length: TALLY_SHARDS }, (_v, s) => ({
      _id: `${poll._id}_${s}`,
      pollId: poll._id,
      cast: 0,
      counts: {},
    }));
    await db.collection(TALLIES).add({ data: shards as never });
    const at = new Date(ctx.now);
    const { stats } = await db
      .collection(POLLS)
      .where({ _id: poll._id, status: 'opening', openingAt })
      .update({
        data: {
          status: 'open',
          opensAt: at,
          eligibleCount: voters.length,
          rollBuckets: buckets,
          tallyShards: TALLY_SHARDS,
        },
      });
    if (stats.updated === 0) throw new AppError('CONFLICT', '这次表决已经开始了');
    await db
      .collection(ITEMS)
      .doc(item._id)
      .update({
        data: {
          step: 'deciding',
          updatedAt: at,
          timeline: _.push(
            event('deciding', member, `开始表决：${poll.question}（${voters.length} 人有投票资格）`, at),
          ),
        },
      });
    return { eligibleCount: voters.length };
  },
});
