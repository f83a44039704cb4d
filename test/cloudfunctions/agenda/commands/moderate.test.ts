import { data } from '../../../support/app-cloud';
import { ADMIN, CONSULT_LEADER, NEIGHBOUR, TOWN_ADMIN } from '../../../support/agenda';
import { refuses, WUXING_ADMIN } from '../fixtures';
import { useItemsScene } from '../scenes/items';

const { cloud, nextAuthor, as, itemDoc, raised, HELD_BODY } = useItemsScene();

describe('moderate (审核)', () => {
  const heldItem = async () => {
    const author = nextAuthor();
    const { item } = data(await as(author)('raise', { title: '水井维修', body: HELD_BODY }));
    return { itemId: item.itemId, author };
  };

  test('the village admin releases a held item: everyone sees it, and the timeline says so', async () => {
    const { itemId } = await heldItem();
    expect(data(await as(ADMIN)('moderate', { itemId, approve: true }))).toEqual({ itemId, status: 'open' });
    const item = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(item.status).toBe('open');
    expect(item.timeline.at(-1)).toMatchObject({ what: '审核通过，公开事项', actorRole: '村管理员' });
    const listed = data(await as(NEIGHBOUR)('listItems', { step: 'raised', limit: 50 })).items;
    expect(listed.map((i) => i.itemId)).toContain(itemId);
  });

  test('the village admin refuses a held item with a reason: only the author still sees it, with the reason', async () => {
    const { itemId, author } = await heldItem();
    expect(
      data(await as(ADMIN)('moderate', { itemId, approve: false, reason: '含有联系方式，请删除后重新提交' })),
    ).toEqual({ itemId, status: 'rejected' });
    const mine = data(await as(author)('getItem', { itemId }));
    expect(mine.status).toBe('rejected');
    expect(mine.timeline.at(-1)?.what).toBe('不予公开：含有联系方式，请删除后重新提交');
    expect(itemDoc(itemId).moderation).toEqual({ reason: '含有联系方式，请删除后重新提交' });
    expect(await as(NEIGHBOUR)('getItem', { itemId })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    // Refused matters are left out of every list, the author's included.
    for (const openid of [author, ADMIN]) {
      const listed = data(await as(openid)('listItems', { limit: 50 })).items.map((i) => i.itemId);
      expect(listed).not.toContain(itemId);
    }
  });

  test('the town admin may moderate too', async () => {
    const { itemId } = await heldItem();
    expect(data(await as(TOWN_ADMIN)('moderate', { itemId, approve: true })).status).toBe('open');
  });

  test('refusing needs a reason', async () => {
    const { itemId } = await heldItem();
    await refuses(
      cloud,
      () => as(ADMIN)('moderate', { itemId, approve: false }),
      'INVALID_INPUT',
      '请写明不公开的原因',
    );
    await refuses(
      cloud,
      () => as(ADMIN)('moderate', { itemId, approve: false, reason: ' ' }),
      'INVALID_INPUT',
      '请填写原因',
    );
  });

  test('a resident may not moderate (FORBIDDEN), not even the author', async () => {
    const { itemId, author } = await heldItem();
    for (const openid of [author, NEIGHBOUR, CONSULT_LEADER]) {
      await refuses(cloud, () => as(openid)('moderate', { itemId, approve: true }), 'FORBIDDEN');
    }
  });

  test("another village's admin is FORBIDDEN on an open item and does not even find a held one", async () => {
    const open = await raised();
    await refuses(
      cloud,
      () => as(WUXING_ADMIN)('moderate', { itemId: open.itemId, approve: true }),
      'FORBIDDEN',
      '只有本村管理员可以办理这一步',
    );
    const { itemId } = await heldItem();
    await refuses(
      cloud,
      () => as(WUXING_ADMIN)('moderate', { itemId, approve: true }),
      'NOT_FOUND',
      '没有找到这件事项',
    );
  });

  test('an item that is not held is a CONFLICT, also when moderated a second time', async () => {
    const open = await raised();
    await refuses(
      cloud,
      () => as(ADMIN)('moderate', { itemId: open.itemId, approve: true }),
      'CONFLICT',
      '这件事项不需要审核',
    );
    const { itemId } = await heldItem();
    data(await as(ADMIN)('moderate', { itemId, approve: true }));
    await refuses(
      cloud,
      () => as(ADMIN)('moderate', { itemId, approve: false, reason: '改主意了' }),
      'CONFLICT',
      '这件事项不需要审核',
    );
  });
});
