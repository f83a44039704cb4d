import { BALLOTS } from '../../_shared/collections';
import { RECEIPTS_PAGE_MAX } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { requireCurrentPoll } from '../policy';

/**
 * After the result is frozen, every ballot is published as (receipt hash, choices), with no voter: anyone can
 * recount, and recompute the digest (sha256 of core/agenda/rules.ts `tallyDigestText`). Up to 1000 a page.
 * ok: a page and the digest · invalid: POLL_NOT_OPEN (not frozen yet)
 */
export const listReceipts = defineCommand('agenda', 'listReceipts', {
  async run(ctx, input) {
    const poll = await requireCurrentPoll(input.pollId, ctx.now);
    if (poll.status !== 'closed') throw new AppError('POLL_NOT_OPEN', '表决结束并完成计票后才公布回执');
    // A full page may be followed by an empty one: the database caps a read at 1000, so no look-ahead row.
    const limit = input.limit ?? RECEIPTS_PAGE_MAX;
    const { data } = await db
      .collection(BALLOTS)
      .where({ pollId: poll._id, _id: _.gt(input.cursor ?? '') })
      .orderBy('_id', 'asc')
      .limit(limit)
      .get();
    return {
      items: data.map((b) => ({ receiptHash: b._id as string, choices: b.choices as string[] })),
      nextCursor: data.length === limit ? (data.at(-1)!._id as string) : null,
      digest: poll.digest,
    };
  },
});
