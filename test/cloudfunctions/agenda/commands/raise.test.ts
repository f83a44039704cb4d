import { ITEM_BODY_MAX, ITEM_TITLE_MAX } from '../../../../core/agenda';
import { DAY_MS } from '../../../../core/time';
import { data } from '../../../support/app-cloud';
import { ADMIN, CONSULT_LEADER, ITEM, NEIGHBOUR, UNBOUND } from '../../../support/agenda';
import { awayFromWindowEdge, nameOf, refuses, residentIdOf } from '../fixtures';
import { useItemsScene } from '../scenes/items';

const { cloud, nextAuthor, as, items, itemDoc, raised, HELD_BODY } = useItemsScene();

describe('raise (群众提事)', () => {
  test('a resident raises a matter of their own village: open, at 群众提事, with its first timeline entry', async () => {
    const author = nextAuthor();
    const res = data(await as(author)('raise', ITEM));
    expect(res.held).toBe(false);
    expect(res.item).toMatchObject({
      villageId: 'zhonghai',
      villageName: '中海村',
      title: ITEM.title,
      step: 'raised',
      status: 'open',
      authorName: nameOf(cloud, author),
      supportCount: 0,
      commentCount: 0,
    });
    expect(itemDoc(res.item.itemId)).toMatchObject({
      authorResidentId: residentIdOf(author),
      authorOpenid: author,
      body: ITEM.body,
    });
    const item = data(await as(NEIGHBOUR)('getItem', { itemId: res.item.itemId }));
    expect(item.body).toBe(ITEM.body);
    expect(item.timeline).toEqual([
      {
        step: 'raised',
        at: res.item.createdAt,
        actorName: nameOf(cloud, author),
        actorRole: '村民',
        what: '提出事项',
      },
    ]);
  });

  test('title and body are stored trimmed', async () => {
    const item = await raised({ title: `  ${ITEM.title}  `, body: `\n${ITEM.body}\n` });
    expect(itemDoc(item.itemId)).toMatchObject({ title: ITEM.title, body: ITEM.body });
  });

  test('the longest title and body are accepted', async () => {
    const item = await raised({ title: '井'.repeat(ITEM_TITLE_MAX), body: '水'.repeat(ITEM_BODY_MAX) });
    expect(itemDoc(item.itemId).title).toHaveLength(ITEM_TITLE_MAX);
  });

  test.each([
    ['a title of 3 characters', { title: '修水井' }, '标题至少 4 个字'],
    ['a title that is too short once trimmed', { title: '  水井  ' }, '标题至少 4 个字'],
    ['a title of 41 characters', { title: '井'.repeat(ITEM_TITLE_MAX + 1) }, '标题最多 40 个字'],
    ['a body of 9 characters', { body: '井'.repeat(9) }, '请把事情说清楚（至少 10 个字）'],
    ['a body of 1001 characters', { body: '水'.repeat(ITEM_BODY_MAX + 1) }, '内容最多 1000 个字'],
    ['a title that is not text', { title: 42 }, '标题格式不正确'],
    ['no body', { body: undefined }, '内容格式不正确'],
  ])('%s is INVALID_INPUT with the Chinese reason, and nothing is stored', async (_what, change, message) => {
    await refuses(cloud, () => as(nextAuthor())('raise', { ...ITEM, ...change }), 'INVALID_INPUT', message);
  });

  test.each([
    ['title', { title: '村里有人赌博' }],
    ['body', { body: '晚上祠堂里有人聚众赌博，影响很坏，请处理。' }],
  ])('risky words in the %s are CONTENT_REJECTED and no item is stored', async (_where, change) => {
    const before = items().length;
    expect(await as(nextAuthor())('raise', { ...ITEM, ...change })).toEqual({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: '标题或内容含有不允许的内容，请修改后再提交' },
    });
    expect(items()).toHaveLength(before);
  });

  test('text the check wants a person to see is held: only its author and the admins see it', async () => {
    const author = nextAuthor();
    const res = data(await as(author)('raise', { title: '水井维修', body: HELD_BODY }));
    expect(res).toMatchObject({ held: true, item: { status: 'held' } });
    expect(itemDoc(res.item.itemId).status).toBe('held');
    const listed = async (openid: string) =>
      data(await as(openid)('listItems', { step: 'raised', limit: 50 })).items.map((i) => i.itemId);
    expect(await listed(author)).toContain(res.item.itemId);
    expect(await listed(ADMIN)).toContain(res.item.itemId);
    expect(await listed(NEIGHBOUR)).not.toContain(res.item.itemId);
    expect(data(await as(author)('getItem', { itemId: res.item.itemId })).status).toBe('held');
    expect(data(await as(ADMIN)('getItem', { itemId: res.item.itemId })).status).toBe('held');
    expect(await as(NEIGHBOUR)('getItem', { itemId: res.item.itemId })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有找到这件事项' },
    });
    expect(await as(CONSULT_LEADER)('getItem', { itemId: res.item.itemId })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });

  test('the fourth matter of a day is RATE_LIMITED, stores nothing, and other residents may still raise', async () => {
    await awayFromWindowEdge(DAY_MS);
    const author = nextAuthor();
    for (let i = 0; i < 3; i++) data(await as(author)('raise', ITEM));
    const before = items().length;
    expect(await as(author)('raise', ITEM)).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '每天最多提 3 件事，请明天再提' },
    });
    expect(items()).toHaveLength(before);
    expect(items().filter((i) => i.authorOpenid === author)).toHaveLength(3);
    data(await as(nextAuthor())('raise', ITEM));
  });

  test('an unbound WeChat user is NOT_BOUND', async () => {
    await refuses(cloud, () => as(UNBOUND)('raise', ITEM), 'NOT_BOUND', '请先在“我的”页面绑定村民身份');
  });

  test('a call without a WeChat identity is UNAUTHENTICATED', async () => {
    await refuses(cloud, () => as(null)('raise', ITEM), 'UNAUTHENTICATED', '请在微信小程序中打开');
  });
});
