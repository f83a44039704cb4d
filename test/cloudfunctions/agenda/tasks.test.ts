import { TASK_NOTES_MAX } from '../../../core/agenda';
import { data, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  agendaAs,
  driveTo,
  inAnHour,
  NEIGHBOUR,
  OUTSIDER,
  RESIDENT,
  startAgendaCloud,
  TOWN_ADMIN,
} from '../../support/agenda';
import { authors, makeWuxingAdmin, nameOf, refuses, WUXING_ADMIN } from './fixtures';

const cloud = useAppCloud(startAgendaCloud);
beforeAll(async () => {
  await makeWuxingAdmin(cloud);
});

const nextAuthor = authors();
const as = (openid: string) => agendaAs(cloud, openid);
/** A matter at 集中办事 (with driveTo's one task, owned by NEIGHBOUR, at 0%). */
const doing = () => driveTo(cloud, 'doing', { author: nextAuthor() });
const OWNER = 'demo-resident-003';
const TASK = { title: '采购井盖和护栏', ownerId: 'r_resident_003' };
const add = (itemId: string, change: Record<string, unknown> = {}, openid = ADMIN) =>
  as(openid)('addTask', { itemId, ...TASK, dueAt: inAnHour(), ...change });
const getItem = async (itemId: string) => data(await as(NEIGHBOUR)('getItem', { itemId }));
const taskOf = async (itemId: string, taskId: string) =>
  (await getItem(itemId)).tasks.find((t) => t.taskId === taskId)!;

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
