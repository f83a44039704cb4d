import type { MeData, MembersOutput } from '../../../../core/members';
import { NO_ROLES } from '../../../../core/roles';
import { data, digest } from '../../../support/app-cloud';
import { useRolesScene } from '../scenes/roles';

const { cloud, as, roles, setRoles } = useRolesScene();

test('the town admin makes a resident a village-level group leader; it shows in 我的 and in the group list', async () => {
  data(
    await setRoles(
      'demo-town-admin',
      'r_resident_005',
      roles({ groups: [{ group: 'mediate', level: 'village', position: 'leader' }] }),
    ),
  );
  const meNow = data(await as('demo-resident-005')<MeData>('me'));
  expect(meNow.status === 'bound' && meNow.member.roleLabels).toEqual(['矛盾调解组组长（村级）']);
  const { groups } = data(await as('demo-unbound')<MembersOutput['listGroups']>('listGroups'));
  const mediate = groups.find((g) => g.code === 'mediate')!;
  expect(mediate.memberCount).toBe(2);
  expect(mediate.leaders.map((l) => [l.level, l.villageName])).toEqual([
    ['town', '新营村'],
    ['village', '中海村'],
  ]);
});

test('the village admin names a 村民代表 in their own village', async () => {
  data(await setRoles('demo-village-admin', 'r_resident_010', roles({ rep: true })));
  expect(cloud.dump('members').find((m) => m._id === 'demo-resident-010')?.roles).toMatchObject({
    rep: true,
  });
});

test('a new village admin can use admin actions at once (roles are checked from the member record)', async () => {
  expect(await as('demo-resident-011')('listPending')).toMatchObject({ error: { code: 'FORBIDDEN' } });
  data(await setRoles('demo-town-admin', 'r_resident_011', roles({ villageAdmin: true })));
  expect((await as('demo-resident-011')('listPending')).ok).toBe(true);
});

test.each([
  ['an admin role', roles({ villageAdmin: true }), '村管理员不能设置管理员身份，请联系镇管理员'],
  [
    'a town-level group role',
    roles({ groups: [{ group: 'policy', level: 'town', position: 'member' }] }),
    '村管理员不能设置镇级联盟小组身份',
  ],
])('a village admin may not grant %s', async (_what, r, message) => {
  const before = digest(cloud);
  expect(await setRoles('demo-village-admin', 'r_resident_012', r)).toEqual({
    ok: false,
    error: { code: 'FORBIDDEN', message },
  });
  expect(digest(cloud)).toBe(before);
});

test('a village admin may not change residents of another village', async () => {
  expect(await setRoles('demo-village-admin', 'r_resident_201', roles({ rep: true }))).toMatchObject({
    error: { code: 'FORBIDDEN', message: '只能管理本村村民的身份' },
  });
});

test('the town admin cannot take away their own town-admin role', async () => {
  expect(await setRoles('demo-town-admin', 'r_town_admin', NO_ROLES)).toMatchObject({
    error: { code: 'FORBIDDEN' },
  });
});

test('a resident, a group leader and an unbound user may not set roles', async () => {
  expect(await setRoles('demo-resident-001', 'r_resident_002', roles({ rep: true }))).toMatchObject({
    error: { code: 'FORBIDDEN' },
  });
  expect(await setRoles('demo-leader-policy', 'r_resident_002', roles({ rep: true }))).toMatchObject({
    error: { code: 'FORBIDDEN' },
  });
  expect(await setRoles('demo-unbound', 'r_resident_002', roles({ rep: true }))).toMatchObject({
    error: { code: 'NOT_BOUND' },
  });
});

test('removing a leader removes them from the group summary', async () => {
  data(await setRoles('demo-town-admin', 'r_leader_service', NO_ROLES));
  const { groups } = data(await as('demo-resident-001')<MembersOutput['listGroups']>('listGroups'));
  // Its plain member (demo-group-member) stays.
  expect(groups.find((g) => g.code === 'service')).toMatchObject({ leaders: [], memberCount: 1 });
});
