import { type PollView } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { requireCurrentPoll } from '../policy';
import { hasVoted, readTally, rollEntry } from '../polls';
import { pollView } from '../views';

/**
 * The poll as its page shows it: rules, turnout, the result (after close, or live if the poll says so) with
 * its digest, and whether the caller may vote and already did. Three reads at most.
 * ok: the poll · invalid: NOT_FOUND
 */
export const getPoll = defineCommand('agenda', 'getPoll', {
  async run(ctx, input): Promise<PollView> {
    const poll = await requireCurrentPoll(input.pollId, ctx.now);
    const [tally, residentId] = await Promise.all([readTally(poll), rollEntry(poll, ctx.openid)]);
    const mine = {
      eligible: residentId !== null,
      voted: residentId !== null && (await hasVoted(poll._id, residentId)),
    };
    return pollView(poll, tally, mine, ctx.now);
  },
});
