import { TASK_NOTES_MAX } from '../../../../core/agenda';
import { data } from '../../../support/app-cloud';
import { ADMIN, driveTo, NEIGHBOUR, OUTSIDER, RESIDENT, TOWN_ADMIN } from '../../../support/agenda';
import { nameOf, refuses, WUXING_ADMIN } from '../fixtures';
import { useTasksScene } from '../scenes/tasks';

const { cloud, nextAuthor, as, doing, getItem, taskOf } = useTasksScene();

describe('updateTask', () => {
  test('the owner reports progress: the task shows it with the note; the timeline does not, below 100%', async () => {
    const { itemId, taskId } = await doing();
    const before = (await getItem(itemId)).timeline.length;
    expect(
      data(await as(NEIGHBOUR)('updateTask', { taskId: taskId!, progress: 40, note: '已联系施工队' })),
    ).toEqual({
      progress: 40,
    });
    const task = await taskOf(itemId, taskId!);
    expect(task.progress).toBe(40);
    expect(task.notes).toEqual([
      { at: expect.any(Number), progress: 40, note: '已联系施工队', byName: nameOf(cloud, NEIGHBOUR) },
    ]);
    expect((await getItem(itemId)).timeline).toHaveLength(before);
  });

  test('the village admin and the town admin may report too', async () => {
    const { itemId, taskId } = await doing();
    data(await as(ADMIN)('updateTask', { taskId: taskId!, progress: 30, note: '材料已到' }));
    data(await as(TOWN_ADMIN)('updateTask', { taskId: taskId!, progress: 60, note: '镇里派人查看' }));
    const task = await taskOf(itemId, taskId!);
    expect(task.progress).toBe(60);
    expect(task.notes.map((n) => [n.progress, n.byName])).toEqual([
      [30, nameOf(cloud, ADMIN)],
      [60, nameOf(cloud, TOWN_ADMIN)],
    ]);
  });

  test('reaching 100% is written on the timeline, once', async () => {
    const { itemId, taskId } = await doing();
    data(await as(NEIGHBOUR)('updateTask', { taskId: taskId!, progress: 100, note: '井壁已修好并加盖' }));
    const { timeline } = await getItem(itemId);
    expect(timeline.at(-1)).toMatchObject({
      step: 'doing',
      what: '完成任务“请施工队修缮井壁”：井壁已修好并加盖',
      actorName: nameOf(cloud, NEIGHBOUR),
      actorRole: '村民',
    });
    data(await as(NEIGHBOUR)('updateTask', { taskId: taskId!, progress: 100, note: '补充照片' }));
    const after = (await getItem(itemId)).timeline;
    expect(after.filter((e) => e.what.startsWith('完成任务'))).toHaveLength(1);
  });

  test("another resident and another village's admin are FORBIDDEN", async () => {
    const { taskId } = await doing();
    for (const openid of [RESIDENT, OUTSIDER, WUXING_ADMIN]) {
      await refuses(
        cloud,
        () => as(openid)('updateTask', { taskId: taskId!, progress: 50, note: '我来更新' }),
        'FORBIDDEN',
        '只有任务负责人或村管理员可以更新进度',
      );
    }
  });

  test.each([
    ['progress of 101', { progress: 101 }, '进度在 0 到 100 之间'],
    ['progress of -1', { progress: -1 }, '进度在 0 到 100 之间'],
    ['progress of 50.5', { progress: 50.5 }, '进度格式不正确'],
    ['no note', { note: '' }, '请填写进展说明'],
    ['a note of 201 characters', { note: '进'.repeat(201) }, '进展说明最多 200 个字'],
  ])('%s is INVALID_INPUT', async (_what, change, message) => {
    const { taskId } = await doing();
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('updateTask', { taskId: taskId!, progress: 50, note: '进展顺利', ...change }),
      'INVALID_INPUT',
      message,
    );
  });

  test('after 集中办事 it is WRONG_STEP', async () => {
    const { taskId } = await driveTo(cloud, 'supervising', { author: nextAuthor() });
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('updateTask', { taskId: taskId!, progress: 90, note: '再改一下' }),
      'WRONG_STEP',
      '这件事项现在处于“制度监事”，不能进行这个操作',
    );
  });

  test('an unknown task is NOT_FOUND', async () => {
    await refuses(
      cloud,
      () => as(ADMIN)('updateTask', { taskId: 't_none', progress: 10, note: '开始了' }),
      'NOT_FOUND',
      '没有找到这项任务',
    );
  });

  test(`a task keeps ${TASK_NOTES_MAX} reports at most: the next is a CONFLICT`, async () => {
    const { itemId, taskId } = await doing();
    for (let i = 0; i < TASK_NOTES_MAX; i++) {
      data(await as(NEIGHBOUR)('updateTask', { taskId: taskId!, progress: i % 100, note: `第 ${i + 1} 次` }));
    }
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('updateTask', { taskId: taskId!, progress: 100, note: '完成' }),
      'CONFLICT',
      `每项任务最多记录 ${TASK_NOTES_MAX} 次进展`,
    );
    expect((await taskOf(itemId, taskId!)).notes).toHaveLength(TASK_NOTES_MAX);
  });
});
