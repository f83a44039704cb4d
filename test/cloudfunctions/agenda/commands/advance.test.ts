import { data } from '../../../support/app-cloud';
import {
  ADMIN,
  CONSULT_LEADER,
  driveTo,
  ITEM,
  NEIGHBOUR,
  RESIDENT,
  TOWN_ADMIN,
} from '../../../support/agenda';
import { nameOf, refuses, voteAndClose, WUXING_ADMIN } from '../fixtures';
import { useItemsScene } from '../scenes/items';

const { cloud, nextAuthor, as, itemDoc, raised, HELD_BODY } = useItemsScene();

describe('advance (moving a matter on)', () => {
  const admin = () => as(ADMIN);
  const last = async (itemId: string) => data(await as(NEIGHBOUR)('getItem', { itemId })).timeline.at(-1)!;

  test('群众提事 → 征求论事', async () => {
    const { itemId } = await raised();
    expect(data(await admin()('advance', { itemId }))).toEqual({ step: 'consulting' });
    expect(itemDoc(itemId).step).toBe('consulting');
    expect(await last(itemId)).toMatchObject({
      step: 'consulting',
      what: '开始征求意见',
      actorName: nameOf(cloud, ADMIN),
      actorRole: '村管理员',
    });
  });

  test('the town admin may move any village’s matter on', async () => {
    const { itemId } = await raised();
    expect(data(await as(TOWN_ADMIN)('advance', { itemId }))).toEqual({ step: 'consulting' });
    expect((await last(itemId)).actorRole).toBe('镇管理员');
  });

  test('会议定事 does not end while the poll is open', async () => {
    const { itemId } = await driveTo(cloud, 'deciding', { author: nextAuthor() });
    await refuses(
      cloud,
      () => admin()('advance', { itemId }),
      'WRONG_STEP',
      '表决还没有结束，计票完成后才能进入下一步',
    );
  });

  test('会议定事 → 集中办事 once the poll is frozen and passed, with the result on the timeline', async () => {
    const { itemId, pollId } = await driveTo(cloud, 'deciding', { author: nextAuthor() });
    await voteAndClose(cloud, pollId!, 8);
    expect(data(await admin()('advance', { itemId }))).toEqual({ step: 'doing' });
    expect(await last(itemId)).toMatchObject({
      step: 'doing',
      what: '表决通过（赞成 8 · 反对 0 · 弃权 0，投票 8/15 人），进入集中办事',
    });
  });

  test('会议定事 → 办结 when the poll failed', async () => {
    const { itemId, pollId } = await driveTo(cloud, 'deciding', { author: nextAuthor() });
    await voteAndClose(cloud, pollId!, 3, 5);
    expect(data(await admin()('advance', { itemId }))).toEqual({ step: 'closed' });
    expect(await last(itemId)).toMatchObject({
      step: 'closed',
      what: '表决未通过（赞成 3 · 反对 5 · 弃权 0，投票 8/15 人），事项办结',
    });
  });

  test('集中办事 needs tasks, and every task done, before 制度监事', async () => {
    const { itemId, pollId } = await driveTo(cloud, 'deciding', { author: nextAuthor() });
    await voteAndClose(cloud, pollId!, 8);
    data(await admin()('advance', { itemId }));
    await refuses(cloud, () => admin()('advance', { itemId }), 'WRONG_STEP', '请先把决定落实成任务');

    const doing = await driveTo(cloud, 'doing', { author: nextAuthor() });
    await refuses(
      cloud,
      () => admin()('advance', { itemId: doing.itemId }),
      'WRONG_STEP',
      '还有任务没有完成，全部完成后才能进入制度监事',
    );
    data(await as(NEIGHBOUR)('updateTask', { taskId: doing.taskId!, progress: 99, note: '只差加盖了' }));
    await refuses(cloud, () => admin()('advance', { itemId: doing.itemId }), 'WRONG_STEP');
  });

  test('集中办事 → 制度监事 when every task is at 100%', async () => {
    const { itemId, taskId } = await driveTo(cloud, 'doing', { author: nextAuthor() });
    data(await as(NEIGHBOUR)('updateTask', { taskId: taskId!, progress: 100, note: '井壁已修好并加盖' }));
    expect(data(await admin()('advance', { itemId }))).toEqual({ step: 'supervising' });
    expect(await last(itemId)).toMatchObject({ step: 'supervising', what: '任务全部完成，请村民评议' });
  });

  test('制度监事 → 办结, with the verdict counts and the admin’s note', async () => {
    const { itemId } = await driveTo(cloud, 'supervising', { author: nextAuthor() });
    data(await as(NEIGHBOUR)('giveVerdict', { itemId, verdict: 'confirm' }));
    expect(data(await admin()('advance', { itemId, note: '感谢大家监督' }))).toEqual({ step: 'closed' });
    expect(await last(itemId)).toMatchObject({
      step: 'closed',
      what: '办结（1 人确认，0 人有异议）：感谢大家监督',
    });
  });

  test('closing after a dispute needs the admin’s answer in the note', async () => {
    const { itemId } = await driveTo(cloud, 'supervising', { author: nextAuthor() });
    data(await as(RESIDENT)('giveVerdict', { itemId, verdict: 'dispute', reason: '井盖没有盖严' }));
    await refuses(
      cloud,
      () => admin()('advance', { itemId }),
      'INVALID_INPUT',
      '有 1 条异议，请在说明中回应后再办结',
    );
    data(await admin()('advance', { itemId, note: '已重新加固井盖' }));
    expect(await last(itemId)).toMatchObject({
      step: 'closed',
      what: '办结（0 人确认，1 人有异议）：已重新加固井盖',
    });
  });

  test.each([
    ['consulting', '征求论事'],
    ['roundtable', '圆桌议事'],
    ['closed', '已办结'],
  ] as const)('from %s a plain advance is WRONG_STEP', async (step, label) => {
    const { itemId } = await driveTo(cloud, step, { author: nextAuthor() });
    await refuses(
      cloud,
      () => admin()('advance', { itemId }),
      'WRONG_STEP',
      `这件事项现在处于“${label}”，不能进行这个操作`,
    );
  });

  test('a held item does not move', async () => {
    const { item } = data(await as(nextAuthor())('raise', { title: '水井维修', body: HELD_BODY }));
    await refuses(cloud, () => admin()('advance', { itemId: item.itemId }), 'WRONG_STEP', '这件事项还未公开');
  });

  test("a resident and another village's admin are FORBIDDEN", async () => {
    const author = nextAuthor();
    const { itemId } = await raised(ITEM, author);
    for (const openid of [author, CONSULT_LEADER]) {
      await refuses(cloud, () => as(openid)('advance', { itemId }), 'FORBIDDEN', '您没有进行此操作的权限');
    }
    await refuses(
      cloud,
      () => as(WUXING_ADMIN)('advance', { itemId }),
      'FORBIDDEN',
      '只有本村管理员可以办理这一步',
    );
  });

  test('a note must say something, and an unknown item is NOT_FOUND', async () => {
    const { itemId } = await raised();
    await refuses(cloud, () => admin()('advance', { itemId, note: '好' }), 'INVALID_INPUT', '请填写说明');
    await refuses(cloud, () => admin()('advance', { itemId: 'i_missing' }), 'NOT_FOUND');
  });
});
