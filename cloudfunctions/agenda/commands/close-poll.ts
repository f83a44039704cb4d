import { ITEMS, POLLS } from '../../_shared/collections';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { event } from '../model';
import { requireManagedPoll } from '../policy';

/**
 * Ends the vote now (before its closing time, or confirms it after, which changes nothing). The result is
 * frozen a few seconds later, once no ballot can still be on its way.
 * ok: the closing time · invalid: FORBIDDEN, POLL_NOT_OPEN, POLL_CLOSED
 */
export const closePoll = defineCommand('agenda', 'closePoll', {
  async run(ctx, input) {
    const { member, poll, item } = await requireManagedPoll(ctx, input.pollId);
    if (poll.status === 'draft' || poll.status === 'opening')
      throw new AppError('POLL_NOT_OPEN', '表决还没有开始');
    if (poll.status === 'closed') throw new AppError('POLL_CLOSED', '表决已经结束了');
    const closesAt = Math.min(new Date(poll.closesAt).getTime(), ctx.now);
    const at = new Date(ctx.now);
    // Only a close that ends the vote early moves the time and is recorded: closing again (a double tap) or
    // after the closing time confirms it without a second timeline entry.
    const { stats } = await db
      .collection(POLLS)
      .where({ _id: poll._id, status: 'open', closesAt: _.gt(at) })
      .update({ data: { closesAt: at } });
    if (stats.updated > 0) {
      await db
        .collection(ITEMS)
        .doc(item._id)
        .update({
          data: { updatedAt: at, timeline: _.push(event('deciding', member, '结束投票，开始计票', at)) },
        });
    }
    return { closesAt };
  },
});
