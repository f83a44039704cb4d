import { POLLS, SUPPORTS, TASKS, VERDICTS } from '../../_shared/collections';
import { type ItemDetail } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { db } from '../../_shared/cloud';
import { findById } from '../../_shared/store';
import { residentMarkId, type TaskDoc } from '../model';
import { requireItem } from '../policy';
import { finalizeIfDue } from '../freeze';
import { itemDetail } from '../views';

/**
 * One matter with everything its page shows: body, round table, poll, tasks, verdict counts, the public
 * six-step timeline, and what the caller has done and may do. Five reads, one call.
 * ok: the detail · invalid: NOT_FOUND
 */
export const getItem = defineCommand('agenda', 'getItem', {
  async run(ctx, input): Promise<ItemDetail> {
    const member = (await ctx.member())!;
    const item = await requireItem(input.itemId, member, ctx.openid);
    const mark = residentMarkId(item._id, member.residentId);
    const [tasks, support, verdict, stored] = await Promise.all([
      db.collection(TASKS).where({ itemId: item._id }).orderBy('createdAt', 'asc').limit(100).get(),
      findById(SUPPORTS, mark),
      findById(VERDICTS, mark),
      item.pollId ? findById(POLLS, item.pollId) : null,
    ]);
    const poll = stored ? await finalizeIfDue(stored, ctx.now) : null;
    return itemDetail(item, member, {
      tasks: tasks.data as TaskDoc[],
      poll,
      supported: support !== null,
      verdict: (verdict?.verdict as 'confirm' | 'dispute' | undefined) ?? null,
      now: ctx.now,
    });
  },
});
