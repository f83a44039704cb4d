import type { GroupCode } from '../groups';
import type { MemberIdentity } from '../roles';
import type { Audience } from './contract';
import { audienceVillage } from './rules';

/** Who may send notices, to whom, and who sees their coverage: the compose screen and the function ask the same. */

const leads = (member: MemberIdentity, group: GroupCode | null, level: 'town' | 'village' | null) =>
  member.roles.groups.some(
    (g) =>
      g.position !== 'member' &&
      (group === null || g.group === group) &&
      (level === null || g.level === level),
  );

/**
 * Who may push to an audience (seed 000: the groups push to their members and villages; seed 004: the village
 * reports back to its residents):
 * - the whole town: town admins;
 * - a village: town admins, the village's admins, and any group's 组长/副组长 living in that village;
 * - a group town-wide: town admins and the group's town-level 组长/副组长;
 * - a group in a village: those, the village's admins, and the group's 组长/副组长 of that village.
 */
export function canNotify(member: MemberIdentity | null, a: Audience): boolean {
  if (!member) return false;
  const { roles } = member;
  if (roles.townAdmin) return true;
  const ownVillage = (villageId: string) => villageId === member.villageId;
  switch (a.kind) {
    case 'town':
      return false;
    case 'village':
      return ownVillage(a.villageId) && (roles.villageAdmin || leads(member, null, null));
    case 'group':
      if (leads(member, a.group, 'town')) return true;
      if (a.villageId === null || !ownVillage(a.villageId)) return false;
      return roles.villageAdmin || leads(member, a.group, 'village');
  }
}

/** Whether a member may send any notice at all (the compose button). */
export function canSendNotices(member: MemberIdentity | null): boolean {
  if (!member) return false;
  return member.roles.townAdmin || member.roles.villageAdmin || leads(member, null, null);
}

/** Who sees a notice's coverage: its sender, town admins, and the admins of the village it went to. */
export function canOversee(
  member: MemberIdentity | null,
  notice: { senderOpenid: string; audience: Audience },
  openid: string,
): boolean {
  if (!member) return false;
  if (notice.senderOpenid === openid || member.roles.townAdmin) return true;
  const villageId = audienceVillage(notice.audience);
  return member.roles.villageAdmin && villageId !== null && villageId === member.villageId;
}
