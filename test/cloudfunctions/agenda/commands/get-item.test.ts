import { data } from '../../../support/app-cloud';
import { ADMIN, CONSULT_LEADER, driveTo, NEIGHBOUR, RESIDENT, TOWN_ADMIN } from '../../../support/agenda';
import { refuses, WUXING_ADMIN } from '../fixtures';
import { useItemsScene } from '../scenes/items';

const { cloud, nextAuthor, as, raised } = useItemsScene();

describe('getItem', () => {
  test('an unknown item is NOT_FOUND, a malformed id INVALID_INPUT', async () => {
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('getItem', { itemId: 'i_unknown' }),
      'NOT_FOUND',
      '没有找到这件事项',
    );
    await refuses(cloud, () => as(NEIGHBOUR)('getItem', { itemId: 'a b' }), 'INVALID_INPUT', '编号无效');
  });

  test('mine says who may manage and merge', async () => {
    const { itemId } = await raised();
    const mine = async (openid: string) => data(await as(openid)('getItem', { itemId })).mine;
    expect(await mine(NEIGHBOUR)).toEqual({
      supported: false,
      verdict: null,
      canManage: false,
      canMerge: false,
    });
    expect(await mine(ADMIN)).toMatchObject({ canManage: true, canMerge: true });
    expect(await mine(TOWN_ADMIN)).toMatchObject({ canManage: true, canMerge: true });
    expect(await mine(CONSULT_LEADER)).toMatchObject({ canManage: false, canMerge: true });
    expect(await mine(WUXING_ADMIN)).toMatchObject({ canManage: false, canMerge: false });
  });

  test('mine.supported follows the caller’s support, and only theirs', async () => {
    const { itemId } = await raised();
    data(await as(NEIGHBOUR)('support', { itemId }));
    expect(data(await as(NEIGHBOUR)('getItem', { itemId })).mine.supported).toBe(true);
    expect(data(await as(RESIDENT)('getItem', { itemId })).mine.supported).toBe(false);
  });

  test('mine.verdict is the caller’s verdict, and only theirs', async () => {
    const { itemId } = await driveTo(cloud, 'supervising', { author: nextAuthor() });
    data(await as(NEIGHBOUR)('giveVerdict', { itemId, verdict: 'confirm' }));
    expect(data(await as(NEIGHBOUR)('getItem', { itemId })).mine.verdict).toBe('confirm');
    expect(data(await as(RESIDENT)('getItem', { itemId })).mine.verdict).toBeNull();
  });

  test('a matter at 集中办事 shows its round table, poll and tasks', async () => {
    const { itemId, pollId, taskId } = await driveTo(cloud, 'doing', { author: nextAuthor() });
    const item = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(item.pollId).toBe(pollId);
    expect(item.roundtable?.participants.map((p) => p.residentId)).toEqual(
      expect.arrayContaining(['r_leader_consult', 'r_leader_mediate']),
    );
    expect(item.tasks).toEqual([
      expect.objectContaining({ taskId, ownerId: 'r_resident_002', progress: 0, notes: [] }),
    ]);
  });
});
