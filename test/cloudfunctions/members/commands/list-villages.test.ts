import type { MembersOutput } from '../../../../core/members';
import { caller, data, useAppCloud } from '../../../support/app-cloud';

const cloud = useAppCloud();

test('the villages list gives the town and its 11 villages and 5 communities in order', async () => {
  const { townName, villages } = data(
    await caller(cloud, 'members', 'demo-unbound')<MembersOutput['listVillages']>('listVillages'),
  );
  expect(townName).toBe('迤那镇');
  expect(villages.filter((v) => v.kind === 'village')).toHaveLength(11);
  expect(villages.filter((v) => v.kind === 'community')).toHaveLength(5);
  expect(villages[0]).toEqual({ id: 'zhonghai', name: '中海村', kind: 'village' });
});
