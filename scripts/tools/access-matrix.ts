import { ACCESS, type Access } from '../../core/access';
import type { FunctionName } from '../../core/api';
import { holds, NO_ROLES, type Audience, type MemberIdentity, type Roles } from '../../core/roles';

/**
 * The authorization matrix as README shows it and the tests check it: one column per role, each held by a
 * canonical member who has only that role. Docs and tests only; the routers read core/access.ts.
 */

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
