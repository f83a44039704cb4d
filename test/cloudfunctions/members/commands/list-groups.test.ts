import type { MembersOutput } from '../../../../core/members';
import { caller, data, useAppCloud } from '../../../support/app-cloud';

const cloud = useAppCloud();

test('anyone, bound or not, sees the five groups with their town-level leaders', async () => {
  const { groups } = data(
    await caller(cloud, 'members', 'demo-unbound')<MembersOutput['listGroups']>('listGroups'),
  );
  expect(groups.map((g) => g.name)).toEqual([
    '协商议事组',
    '政策解读组',
    '产业众筹组',
    '矛盾调解组',
    '公益服务组',
  ]);
  expect(groups.every((g) => g.leaders.length === 1 && g.leaders[0]!.position === 'leader')).toBe(true);
  // Each group's town-level 组长; 公益服务组 also has a plain member in 中海村 (demo-group-member).
  expect(groups.map((g) => g.memberCount)).toEqual([1, 1, 1, 1, 2]);
});

test('the group list costs one database read', async () => {
  const report = await cloud.invoke('members', { action: 'listGroups' }, { openid: 'demo-unbound' });
  expect(report.requests.map((r) => r.collection)).toEqual(['groupSummaries']);
});
