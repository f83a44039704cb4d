import { menuFor } from '../../src/menu';
import { NO_ROLES } from '../../core/roles';

const member = (roles: Partial<typeof NO_ROLES>) => ({
  residentId: 'r',
  villageId: 'v',
  roles: { ...NO_ROLES, ...roles },
});

test('everyone sees the features open to anyone (policy briefings, dividends, the groups), and no admin entries', () =>
  expect(menuFor(null).map((e) => e.id)).toEqual(['briefings', 'dividends', 'groups']));

test('a village admin also sees review and roster', () =>
  expect(menuFor(member({ villageAdmin: true })).map((e) => e.id)).toEqual([
    'agenda',
    'briefings',
    'honor',
    'dividends',
    'groups',
    'bindings',
    'roster',
  ]));

test('a bound resident sees the round table and the honor board; a 村民代表 no admin entries', () => {
  expect(menuFor(member({})).map((e) => e.id)).toEqual([
    'agenda',
    'briefings',
    'honor',
    'dividends',
    'groups',
  ]);
  expect(menuFor(member({ rep: true })).map((e) => e.id)).toEqual([
    'agenda',
    'briefings',
    'honor',
    'dividends',
    'groups',
  ]);
});
