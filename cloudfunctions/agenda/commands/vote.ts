import { BALLOTS, TALLIES, VOTES } from '../../_shared/collections';
import { checkChoices } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { voteMarkerId } from '../model';
import { requirePoll } from '../policy';
import { findBallot, receiptHash, rollEntry } from '../polls';

/** Attempts of the vote transaction when it meets a concurrent vote on the same tally shard. */
const VOTE_ATTEMPTS = 10;

/**
 * Casts a ballot. Who may vote is the roll frozen at opening (no member read: the roll knows the caller). One
 * transaction writes the "voted" marker (deterministic id: a second ballot fails on it, under any concurrency
 * and any client retry), the ballot under the hash of the voter's receipt (never next to the voter), and one
 * tally shard. The receipt is made on the voter's phone; only its hash reaches the database. Sending the
 * same ballot again with the same receipt (a retry after a lost answer) answers ok again and counts once.
 * ok: the receipt hash · invalid: POLL_NOT_OPEN, POLL_CLOSED, NOT_ELIGIBLE, ALREADY_VOTED, INVALID_INPUT
 */
export const vote = defineCommand('agenda', 'vote', {
  async run(ctx, input) {
    const poll = await requirePoll(input.pollId);
    if (poll.status === 'draft' || poll.status === 'opening')
      throw new AppError('POLL_NOT_OPEN', '表决还没有开始');
    if (poll.status === 'closed' || ctx.now >= new Date(poll.closesAt).getTime())
      throw new AppError('POLL_CLOSED', '表决已经结束了');
    const residentId = await rollEntry(poll, ctx.openid);
    if (!residentId) throw new AppError('NOT_ELIGIBLE', '您不在这次表决的投票范围内');
    const problem = checkChoices(poll, input.choices);
    if (problem) throw new AppError('INVALID_INPUT', problem);
    const hash = receiptHash(poll._id, input.receipt);
    const day = new Date(ctx.now).toISOString().slice(0, 10);
    try {
      await db.runTransaction(async (t) => {
        await t
          .collection(VOTES)
          .add({ data: { _id: voteMarkerId(poll._id, residentId), pollId: poll._id, day } });
        await t
          .collection(BALLOTS)
          .add({ data: { _id: hash, pollId: poll._id, choices: [...input.choices].sort() } });
        // A shard picked afresh on each attempt: concurrent votes rarely touch the same counter.
        const shard = `${poll._id}_${Math.floor(Math.random() * (poll.tallyShards || 1))}`;
        const inc: Record<string, unknown> = { cast: _.inc(1) };
        for (const c of input.choices) inc[`counts.${c}`] = _.inc(1);
        await t.collection(TALLIES).doc(shard).update({ data: inc });
      }, VOTE_ATTEMPTS);
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      if (!(e as Error).message.includes(VOTES))
        throw new AppError('CONFLICT', '这个回执码已经用过了，请重新投票');
      // The same ballot sent again (a retry after a lost answer) succeeds again; another ballot does not.
      const same = await findBallot(poll._id, hash);
      const sorted = [...input.choices].sort().join(',');
      if (same?.choices.join(',') !== sorted)
        throw new AppError('ALREADY_VOTED', '您已经投过票了，投票后不能更改');
    }
    return { receiptHash: hash };
  },
});
