import { ITEMS, TASKS } from '../../_shared/collections';
import { canUpdateTask, TASK_NOTES_MAX } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { txGet } from '../../_shared/transaction';
import { event, type ItemDoc, type TaskDoc } from '../model';
import { requireStep } from '../policy';

/**
 * The task's owner (or the village admin) reports progress, 0–100 with a note. Reaching 100 is written on the
 * matter's public timeline. One transaction over the task and the matter.
 * ok: the progress · invalid: NOT_FOUND, FORBIDDEN (not the owner), WRONG_STEP, CONFLICT (too many notes)
 */
export const updateTask = defineCommand('agenda', 'updateTask', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const at = new Date(ctx.now);
    await db.runTransaction(async (t) => {
      const task = (await txGet(t, TASKS, input.taskId)) as TaskDoc | null;
      const item = task ? ((await txGet(t, ITEMS, task.itemId)) as ItemDoc | null) : null;
      if (!task || !item) throw new AppError('NOT_FOUND', '没有找到这项任务');
      if (!canUpdateTask(member, item, task)) {
        throw new AppError('FORBIDDEN', '只有任务负责人或村管理员可以更新进度');
      }
      requireStep(item, ['doing']);
      if (task.notes.length >= TASK_NOTES_MAX)
        throw new AppError('CONFLICT', `每项任务最多记录 ${TASK_NOTES_MAX} 次进展`);
      await t
        .collection(TASKS)
        .doc(task._id)
        .update({
          data: {
            progress: input.progress,
            notes: _.push({ at, progress: input.progress, note: input.note, byName: member.name }),
          },
        });
      const done = input.progress === 100 && task.progress < 100;
      await t
        .collection(ITEMS)
        .doc(item._id)
        .update({
          data: done
            ? {
                updatedAt: at,
                timeline: _.push(event('doing', member, `完成任务“${task.title}”：${input.note}`, at)),
              }
            : { updatedAt: at },
        });
    });
    return { progress: input.progress };
  },
});
