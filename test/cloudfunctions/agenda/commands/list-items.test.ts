import { type AgendaOutput, type ItemSummary } from '../../../../core/agenda';
import { data } from '../../../support/app-cloud';
import { driveTo, ITEM, NEIGHBOUR, OUTSIDER, TOWN_ADMIN } from '../../../support/agenda';
import { refuses } from '../fixtures';
import { useItemsScene } from '../scenes/items';

const { cloud, nextAuthor, as, items, raised, HELD_BODY } = useItemsScene();

/** A busy agenda: a dozen open matters in 中海村 before these tests (the suites of the other item actions left as many), so that listing crosses pages. */
beforeAll(async () => {
  for (let i = 0; i < 12; i++) await raised();
});

describe('listItems', () => {
  const all = async (openid: string, input: Record<string, unknown> = {}) => {
    const out: ItemSummary[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const res: AgendaOutput['listItems'] = data(
        await as(openid)('listItems', { ...input, limit: 7, ...(cursor ? { cursor } : {}) }),
      );
      out.push(...res.items);
      if (!res.nextCursor) return out;
      cursor = res.nextCursor;
    }
    throw new Error('too many pages');
  };

  test('pages through every visible item of the village exactly once, newest activity first', async () => {
    for (let i = 0; i < 3; i++) await raised();
    const seen = await all(NEIGHBOUR);
    const ids = seen.map((i) => i.itemId);
    const expected = items()
      .filter((i) => i.villageId === 'zhonghai' && i.status === 'open')
      .map((i) => i._id as string);
    expect(expected.length).toBeGreaterThan(14);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expected].sort());
    const order = seen.map((i) => [i.updatedAt, i.itemId] as const);
    const sorted = [...order].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1));
    expect(order).toEqual(sorted);
  });

  test('the step filter lists only that step', async () => {
    const { itemId } = await driveTo(cloud, 'consulting', { author: nextAuthor() });
    const listed = data(await as(NEIGHBOUR)('listItems', { step: 'consulting', limit: 50 })).items;
    expect(listed.map((i) => i.itemId)).toContain(itemId);
    expect(listed.every((i) => i.step === 'consulting')).toBe(true);
    const open = items().filter(
      (i) => i.villageId === 'zhonghai' && i.status === 'open' && i.step === 'consulting',
    );
    expect(listed).toHaveLength(open.length);
  });

  test('mine lists only the caller’s items, held ones included', async () => {
    const author = nextAuthor();
    const first = await raised(ITEM, author);
    const held = data(await as(author)('raise', { title: '水井维修', body: HELD_BODY })).item;
    await raised();
    const listed = data(await as(author)('listItems', { mine: true })).items.map((i) => i.itemId);
    expect(listed.sort()).toEqual([first.itemId, held.itemId].sort());
    expect(data(await as(NEIGHBOUR)('listItems', { mine: true })).items).toEqual([]);
  });

  test('a resident of another village sees only their village, and is FORBIDDEN to ask for 中海村', async () => {
    const theirs = data(
      await as(OUTSIDER)('raise', { title: '五星村修路', body: '五星村进村道路坑洼，请修一修。' }),
    ).item;
    const listed = data(await as(OUTSIDER)('listItems', { limit: 50 })).items;
    expect(listed.map((i) => i.itemId)).toContain(theirs.itemId);
    expect(listed.every((i) => i.villageId === 'wuxing')).toBe(true);
    await refuses(
      cloud,
      () => as(OUTSIDER)('listItems', { villageId: 'zhonghai' }),
      'FORBIDDEN',
      '只能查看本村的事项',
    );
    const ours = data(await as(NEIGHBOUR)('listItems', { limit: 50 })).items;
    expect(ours.map((i) => i.itemId)).not.toContain(theirs.itemId);
  });

  test('the town admin and town-level group leaders may pass a villageId; the town admin sees held items', async () => {
    const held = data(await as(nextAuthor())('raise', { title: '水井维修', body: HELD_BODY })).item;
    const byTown = await all(TOWN_ADMIN, { villageId: 'zhonghai' });
    expect(byTown.map((i) => i.itemId)).toContain(held.itemId);
    expect(byTown.every((i) => i.villageId === 'zhonghai')).toBe(true);
    // Without a villageId: their own village (迤那社区), where nothing was raised.
    expect(data(await as(TOWN_ADMIN)('listItems', {})).items).toEqual([]);
    const byLeader = await all('demo-leader-mediate', { villageId: 'zhonghai' });
    expect(byLeader.length).toBeGreaterThan(0);
    expect(byLeader.map((i) => i.itemId)).not.toContain(held.itemId);
  });

  test.each([
    ['a cursor that is not one', { cursor: 'not-a-cursor' }, '分页参数无效，请刷新后重试'],
    [
      'a cursor of the wrong shape',
      { cursor: Buffer.from('{"a":1}').toString('base64url') },
      '分页参数无效，请刷新后重试',
    ],
    ['a page of 51', { limit: 51 }, '每页最多 50 条'],
    ['an unknown step', { step: 'finished' }, '步骤格式不正确'],
  ])('%s is INVALID_INPUT', async (_what, input, message) => {
    await refuses(cloud, () => as(NEIGHBOUR)('listItems', input), 'INVALID_INPUT', message);
  });
});
