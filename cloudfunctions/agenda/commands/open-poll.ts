import { POLLS } from '../../_shared/collections';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { findById } from '../../_shared/store';
import { actorRole, pollTuning, type OpeningProgress } from '../model';
import { rollUntil } from '../opening';
import { requireManagedPoll, requireStep } from '../policy';

/**
 * Opens the vote: who may vote is resolved now and frozen into the roll, so the eligible count behind the
 * quorum never drifts; the tally counters start at zero; the matter moves to 会议定事. The roll is written a
 * page of members at a time for a short budget (opening.ts): a village's poll opens in this one call; a
 * town-size roll answers `opening` with the count so far, and the page calls again (the timer finishes it if
 * the page is closed). Two admins pressing at once write one roll and one timeline entry.
 * ok: status and eligible count · invalid: FORBIDDEN, CONFLICT (already open, nobody eligible), POLL_CLOSED
 */
export const openPoll = defineCommand('agenda', 'openPoll', {
  async run(ctx, input) {
    const { member, poll, item } = await requireManagedPoll(ctx, input.pollId);
    if (poll.status === 'open' || poll.status === 'closed')
      throw new AppError('CONFLICT', '这次表决已经开始了');
    requireStep(item, ['roundtable']);
    if (new Date(poll.closesAt).getTime() <= ctx.now)
      throw new AppError('POLL_CLOSED', '截止时间已过，请重新发起表决');
    let current = poll;
    if (poll.status === 'draft') {
      const opening: OpeningProgress = {
        after: '',
        rolled: 0,
        bounds: [],
        by: { name: member.name, role: actorRole(member) },
      };
      const openingAt = new Date(ctx.now);
      const claim = await db
        .collection(POLLS)
        .where({ _id: poll._id, status: 'draft' })
        .update({ data: { status: 'opening', openingAt, opening: _.set(opening) } });
      current =
        claim.stats.updated > 0
          ? { ...poll, status: 'opening', openingAt, opening }
          : ((await findById(POLLS, poll._id)) ?? poll); // the other tap claimed it: help it along
    }
    const after = await rollUntil(current, Date.now() + pollTuning().openBudgetMs, () => ctx.now);
    if (after.status === 'draft') throw new AppError('CONFLICT', '没有符合条件的投票人');
    if (after.status === 'opening') return { status: 'opening', eligibleCount: after.opening?.rolled ?? 0 };
    return { status: 'open', eligibleCount: after.eligibleCount };
  },
});
