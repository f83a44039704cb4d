import { canManageVillage, type MemberIdentity } from '../roles';

/** Who may do what with a cooperative and its distributions: the same predicates for pages and the function. */

/** Who manages a cooperative: the admins of its village (town admins too) and its board (理事会). */
export function canManageCooperative(
  member: MemberIdentity | null,
  coop: { villageId: string; board: { residentId: string }[] },
): boolean {
  if (!member) return false;
  return (
    canManageVillage(member, coop.villageId) || coop.board.some((b) => b.residentId === member.residentId)
  );
}

/** A computed distribution is reviewed by a second manager: not the one who declared it. */
export function canReviewDistribution(
  d: { status: string; declaredBy: { openid: string } },
  openid: string,
): boolean {
  return d.status === 'computed' && d.declaredBy.openid !== openid;
}
