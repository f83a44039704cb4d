import { data } from '../../../support/app-cloud';
import { driveTo, inAnHour, NEIGHBOUR, TOWN_ADMIN } from '../../../support/agenda';
import { nameOf, refuses, WUXING_ADMIN } from '../fixtures';
import { useTasksScene } from '../scenes/tasks';

const { cloud, nextAuthor, doing, OWNER, TASK, add, getItem } = useTasksScene();

describe('addTask (集中办事)', () => {
  test('the village admin adds a task with an owner from the village: shown on the matter and its timeline', async () => {
    const { itemId } = await doing();
    const dueAt = inAnHour();
    const { taskId } = data(await add(itemId, { dueAt }));
    const item = await getItem(itemId);
    expect(item.tasks).toHaveLength(2);
    expect(item.tasks.at(-1)).toEqual({
      taskId,
      title: TASK.title,
      ownerId: 'r_resident_003',
      ownerName: nameOf(cloud, OWNER),
      dueAt,
      progress: 0,
      notes: [],
    });
    expect(item.timeline.at(-1)).toMatchObject({
      step: 'doing',
      what: `安排任务“${TASK.title}”，负责人${nameOf(cloud, OWNER)}`,
      actorRole: '村管理员',
    });
    expect(cloud.dump('agendaTasks').find((t) => t._id === taskId)).toMatchObject({
      itemId,
      ownerOpenid: OWNER,
    });
  });

  test('the town admin may add a task', async () => {
    const { itemId } = await doing();
    data(await add(itemId, {}, TOWN_ADMIN));
    expect((await getItem(itemId)).tasks).toHaveLength(2);
  });

  test('an owner of another village is INVALID_INPUT', async () => {
    const { itemId } = await doing();
    await refuses(
      cloud,
      () => add(itemId, { ownerId: 'r_resident_201' }),
      'INVALID_INPUT',
      '负责人要是本村的村民',
    );
  });

  test('an owner not on the roster is NOT_FOUND', async () => {
    const { itemId } = await doing();
    await refuses(cloud, () => add(itemId, { ownerId: 'r_nobody' }), 'NOT_FOUND', '没有找到这位负责人');
  });

  test.each([
    ['a due date in the past', () => Date.now() - 60_000, '完成期限要在今天以后'],
    ['a due date that is not a time', () => 1000, '时间无效'],
  ])('%s is INVALID_INPUT', async (_what, dueAt, message) => {
    const { itemId } = await doing();
    await refuses(cloud, () => add(itemId, { dueAt: dueAt() }), 'INVALID_INPUT', message);
  });

  test.each([
    ['no title', { title: ' ' }, '请填写任务'],
    ['a title of 41 characters', { title: '修'.repeat(41) }, '任务最多 40 个字'],
    ['no owner', { ownerId: undefined }, '负责人格式不正确'],
  ])('%s is INVALID_INPUT', async (_what, change, message) => {
    const { itemId } = await doing();
    await refuses(cloud, () => add(itemId, change), 'INVALID_INPUT', message);
  });

  test.each(['deciding', 'supervising'] as const)('at %s it is WRONG_STEP', async (step) => {
    const { itemId } = await driveTo(cloud, step, { author: nextAuthor() });
    await refuses(cloud, () => add(itemId), 'WRONG_STEP');
  });

  test("a resident and another village's admin are FORBIDDEN", async () => {
    const { itemId } = await doing();
    await refuses(cloud, () => add(itemId, {}, NEIGHBOUR), 'FORBIDDEN', '您没有进行此操作的权限');
    await refuses(cloud, () => add(itemId, {}, WUXING_ADMIN), 'FORBIDDEN', '只有本村管理员可以办理这一步');
  });

  test('a matter takes 20 tasks at most: the 21st is a CONFLICT', async () => {
    const { itemId } = await doing();
    for (let i = 2; i <= 20; i++) data(await add(itemId, { title: `第 ${i} 项任务` }));
    await refuses(cloud, () => add(itemId), 'CONFLICT', '一件事项最多 20 项任务');
    expect((await getItem(itemId)).tasks).toHaveLength(20);
  });
});
