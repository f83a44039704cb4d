import type { BriefingSummary } from '@core/briefings';
import { DISCLOSURE_LABELS, canPublishBriefing } from '@core/briefings';
import type { MemberIdentity } from '@core/roles';

/** Whether the member may publish anywhere at all (the 发布宣讲 button); the cloud checks the scope. */
export function canPublishSomewhere(member: MemberIdentity | null): boolean {
  return !!member && (canPublishBriefing(member, null) || canPublishBriefing(member, member.villageId));
}

/** The tag of a public disclosure: 公示中 / 公示未开始 / 公示已结束, or null for an ordinary briefing. */
export function disclosureTag(
  b: Pick<BriefingSummary, 'disclosure'>,
): { text: string; grey: boolean } | null {
  if (!b.disclosure) return null;
  return { text: DISCLOSURE_LABELS[b.disclosure.state], grey: b.disclosure.state !== 'open' };
}
