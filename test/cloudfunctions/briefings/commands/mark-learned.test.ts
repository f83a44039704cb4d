import { demoResidentOpenid } from '../../../../scripts/demo/identities';
import { data, refuses, useAppCloud } from '../../../support/app-cloud';
import {
  briefingsAs,
  OUTSIDER,
  POLICY_LEADER,
  published,
  RESIDENT,
  UNBOUND,
  VILLAGE_ADMIN,
} from '../../../support/briefings';

const cloud = useAppCloud();

const as = (openid: string | null) => briefingsAs(cloud, openid);
const doc = (id: string) => cloud.dump('briefings').find((b) => b._id === id)!;
const marksOf = (id: string) => cloud.dump('briefingReads').filter((r) => r.briefingId === id);

describe('已学习', () => {
  test('100 distinct residents at once: exactly +100, in all and by village', async () => {
    const id = await published(cloud);
    // 中海村 residents 001–100.
    const readers = Array.from({ length: 100 }, (_v, i) => demoResidentOpenid(i + 1));
    const answers = await Promise.all(readers.map((r) => as(r)('markLearned', { briefingId: id })));
    expect(answers.filter((a) => a.ok && a.data.counted)).toHaveLength(100);
    expect(doc(id)).toMatchObject({ learnedCount: 100, learnedByVillage: { zhonghai: 100 } });
    expect(marksOf(id)).toHaveLength(100);
  });

  test('one resident marking again, even many times at once, counts once', async () => {
    const id = await published(cloud);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => as(RESIDENT)('markLearned', { briefingId: id })),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.filter((a) => a.ok && a.data.counted)).toHaveLength(1);
    expect(doc(id).learnedCount).toBe(1);
    expect(marksOf(id)).toHaveLength(1);
    expect(data(await as(RESIDENT)('get', { briefingId: id })).learned).toBe(true);
  });

  test('counts by village, for the briefing’s managers', async () => {
    const id = await published(cloud);
    await Promise.all(
      [RESIDENT, demoResidentOpenid(2), OUTSIDER, demoResidentOpenid(202)].map((r) =>
        as(r)('markLearned', { briefingId: id }),
      ),
    );
    const stats = data(await as(POLICY_LEADER)('readStats', { briefingId: id }));
    expect(stats.total).toBe(4);
    const byVillage = Object.fromEntries(stats.villages.map((v) => [v.villageName, v.learned]));
    expect(byVillage['中海村']).toBe(2);
    expect(Object.values(byVillage).reduce((a, b) => a + b, 0)).toBe(4);
  });

  test.each([
    ['a resident', RESIDENT, 'FORBIDDEN'],
    ['a village admin, over a town briefing', VILLAGE_ADMIN, 'FORBIDDEN'],
  ])('counts by village are refused to %s', async (_who, openid, code) => {
    const id = await published(cloud);
    await refuses(cloud, () => as(openid)('readStats', { briefingId: id }), code);
  });

  test('a visitor who is not bound cannot mark', async () => {
    const id = await published(cloud);
    await refuses(cloud, () => as(UNBOUND)('markLearned', { briefingId: id }), 'NOT_BOUND');
  });

  test('a withdrawn briefing cannot be marked', async () => {
    const id = await published(cloud);
    data(await as(POLICY_LEADER)('withdraw', { briefingId: id, reason: '内容有误' }));
    await refuses(cloud, () => as(RESIDENT)('markLearned', { briefingId: id }), 'CONFLICT');
  });

  test('another village’s briefing is NOT_FOUND to an outsider', async () => {
    const id = await published(cloud, VILLAGE_ADMIN, { scope: { kind: 'village', villageId: 'zhonghai' } });
    await refuses(cloud, () => as(OUTSIDER)('markLearned', { briefingId: id }), 'NOT_FOUND');
  });
});
