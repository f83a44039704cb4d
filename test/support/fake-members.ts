import type { MembersOutput, MemberView } from '../../core/members';
import { GROUP_CODES, GROUPS } from '../../core/groups';
import { NO_ROLES, roleLabels, type Roles } from '../../core/roles';
import { ok, type Result } from '../../core/result';

/**
 * A stand-in for the `members` cloud function's answers, for tests of the client (component tests and weapp
 * smoke tests) that must not depend on a running cloud. Cloud behaviour itself is tested in test/cloudfunctions.
 */
export function memberView(roles: Partial<Roles> = {}, overrides: Partial<MemberView> = {}): MemberView {
  const r = { ...NO_ROLES, ...roles };
  return {
    residentId: 'r_resident_001',
    name: '胡翠萍',
    villageId: 'zhonghai',
    villageName: '中海村',
    household: '三组019号',
    phoneMasked: '185****9405',
    roles: r,
    roleLabels: roleLabels(r),
    boundAt: Date.UTC(2026, 9, 1, 2),
    ...overrides,
  };
}

export type MembersAnswers = {
  [A in keyof MembersOutput]?:
    MembersOutput[A] | ((input: Record<string, unknown>) => Result<MembersOutput[A], string>);
};

const DEFAULTS: MembersAnswers = {
  me: { status: 'bound', member: memberView() },
  listVillages: {
    townName: '迤那镇',
    villages: [
      { id: 'zhonghai', name: '中海村', kind: 'village' },
      { id: 'wuxing', name: '五星村', kind: 'village' },
    ],
  },
  listGroups: { groups: GROUP_CODES.map((code) => ({ ...GROUPS[code], leaders: [], memberCount: 0 })) },
  listPending: { items: [], nextCursor: null },
  listResidents: { items: [], nextCursor: null },
  getResident: {
    resident: {
      residentId: 'r_resident_007',
      name: '安春梅',
      household: '四组004号',
      phoneMasked: null,
      bound: true,
      roles: NO_ROLES,
      roleLabels: [],
    },
    villageId: 'zhonghai',
    villageName: '中海村',
  },
};

/** `members` as a function of the event: `{action, ...input}` → the result the cloud would give. */
export function fakeMembers(
  answers: MembersAnswers = {},
): (event: Record<string, unknown>) => Result<unknown, string> {
  return fakeFunction({ ...DEFAULTS, ...answers });
}

/**
 * A cloud function as a function of the event, from an answer per action: a fixed value (answered ok) or a
 * function of the input returning the whole result. Unknown actions are refused as the router does.
 */
export function fakeFunction(
  answers: Record<string, unknown>,
): (event: Record<string, unknown>) => Result<unknown, string> {
  return (event) => {
    const { action, ...input } = event;
    const answer = answers[String(action)];
    if (answer === undefined) return { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的操作' } };
    return typeof answer === 'function'
      ? (answer as (i: Record<string, unknown>) => Result<unknown, string>)(input)
      : ok(answer);
  };
}
