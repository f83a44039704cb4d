import { data } from '../../../support/app-cloud';
import { ADMIN, CONSULT_LEADER, driveTo, ITEM, NEIGHBOUR, OUTSIDER } from '../../../support/agenda';
import { refuses, WUXING_ADMIN } from '../fixtures';
import { useItemsScene } from '../scenes/items';

const { cloud, nextAuthor, as, raised } = useItemsScene();

describe('merge (合并重复事项)', () => {
  const pair = async () => {
    const from = await raised({ title: '村口水井要修', body: '村口水井井壁开裂，希望尽快修好。' });
    const into = await raised({ title: '修缮村口老水井', body: ITEM.body });
    return { from: from.itemId, into: into.itemId };
  };
  const REASON = '与“修缮村口老水井”是同一件事';

  test('the village admin merges a duplicate: the reason shows on both, the duplicate leaves the list', async () => {
    const { from, into } = await pair();
    expect(data(await as(ADMIN)('merge', { itemId: from, intoItemId: into, reason: REASON }))).toEqual({
      itemId: into,
    });
    const merged = data(await as(NEIGHBOUR)('getItem', { itemId: from }));
    expect(merged.status).toBe('merged');
    expect(merged.mergedInto).toEqual({ itemId: into, title: '修缮村口老水井', reason: REASON });
    expect(merged.timeline.at(-1)).toMatchObject({
      step: 'raised',
      what: `合并到“修缮村口老水井”：${REASON}`,
      actorRole: '村管理员',
    });
    const kept = data(await as(NEIGHBOUR)('getItem', { itemId: into }));
    expect(kept.status).toBe('open');
    expect(kept.mergedFrom).toEqual([{ itemId: from, title: '村口水井要修', reason: REASON }]);
    expect(kept.timeline.at(-1)?.what).toBe(`合并了“村口水井要修”：${REASON}`);
    const listed = data(await as(NEIGHBOUR)('listItems', { limit: 50 })).items.map((i) => i.itemId);
    expect(listed).not.toContain(from);
    expect(listed).toContain(into);
    expect(
      cloud.dump('auditLog').filter((a) => a.action === 'merge' && a.target === `agendaItems/${from}`),
    ).toHaveLength(1);
  });

  test('a leader of the 协商议事组 may merge', async () => {
    const { from, into } = await pair();
    data(await as(CONSULT_LEADER)('merge', { itemId: from, intoItemId: into, reason: REASON }));
    const merged = data(await as(NEIGHBOUR)('getItem', { itemId: from }));
    expect(merged.status).toBe('merged');
    expect(merged.timeline.at(-1)?.actorRole).toBe('协商议事组组长（镇级）');
  });

  test('a plain resident, the author included, is FORBIDDEN', async () => {
    const author = nextAuthor();
    const from = (await raised(ITEM, author)).itemId;
    const into = (await raised()).itemId;
    for (const openid of [author, NEIGHBOUR]) {
      await refuses(
        cloud,
        () => as(openid)('merge', { itemId: from, intoItemId: into, reason: REASON }),
        'FORBIDDEN',
        '只有村管理员或协商议事组组长可以合并事项',
      );
    }
  });

  test("another village's admin is FORBIDDEN", async () => {
    const { from, into } = await pair();
    await refuses(
      cloud,
      () => as(WUXING_ADMIN)('merge', { itemId: from, intoItemId: into, reason: REASON }),
      'FORBIDDEN',
    );
  });

  test('a matter of another village is a CONFLICT', async () => {
    const from = (await raised()).itemId;
    const into = data(await as(OUTSIDER)('raise', ITEM)).item.itemId;
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId: from, intoItemId: into, reason: REASON }),
      'CONFLICT',
      '只能合并同一个村的事项',
    );
  });

  test('merging an item into itself is a CONFLICT', async () => {
    const { itemId } = await raised();
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId, intoItemId: itemId, reason: REASON }),
      'CONFLICT',
      '不能合并到同一件事项',
    );
  });

  test('a duplicate past 征求论事, a target past 会议定事 and an already merged item are WRONG_STEP', async () => {
    const early = await raised();
    const atRoundtable = await driveTo(cloud, 'roundtable', { author: nextAuthor() });
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId: atRoundtable.itemId, intoItemId: early.itemId, reason: REASON }),
      'WRONG_STEP',
      '这件事项现在处于“圆桌议事”，不能进行这个操作',
    );
    const doing = await driveTo(cloud, 'doing', { author: nextAuthor() });
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId: early.itemId, intoItemId: doing.itemId, reason: REASON }),
      'WRONG_STEP',
      '这件事项现在处于“集中办事”，不能进行这个操作',
    );
    const { from, into } = await pair();
    data(await as(ADMIN)('merge', { itemId: from, intoItemId: into, reason: REASON }));
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId: from, intoItemId: early.itemId, reason: REASON }),
      'WRONG_STEP',
      '这件事项已合并到其他事项',
    );
  });

  test('the target may be at 圆桌议事 or 会议定事', async () => {
    const deciding = await driveTo(cloud, 'deciding', { author: nextAuthor() });
    const { itemId } = await raised();
    data(await as(ADMIN)('merge', { itemId, intoItemId: deciding.itemId, reason: REASON }));
    expect(data(await as(ADMIN)('getItem', { itemId: deciding.itemId })).mergedFrom).toHaveLength(1);
  });

  test('a merge needs a reason, and both items must exist', async () => {
    const { from, into } = await pair();
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId: from, intoItemId: into, reason: '' }),
      'INVALID_INPUT',
      '请填写合并原因',
    );
    await refuses(
      cloud,
      () => as(ADMIN)('merge', { itemId: from, intoItemId: 'i_nothing', reason: REASON }),
      'NOT_FOUND',
      '没有找到这件事项',
    );
  });
});
