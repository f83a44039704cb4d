import { ITEMS, POLLS, TASKS } from '../../_shared/collections';
import { NEXT_STEP, outcomeSummary, type Step } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { findById } from '../../_shared/store';
import { event, type ItemDoc, type TaskDoc } from '../model';
import { requireManagedItem } from '../policy';
import { finalizeIfDue } from '../freeze';
import { outcomeOf } from '../polls';

/**
 * Where a plain move forward leads and what the timeline says, checked before it happens: 定事 ends in 办事
 * when the poll passed and closes the matter when it did not; 办事 needs every task done; closing after
 * disputes needs the admin's answer in the note.
 */
async function planAdvance(
  item: ItemDoc,
  now: number,
  note: string | undefined,
): Promise<{ next: Step; what: string }> {
  switch (item.step) {
    case 'deciding': {
      if (!item.pollId) throw new AppError('WRONG_STEP', '还没有发起表决');
      const stored = await findById(POLLS, item.pollId);
      const poll = stored ? await finalizeIfDue(stored, now) : null;
      if (!poll || poll.status !== 'closed' || !poll.result) {
        throw new AppError('WRONG_STEP', '表决还没有结束，计票完成后才能进入下一步');
      }
      const outcome = outcomeOf(poll, poll.result);
      const summary = outcomeSummary(poll, outcome);
      return outcome.passed
        ? { next: 'doing', what: `表决通过（${summary}），进入集中办事` }
        : { next: 'closed', what: `表决未通过（${summary}），事项办结` };
    }
    case 'doing': {
      const { data } = await db.collection(TASKS).where({ itemId: item._id }).limit(100).get();
      if (data.length === 0) throw new AppError('WRONG_STEP', '请先把决定落实成任务');
      if ((data as TaskDoc[]).some((t) => t.progress < 100)) {
        throw new AppError('WRONG_STEP', '还有任务没有完成，全部完成后才能进入制度监事');
      }
      return { next: 'supervising', what: '任务全部完成，请村民评议' };
    }
    case 'supervising': {
      const { confirm, dispute } = item.verdicts;
      if (dispute > 0 && !note)
        throw new AppError('INVALID_INPUT', `有 ${dispute} 条异议，请在说明中回应后再办结`);
      return { next: 'closed', what: `办结（${confirm} 人确认，${dispute} 人有异议）` };
    }
    default:
      return { next: NEXT_STEP[item.step]!, what: '开始征求意见' };
  }
}

/**
 * The village admin moves a matter to its next step where the move carries no data of its own: 提事→论事,
 * 定事→办事 (after the poll's result is frozen; a failed poll closes the matter), 办事→监事 (all tasks done),
 * 监事→办结. (议事 and 定事 begin with scheduleRoundtable and openPoll.)
 * ok: the new step · invalid: NOT_FOUND, FORBIDDEN, WRONG_STEP, CONFLICT (moved meanwhile)
 */
export const advance = defineCommand('agenda', 'advance', {
  async run(ctx, input) {
    const { member, item } = await requireManagedItem(ctx, input.itemId, [
      'raised',
      'deciding',
      'doing',
      'supervising',
    ]);
    const { next, what } = await planAdvance(item, ctx.now, input.note);
    const at = new Date(ctx.now);
    const text = [what, input.note].filter(Boolean).join('：');
    const { stats } = await db
      .collection(ITEMS)
      .where({ _id: item._id, step: item.step, status: 'open' })
      .update({ data: { step: next, updatedAt: at, timeline: _.push(event(next, member, text, at)) } });
    if (stats.updated === 0) throw new AppError('CONFLICT', '这件事项刚刚被别人办理过，请刷新');
    return { step: next };
  },
});
