import type { MemberIdentity } from '../roles';
import { readableScopes, scopeVillage } from './rules';

/** Who may do what with a briefing: the same predicates for the pages and the `briefings` function. */

/**
 * 政策宣讲 (seed 000: the 政策解读组 explains policy): the town admin and the town's 政策解读组 组长/副组长 publish
 * to the whole town or any village; a village admin and the village's 政策解读组 组长/副组长 to their own
 * village. `villageId` null means the whole town. The same rule decides who edits, withdraws and sees counts.
 */
export function canPublishBriefing(member: MemberIdentity | null, villageId: string | null): boolean {
  if (!member) return false;
  const { roles } = member;
  if (roles.townAdmin) return true;
  const policyLead = (level: 'town' | 'village') =>
    roles.groups.some((g) => g.group === 'policy' && g.level === level && g.position !== 'member');
  if (policyLead('town')) return true;
  if (villageId === null || villageId !== member.villageId) return false;
  return roles.villageAdmin || policyLead('village');
}

/** Edits, withdraws and sees the counts of a briefing: whoever may publish to its scope (a stored scope key). */
export function canManageBriefing(member: MemberIdentity | null, briefing: { scope: string }): boolean {
  return canPublishBriefing(member, scopeVillage(briefing.scope));
}

/** Reads a briefing: the town's and the reader's village's, and any its managers manage. */
export function canReadBriefing(member: MemberIdentity | null, briefing: { scope: string }): boolean {
  return readableScopes(member).includes(briefing.scope) || canManageBriefing(member, briefing);
}
