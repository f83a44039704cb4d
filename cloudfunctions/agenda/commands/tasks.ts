import { ITEMS, TASKS } from '../../_shared/collections';
import { TASK_NOTES_MAX } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { newId } from '../../_shared/ids';
import { txGet } from '../../_shared/transaction';
import { canManageItem, requireItem, requireManager, requireStep } from '../access';
import { event, type ItemDoc, type TaskDoc } from '../model';

/** Tasks per matter: a decision becomes a handful of jobs, not a project plan. */
export const TASKS_PER_ITEM = 20;

/**
 * 集中办事: the village admin turns the decision into tasks, each with an owner from the village's roll and a
 * due date. The task and its timeline entry are written together.
 * ok: {taskId} · invalid: WRONG_STEP, FORBIDDEN, NOT_FOUND (owner), INVALID_INPUT (owner of another village,
 * due date past), CONFLICT (too many tasks)
 */
export const addTask = defineCommand('agenda', 'addTask', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const item = await requireItem(input.itemId, member, ctx.openid);
    requireManager(member, item);
    requireStep(item, ['doing']);
    if (input.dueAt <= ctx.now) throw new AppError('INVALID_INPUT', '完成期限要在今天以后');
    const [owner, existing] = await Promise.all([
      db.collection('residents').where({ _id: input.ownerId }).get(),
      db.collection(TASKS).where({ itemId: item._id }).count(),
    ]);
    const resident = owner.data[0];
    if (!resident) throw new AppError('NOT_FOUND', '没有找到这位负责人');
    if (resident.villageId !== item.villageId) throw new AppError('INVALID_INPUT', '负责人要是本村的村民');
    if (existing.total >= TASKS_PER_ITEM)
      throw new AppError('CONFLICT', `一件事项最多 ${TASKS_PER_ITEM} 项任务`);
    const at = new Date(ctx.now);
    const task: TaskDoc = {
      _id: newId('t'),
      itemId: item._id,
      title: input.title,
      ownerId: resident._id as string,
      ownerName: resident.name as string,
      ownerOpenid: (resident.openid as string | null | undefined) ?? null,
      dueAt: new Date(input.dueAt),
      progress: 0,
      notes: [],
      createdAt: at,
    };
    await db.runTransaction(async (t) => {
      await t.collection(TASKS).add({ data: task });
      await t
        .collection(ITEMS)
        .doc(item._id)
        .update({
          data: {
            updatedAt: at,
            timeline: _.push(event('doing', member, `安排任务“${task.title}”，负责人${task.ownerName}`, at)),
          },
        });
    });
    return { taskId: task._id };
  },
});

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
      if (task.ownerId !== member.residentId && !canManageItem(member, item)) {
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
