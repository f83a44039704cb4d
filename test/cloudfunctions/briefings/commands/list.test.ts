import { data, refuses } from '../../../support/app-cloud';
import {
  OUTSIDER,
  POLICY_LEADER,
  published,
  RESIDENT,
  UNBOUND,
  VILLAGE_ADMIN,
} from '../../../support/briefings';
import { useReadingScene } from '../scenes/reading';

const { cloud, as, ZHONGHAI, allIds } = useReadingScene();

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
