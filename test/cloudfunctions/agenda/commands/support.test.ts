import { demoResidentOpenid } from '../../../../scripts/demo/identities';
import { data } from '../../../support/app-cloud';
import { driveTo, NEIGHBOUR, OUTSIDER, RESIDENT } from '../../../support/agenda';
import { refuses } from '../fixtures';
import { useDiscussionScene } from '../scenes/discussion';

const { cloud, nextAuthor, as, raised, itemDoc } = useDiscussionScene();

describe('support', () => {
  test('a resident supports a matter once: a second call is ok and counts nothing', async () => {
    const itemId = await raised();
    expect(data(await as(NEIGHBOUR)('support', { itemId }))).toEqual({ supportCount: 1 });
    expect(data(await as(NEIGHBOUR)('support', { itemId }))).toEqual({ supportCount: 1 });
    expect(data(await as(RESIDENT)('support', { itemId }))).toEqual({ supportCount: 2 });
    expect(itemDoc(itemId).supportCount).toBe(2);
    expect(cloud.dump('agendaSupports').filter((s) => s.itemId === itemId)).toHaveLength(2);
    expect(data(await as(NEIGHBOUR)('getItem', { itemId })).supportCount).toBe(2);
  });

  test('two calls at the same moment count once', async () => {
    for (let run = 0; run < 5; run++) {
      const itemId = await raised();
      const results = await Promise.all([
        as(NEIGHBOUR)('support', { itemId }),
        as(NEIGHBOUR)('support', { itemId }),
      ]);
      for (const r of results) expect(r.ok).toBe(true);
      expect(itemDoc(itemId).supportCount).toBe(1);
      expect(cloud.dump('agendaSupports').filter((s) => s.itemId === itemId)).toHaveLength(1);
    }
  });

  test('forty residents at once, each twice, count forty', async () => {
    const itemId = await raised();
    const supporters = Array.from({ length: 40 }, (_v, i) => demoResidentOpenid(60 + i));
    const results = await Promise.all(
      [...supporters, ...supporters].map((openid) => as(openid)('support', { itemId })),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(itemDoc(itemId).supportCount).toBe(40);
    expect(cloud.dump('agendaSupports').filter((s) => s.itemId === itemId)).toHaveLength(40);
  });

  test.each(['roundtable', 'doing'] as const)('at %s support is WRONG_STEP', async (step) => {
    const { itemId } = await driveTo(cloud, step, { author: nextAuthor() });
    await refuses(cloud, () => as(NEIGHBOUR)('support', { itemId }), 'WRONG_STEP');
  });

  test('a resident of another village is FORBIDDEN', async () => {
    const itemId = await raised();
    await refuses(cloud, () => as(OUTSIDER)('support', { itemId }), 'FORBIDDEN', '只能支持本村的事项');
  });

  test('an unknown item is NOT_FOUND', async () => {
    await refuses(cloud, () => as(NEIGHBOUR)('support', { itemId: 'i_none' }), 'NOT_FOUND');
  });
});
