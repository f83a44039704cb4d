import { CONTRACT, type ActionOf, type FunctionName } from './api';
import { holds, NO_ROLES, type Audience, type MemberIdentity, type Roles } from './roles';

/**
 * The authorization matrix: for every cloud function and action, who may call it. Each function's router
 * (cloudfunctions/_shared/command.ts) checks a call against this table before it looks at the input, so the
 * table is the one place where an action's audience is written. `rule` names the finer check the command
 * makes on the data itself (own village, the item's village, the notice's audience…) once the role lets the
 * call through; README's "Who may do what" is printed from this file (`npm run access-table`).
 */
export interface Access {
  /** Any of these audiences may call the action (roles.ts `holds`). */
  allow: readonly Audience[];
  /** The further rule the command applies to the data, in words; none when the role is the whole rule. */
  rule?: string;
}

type AccessTable = { [F in FunctionName]: { [A in ActionOf<F>]: Access } };

/** The matrix, read from each action's entry in the contract (core/<domain>/contract.ts). */
export const ACCESS = Object.fromEntries(
  (Object.keys(CONTRACT) as FunctionName[]).map((fn) => [
    fn,
    Object.fromEntries(
      Object.entries(CONTRACT[fn].actions as Record<string, Access>).map(([action, spec]) => [
        action,
        spec.rule === undefined ? { allow: spec.allow } : { allow: spec.allow, rule: spec.rule },
      ]),
    ),
  ]),
) as AccessTable;

/** Who may call `fn`'s `action`, or undefined for an action the table does not know. */
export function accessOf(fn: string, action: string): Access | undefined {
  const actions = (ACCESS as Record<string, Record<string, Access>>)[fn];
  return actions && Object.hasOwn(actions, action) ? actions[action] : undefined;
}

/** The matrix's columns: one role each, as the canonical member who holds only that role. */
export const ROLE_COLUMNS = [
  { key: 'unbound', label: '未绑定' },
  { key: 'resident', label: '村民' },
  { key: 'rep', label: '村民代表' },
  { key: 'groupMember', label: '小组成员' },
  { key: 'groupLeader', label: '小组组长' },
  { key: 'villageAdmin', label: '村管理员' },
  { key: 'townAdmin', label: '镇管理员' },
] as const;

export type RoleColumn = (typeof ROLE_COLUMNS)[number]['key'];

const groupRole = (position: 'member' | 'leader'): Roles['groups'][number] => ({
  group: 'service',
  level: 'village',
  position,
});

/** The member who holds exactly the column's role (null: a WeChat user not bound to a resident). */
export function columnIdentity(column: RoleColumn): MemberIdentity | null {
  if (column === 'unbound') return null;
  const roles: Roles = { ...NO_ROLES, groups: [] };
  if (column === 'rep') roles.rep = true;
  if (column === 'villageAdmin') roles.villageAdmin = true;
  if (column === 'townAdmin') roles.townAdmin = true;
  if (column === 'groupMember') roles.groups = [groupRole('member')];
  if (column === 'groupLeader') roles.groups = [groupRole('leader')];
  return { residentId: `column-${column}`, villageId: 'column-village', roles };
}

/** Whether the column's role passes the action's role gate. */
export function columnAllowed(access: Access, column: RoleColumn): boolean {
  const member = columnIdentity(column);
  return access.allow.some((a: Audience) => holds(member, a));
}

/** Every row of the matrix: function, action, one allowed flag per column and the finer rule. */
export function accessRows(): { fn: FunctionName; action: string; allowed: boolean[]; rule?: string }[] {
  return (Object.keys(ACCESS) as FunctionName[]).flatMap((fn) =>
    Object.entries(ACCESS[fn] as Record<string, Access>).map(([action, access]) => ({
      fn,
      action,
      allowed: ROLE_COLUMNS.map((c) => columnAllowed(access, c.key)),
      ...(access.rule ? { rule: access.rule } : {}),
    })),
  );
}

/** The matrix as a Markdown table (README's "Who may do what"). */
export function accessMarkdown(): string {
  const head = ['function', 'action', ...ROLE_COLUMNS.map((c) => c.label), 'and also'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const row of accessRows()) {
    const cells = row.allowed.map((a) => (a ? '✓' : '—'));
    lines.push(`| ${row.fn} | \`${row.action}\` | ${cells.join(' | ')} | ${row.rule ?? ''} |`);
  }
  return lines.join('\n');
}
