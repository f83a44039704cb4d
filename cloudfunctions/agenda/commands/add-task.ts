import { ITEMS, RESIDENTS, TASKS } from '../../_shared/collections';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { newId } from '../../_shared/ids';
import { findById } from '../../_shared/store';
import { event, type TaskDoc } from '../model';
import { requireManagedItem } from '../policy';

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
    const { member, item } = await requireManagedItem(ctx, input.itemId, ['doing']);
    if (input.dueAt <= ctx.now) throw new AppError('INVALID_INPUT', '完成期限要在今天以后');
    const [resident, existing] = await Promise.all([
      findById(RESIDENTS, input.ownerId),
      db.collection(TASKS).where({ itemId: item._id }).count(),
    ]);
    if (!resident) throw new AppError('NOT_FOUND', '没有找到这位负责人');
    if (resident.villageId !== item.villageId) throw new AppError('INVALID_INPUT', '负责人要是本村的村民');
    if (existing.total >= TASKS_PER_ITEM)
      throw new AppError('CONFLICT', `一件事项最多 ${TASKS_PER_ITEM} 项任务`);
    const at = new Date(ctx.now);
    const task: TaskDoc = {
      _id: newId('t'),
      itemId: item._id,
      title: input.title,
      ownerId: resident._id,
      ownerName: resident.name,
      ownerOpenid: resident.openid ?? null,
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
