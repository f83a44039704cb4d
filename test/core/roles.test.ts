import {
  allows,
  canManageVillage,
  checkRoleChange,
  holds,
  normalizeRoles,
  NO_ROLES,
  roleLabels,
  type MemberIdentity,
  type Roles,
} from '../../core/roles';

const member = (villageId: string, roles: Partial<Roles>, residentId = 'r1'): MemberIdentity => ({
  residentId,
  villageId,
  roles: { ...NO_ROLES, ...roles },
});
const roles = (partial: Partial<Roles>): Roles => ({ ...NO_ROLES, ...partial });

describe('holds', () => {
  test('anyone includes a WeChat user without a binding', () => expect(holds(null, 'anyone')).toBe(true));
  test('resident means bound', () => {
    expect(holds(null, 'resident')).toBe(false);
    expect(holds(member('v', {}), 'resident')).toBe(true);
  });
  test('groupLeader includes deputies but not members', () => {
    expect(
      holds(
        member('v', { groups: [{ group: 'policy', level: 'village', position: 'deputy' }] }),
        'groupLeader',
      ),
    ).toBe(true);
    expect(
      holds(
        member('v', { groups: [{ group: 'policy', level: 'village', position: 'member' }] }),
        'groupLeader',
      ),
    ).toBe(false);
  });
  test('allows is any-of', () =>
    expect(allows(['villageAdmin', 'townAdmin'], member('v', { townAdmin: true }))).toBe(true));
});

describe('canManageVillage', () => {
  test('a village admin manages only their own village', () => {
    expect(canManageVillage(member('a', { villageAdmin: true }), 'a')).toBe(true);
    expect(canManageVillage(member('a', { villageAdmin: true }), 'b')).toBe(false);
  });
  test('a town admin manages every village', () =>
    expect(canManageVillage(member('a', { townAdmin: true }), 'z')).toBe(true));
  test('a representative manages none', () =>
    expect(canManageVillage(member('a', { rep: true }), 'a')).toBe(false));
});

describe('checkRoleChange', () => {
  const villageAdmin = member('a', { villageAdmin: true }, 'admin');
  const target = { residentId: 'r9', villageId: 'a' };
  test('a village admin may name a representative in their village', () =>
    expect(checkRoleChange(villageAdmin, target, NO_ROLES, roles({ rep: true }))).toBeNull());
  test('a village admin may set village-level group roles', () =>
    expect(
      checkRoleChange(
        villageAdmin,
        target,
        NO_ROLES,
        roles({ groups: [{ group: 'service', level: 'village', position: 'leader' }] }),
      ),
    ).toBeNull());
  test('a village admin may not touch town-level group roles, even removing them', () =>
    expect(
      checkRoleChange(
        villageAdmin,
        target,
        roles({ groups: [{ group: 'service', level: 'town', position: 'member' }] }),
        NO_ROLES,
      ),
    ).toBe('村管理员不能设置镇级联盟小组身份'));
  test('a town admin may not remove their own town-admin role', () =>
    expect(
      checkRoleChange(
        member('a', { townAdmin: true }, 't'),
        { residentId: 't', villageId: 'a' },
        roles({ townAdmin: true }),
        NO_ROLES,
      ),
    ).toBe('不能取消自己的镇管理员身份'));
  test('a town admin may appoint another town admin', () =>
    expect(
      checkRoleChange(member('a', { townAdmin: true }, 't'), target, NO_ROLES, roles({ townAdmin: true })),
    ).toBeNull());
});

test('normalizeRoles keeps one role per group and level, the last one given', () => {
  const r = normalizeRoles(
    roles({
      groups: [
        { group: 'policy', level: 'town', position: 'member' },
        { group: 'policy', level: 'town', position: 'leader' },
        { group: 'consult', level: 'village', position: 'deputy' },
      ],
    }),
  );
  expect(r.groups).toEqual([
    { group: 'consult', level: 'village', position: 'deputy' },
    { group: 'policy', level: 'town', position: 'leader' },
  ]);
});

test('roleLabels puts admin roles first and names group roles in full', () =>
  expect(
    roleLabels(
      roles({
        rep: true,
        villageAdmin: true,
        groups: [{ group: 'crowdfund', level: 'village', position: 'deputy' }],
      }),
    ),
  ).toEqual(['村管理员', '村民代表', '产业众筹组副组长（村级）']));
