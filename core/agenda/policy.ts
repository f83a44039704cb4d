import { canManageVillage, type MemberIdentity } from '../roles';

/**
 * Who may do what with a matter: the same functions decide on the server (cloudfunctions/agenda) and on the
 * matter's pages (which buttons show). Pure: a member and the documents' few fields they look at.
 */
type InVillage = { villageId: string };

/** The village's admins (and town admins) move a matter through its steps. */
export function canManageItem(member: MemberIdentity | null, item: InVillage): boolean {
  return canManageVillage(member, item.villageId);
}

/** Duplicates may also be merged by the 协商议事组's leaders: town level, or village level of that village. */
export function canMergeItem(member: MemberIdentity | null, item: InVillage): boolean {
  if (!member) return false;
  if (canManageItem(member, item)) return true;
  return member.roles.groups.some(
    (g) =>
      g.group === 'consult' &&
      g.position !== 'member' &&
      (g.level === 'town' || member.villageId === item.villageId),
  );
}

/** Town admins and town-level group members see, and take part in, every village's matters. */
export function canSeeEveryVillage(member: MemberIdentity): boolean {
  return member.roles.townAdmin || member.roles.groups.some((g) => g.level === 'town');
}

/** Residents take part in their own village's matters (list, comment, support, verdict); town-level roles in any. */
export function canTakePart(member: MemberIdentity, item: InVillage): boolean {
  return member.villageId === item.villageId || canSeeEveryVillage(member);
}

/** A task's progress is reported by its owner, or by whoever manages the matter. */
export function canUpdateTask(
  member: MemberIdentity | null,
  item: InVillage,
  task: { ownerId: string },
): boolean {
  return !!member && (task.ownerId === member.residentId || canManageItem(member, item));
}
