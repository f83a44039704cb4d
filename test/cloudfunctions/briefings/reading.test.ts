import { data, refuses, useAppCloud } from '../../support/app-cloud';
import {
  BRIEFING,
  briefingsAs,
  OUTSIDER,
  POLICY_LEADER,
  published,
  RESIDENT,
  UNBOUND,
  VILLAGE_ADMIN,
} from '../../support/briefings';

const cloud = useAppCloud();

const as = (openid: string | null) => briefingsAs(cloud, openid);
const ZHONGHAI = { kind: 'village', villageId: 'zhonghai' };

/** Every id a reader finds by paging through `action` to the end. */
async function allIds(openid: string, action: 'list' | 'search', input: Record<string, unknown>) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = data(await as(openid)(action, { ...input, ...(cursor ? { cursor } : {}), limit: 3 }));
    ids.push(...page.items.map((i) => i.briefingId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe('list', () => {
  test('newest first; the first page carries the shown categories', async () => {
    const a = await published(cloud, POLICY_LEADER, { title: '列表测试之一的标题' });
    const b = await published(cloud, POLICY_LEADER, { title: '列表测试之二的标题' });
    const page = data(await as(RESIDENT)('list', { limit: 50 }));
    const ids = page.items.map((i) => i.briefingId);
    expect(ids.indexOf(b)).toBeLessThan(ids.indexOf(a));
    expect(page.categories?.map((c) => c.categoryId)).toContain('huinong');
    expect(page.items[0]).not.toHaveProperty('body');
  });

  test('pages cover every briefing once', async () => {
    for (let i = 0; i < 5; i++) await published(cloud, POLICY_LEADER, { categoryId: 'jiaoyu' });
    const ids = await allIds(RESIDENT, 'list', { categoryId: 'jiaoyu' });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(cloud.dump('briefings').filter((b) => b.categoryId === 'jiaoyu').length);
  });

  test('a village’s briefing shows to its residents only; visitors see the town’s', async () => {
    const village = await published(cloud, VILLAGE_ADMIN, { scope: ZHONGHAI, title: '中海村自来水改造通知' });
    const town = await published(cloud, POLICY_LEADER, { title: '全镇秋冬季防火通知' });
    const seen = async (openid: string) =>
      (await allIds(openid, 'list', {})).filter((id) => [village, town].includes(id));
    expect((await seen(RESIDENT)).sort()).toEqual([village, town].sort());
    expect(await seen(OUTSIDER)).toEqual([town]);
    expect(await seen(UNBOUND)).toEqual([town]);
    await refuses(cloud, () => as(OUTSIDER)('get', { briefingId: village }), 'NOT_FOUND');
  });

  test('withdrawn briefings leave the list', async () => {
    const id = await published(cloud, POLICY_LEADER, { categoryId: 'fazhi' });
    data(await as(POLICY_LEADER)('withdraw', { briefingId: id, reason: '重复发布' }));
    expect(await allIds(RESIDENT, 'list', { categoryId: 'fazhi' })).not.toContain(id);
  });

  test('only public disclosures, with their period and whether it is open', async () => {
    const now = Date.now();
    const open = await published(cloud, POLICY_LEADER, {
      title: '2026年低保对象公示名单',
      disclosure: { startsAt: now - 86_400_000, endsAt: now + 6 * 86_400_000 },
    });
    const ended = await published(cloud, POLICY_LEADER, {
      title: '2025年村级重大事项公示',
      disclosure: { startsAt: now - 30 * 86_400_000, endsAt: now - 20 * 86_400_000 },
    });
    const plain = await published(cloud, POLICY_LEADER);
    const page = data(await as(RESIDENT)('list', { disclosures: true, limit: 50 }));
    const byId = new Map(page.items.map((i) => [i.briefingId, i]));
    expect(byId.get(open)?.disclosure?.state).toBe('open');
    expect(byId.get(ended)?.disclosure?.state).toBe('ended');
    expect(byId.has(plain)).toBe(false);
  });
});

describe('search inside titles, summaries and bodies', () => {
  test('a word found only inside the body finds the briefing, with an excerpt around it', async () => {
    const id = await published(cloud, POLICY_LEADER, {
      body: '今年起，年满六十周岁的村民参加**城乡居民基本养老保险**，可到村便民服务站办理认证。',
    });
    const page = data(await as(RESIDENT)('search', { query: '便民服务站' }));
    const hit = page.items.find((i) => i.briefingId === id);
    expect(hit?.snippet).toContain('便民服务站');
  });

  test('every word of the query must match (any order); full-width letters match half-width', async () => {
    const id = await published(cloud, POLICY_LEADER, {
      title: '高标准农田建设项目说明',
      body: '项目总投资约 120 万元，采用 ＰＰＰ 模式，由合作社统一管护。',
    });
    expect((await allIds(RESIDENT, 'search', { query: '合作社  农田' })).includes(id)).toBe(true);
    expect((await allIds(RESIDENT, 'search', { query: 'ppp' })).includes(id)).toBe(true);
    expect((await allIds(RESIDENT, 'search', { query: '合作社 游泳池' })).includes(id)).toBe(false);
  });

  test('markup and link addresses are not searched; regular-expression characters are literal', async () => {
    const id = await published(cloud, POLICY_LEADER, {
      body: '详见[政策原文](https://www.example.gov.cn/zhengce)，补贴标准 (每亩) 105.5 元。',
    });
    expect((await allIds(RESIDENT, 'search', { query: 'example.gov' })).includes(id)).toBe(false);
    expect((await allIds(RESIDENT, 'search', { query: '(每亩) 105.5' })).includes(id)).toBe(true);
    expect((await allIds(RESIDENT, 'search', { query: '.*' })).includes(id)).toBe(false);
  });

  test('search sees what the reader may see: not other villages’, not withdrawn ones', async () => {
    const village = await published(cloud, VILLAGE_ADMIN, {
      scope: ZHONGHAI,
      body: '中海村独有的词：荞麦种植示范。',
    });
    const gone = await published(cloud, POLICY_LEADER, { body: '即将撤回的词：马铃薯窖藏。' });
    data(await as(POLICY_LEADER)('withdraw', { briefingId: gone, reason: '内容有误' }));
    expect(await allIds(RESIDENT, 'search', { query: '荞麦种植示范' })).toEqual([village]);
    expect(await allIds(OUTSIDER, 'search', { query: '荞麦种植示范' })).toEqual([]);
    expect(await allIds(RESIDENT, 'search', { query: '马铃薯窖藏' })).toEqual([]);
  });

  test('an empty query is refused', async () => {
    await refuses(
      cloud,
      () => as(RESIDENT)('search', { query: '   ' }),
      'INVALID_INPUT',
      '请输入要搜索的字词',
    );
  });
});

describe('get', () => {
  test('the page carries safe nodes, the text to read aloud, and no Markdown for a reader', async () => {
    const id = await published(cloud);
    const page = data(await as(RESIDENT)('get', { briefingId: id }));
    expect(page.nodes?.length).toBeGreaterThan(0);
    expect(page.speech).toContain('拥有承包耕地的农户');
    expect(page.speech).not.toContain('**');
    expect(page.body).toBeNull();
    expect(page).toMatchObject({
      canManage: false,
      canLearn: true,
      learned: false,
      authorName: expect.any(String),
    });
    const mine = data(await as(POLICY_LEADER)('get', { briefingId: id }));
    expect(mine).toMatchObject({ canManage: true, body: BRIEFING.body });
  });

  test('a visitor who is not bound reads a town briefing but cannot mark it learned', async () => {
    const id = await published(cloud);
    expect(data(await as(UNBOUND)('get', { briefingId: id }))).toMatchObject({
      canLearn: false,
      learned: false,
    });
  });

  test('a briefing that does not exist is NOT_FOUND', async () => {
    await refuses(cloud, () => as(RESIDENT)('get', { briefingId: 'b_nothing' }), 'NOT_FOUND');
  });
});
