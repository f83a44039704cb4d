import { accessOf, ACCESS } from '../../core/access';
import { columnAllowed, ROLE_COLUMNS, type RoleColumn } from '../../scripts/tools/access-matrix';
import type { FunctionName } from '../../core/api';
import { DEMO_GROUP_LEADERS, DEMO_GROUP_MEMBER, DEMO_IDENTITIES } from '../../scripts/demo/identities';
import { fail } from '../../core/result';
import { digest, useAppCloud } from '../support/app-cloud';

/**
 * The authorization matrix (core/access.ts) against the real functions: every action × every demo identity.
 * Each identity's roles are written here by hand (what the demo seed gives them), so the test does not ask
 * the code under test who holds which role. A call with no input stops at the role gate when the matrix
 * denies it (FORBIDDEN, or NOT_BOUND for a WeChat user not yet bound) and changes nothing; when the matrix
 * allows it, the gate lets it through to the input check or the command.
 */
const ROLES_OF: Record<string, RoleColumn[]> = {
  'demo-town-admin': ['resident', 'townAdmin'],
  'demo-village-admin': ['resident', 'villageAdmin'],
  ...Object.fromEntries(
    Object.values(DEMO_GROUP_LEADERS).map((openid) => [openid, ['resident', 'groupMember', 'groupLeader']]),
  ),
  [DEMO_GROUP_MEMBER]: ['resident', 'groupMember'],
  'demo-rep-01': ['resident', 'rep'],
  'demo-resident-001': ['resident'],
  'demo-resident-201': ['resident'],
  'demo-unbound': ['unbound'],
};

const CALLS = (Object.keys(ACCESS) as FunctionName[]).flatMap((fn) =>
  Object.keys(ACCESS[fn]).map((action) => ({ fn, action })),
);

const cloud = useAppCloud();

test('every demo identity has its roles written here, and every role of the matrix has a demo identity', () => {
  expect(Object.keys(ROLES_OF).sort()).toEqual(DEMO_IDENTITIES.map((d) => d.openid).sort());
  for (const column of ROLE_COLUMNS) {
    // The identity whose only role besides 村民 is this one (村民 itself: a plain resident).
    const holders = Object.entries(ROLES_OF).filter(([, roles]) =>
      column.key === 'resident' || column.key === 'unbound'
        ? roles.length === 1 && roles[0] === column.key
        : roles.includes(column.key),
    );
    expect([column.key, holders.length > 0]).toEqual([column.key, true]);
  }
});

test('the matrix covers every action the functions answer (and the functions refuse unknown ones)', async () => {
  for (const { fn, action } of CALLS) {
    const res = (await cloud.call(fn, { action }, { openid: 'demo-town-admin' })) as {
      error?: { message: string };
    };
    expect([fn, action, res.error?.message]).not.toEqual([fn, action, '不支持的操作']);
  }
  expect(await cloud.call('agenda', { action: 'dropEverything' }, { openid: 'demo-town-admin' })).toEqual(
    fail('INVALID_INPUT', '不支持的操作'),
  );
});

describe.each(Object.entries(ROLES_OF))('as %s', (openid, roles) => {
  test('every action is allowed or refused exactly as the matrix says', async () => {
    const before = digest(cloud);
    const mismatches: string[] = [];
    for (const { fn, action } of CALLS) {
      const allowed = roles.some((column) => columnAllowed(accessOf(fn, action)!, column));
      const res = (await cloud.call(fn, { action }, { openid })) as { ok: boolean };
      const gateRefusal = roles.includes('unbound') ? fail('NOT_BOUND') : fail('FORBIDDEN');
      const refusedAtGate = JSON.stringify(res) === JSON.stringify(gateRefusal);
      if (allowed === refusedAtGate) {
        mismatches.push(
          `${fn}.${action}: matrix ${allowed ? 'allows' : 'denies'}, got ${JSON.stringify(res)}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
    // Denied calls change nothing; calls with no input that got through (lists, `me`) only read.
    expect(digest(cloud)).toBe(before);
  });
});
