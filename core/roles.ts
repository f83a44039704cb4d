import {
  GROUPS,
  LEVEL_LABELS,
  POSITION_LABELS,
  type GroupCode,
  type GroupLevel,
  type GroupPosition,
} from './groups';

/**
 * Roles of a verified resident, the audiences an action's contract entry allows (`holds`, `allows`: the
 * router's gate), and the rules several domains share (canManageVillage, role changes). Each domain's own
 * `can…` predicates live in core/<domain>/policy.ts.
 */
export interface GroupRole {
  group: GroupCode;
  level: GroupLevel;
  position: GroupPosition;
}

export interface Roles {
  /** 村民代表 of the resident's own village. */
  rep: boolean;
  /** Administers the resident's own village (村委). */
  villageAdmin: boolean;
  /** Administers the whole town (镇). */
  townAdmin: boolean;
  /** Memberships of the five alliance groups; at most one per group and level. */
  groups: GroupRole[];
}

export const NO_ROLES: Roles = { rep: false, villageAdmin: false, townAdmin: false, groups: [] };

/** The caller as the cloud sees them: a bound member (with roles and village) or nobody yet. */
export interface MemberIdentity {
  residentId: string;
  villageId: string;
  roles: Roles;
}

/** Who may call a command. `anyone` means any WeChat user, bound or not. */
export type Audience =
  'anyone' | 'resident' | 'rep' | 'groupMember' | 'groupLeader' | 'villageAdmin' | 'townAdmin';

/** The audiences the authorization matrix is written in (core/<domain>/contract.ts, each action's `allow`). */
export const ANYONE = ['anyone'] as const;
export const RESIDENT = ['resident'] as const;
export const ADMINS = ['villageAdmin', 'townAdmin'] as const;
export const LEADERS_AND_ADMINS = ['groupLeader', 'villageAdmin', 'townAdmin'] as const;

/** Finer rules several actions share, in the words README's matrix prints. */
export const OWN_VILLAGE = "an admin of the resident's village, or a town admin";
export const ITEM_VILLAGE = "an admin of the item's village, or a town admin";
export const DIVIDEND_MANAGERS = "the cooperative's village admins, town admins and its board (理事会)";

export function holds(member: MemberIdentity | null, audience: Audience): boolean {
  if (audience === 'anyone') return true;
  if (!member) return false;
  const { roles } = member;
  switch (audience) {
    case 'resident':
      return true;
    case 'rep':
      return roles.rep;
    case 'groupMember':
      return roles.groups.length > 0;
    case 'groupLeader':
      return roles.groups.some((g) => g.position !== 'member');
    case 'villageAdmin':
      return roles.villageAdmin;
    case 'townAdmin':
      return roles.townAdmin;
  }
}

/** Allowed when the member holds any of the audiences. */
export function allows(audiences: readonly Audience[], member: MemberIdentity | null): boolean {
  return audiences.some((a) => holds(member, a));
}

/** A town admin manages every village; a village admin manages their own. */
export function canManageVillage(member: MemberIdentity | null, villageId: string): boolean {
  if (!member) return false;
  return member.roles.townAdmin || (member.roles.villageAdmin && member.villageId === villageId);
}

/**
 * Whether `actor` may change a resident's roles from `before` to `after`. Returns the reason in Chinese when not.
 * - A town admin may set any role, but may not take away their own town-admin role (no one could restore it).
 * - A village admin may, in their own village only, set 村民代表 and village-level group roles.
 */
export function checkRoleChange(
  actor: MemberIdentity,
  target: { residentId: string; villageId: string },
  before: Roles,
  after: Roles,
): string | null {
  if (actor.roles.townAdmin) {
    if (target.residentId === actor.residentId && !after.townAdmin) return '不能取消自己的镇管理员身份';
    return null;
  }
  if (!actor.roles.villageAdmin || actor.villageId !== target.villageId) return '只能管理本村村民的身份';
  if (before.villageAdmin !== after.villageAdmin || before.townAdmin !== after.townAdmin) {
    return '村管理员不能设置管理员身份，请联系镇管理员';
  }
  const townLevel = (r: Roles) =>
    JSON.stringify(
      r.groups
        .filter((g) => g.level === 'town')
        .map((g) => `${g.group}:${g.position}`)
        .sort(),
    );
  if (townLevel(before) !== townLevel(after)) return '村管理员不能设置镇级联盟小组身份';
  return null;
}

/** One entry per group and level; later entries win. */
export function normalizeRoles(roles: Roles): Roles {
  const byKey = new Map<string, GroupRole>();
  for (const g of roles.groups) byKey.set(`${g.group}:${g.level}`, g);
  const groups = [...byKey.values()].sort(
    (a, b) => a.group.localeCompare(b.group) || a.level.localeCompare(b.level),
  );
  return { rep: roles.rep, villageAdmin: roles.villageAdmin, townAdmin: roles.townAdmin, groups };
}

/** Chinese labels, most important first: 镇管理员, 村管理员, 村民代表, then group roles. */
export function roleLabels(roles: Roles): string[] {
  const labels: string[] = [];
  if (roles.townAdmin) labels.push('镇管理员');
  if (roles.villageAdmin) labels.push('村管理员');
  if (roles.rep) labels.push('村民代表');
  for (const g of roles.groups) {
    labels.push(`${GROUPS[g.group].name}${POSITION_LABELS[g.position]}（${LEVEL_LABELS[g.level]}）`);
  }
  return labels;
}
