import { data, refuses } from '../../../support/app-cloud';
import { OUTSIDER, POLICY_LEADER, published, RESIDENT, VILLAGE_ADMIN } from '../../../support/briefings';
import { useReadingScene } from '../scenes/reading';

const { cloud, as, ZHONGHAI, allIds } = useReadingScene();

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
