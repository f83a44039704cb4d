import { GROUP_CODES, GROUPS } from '../groups';
import type { MemberIdentity } from '../roles';
import { formatDateTime } from '../time';
import {
  DELIVERY_CODES,
  DELIVERY_OUTCOMES,
  NOTICE_TEMPLATE_FIELDS,
  PENDING_CODE,
  URGENCY_LABELS,
  type Audience,
  type DeliveryCounts,
  type DeliveryOutcome,
  type Urgency,
} from './contract';

/** The notices' pure rules: audience keys and labels, the sender's label, delivery outcomes, the message. */

/** One string per audience, stored on the notice; a member's keys say which notices are theirs. */
export function audienceKey(a: Audience): string {
  switch (a.kind) {
    case 'town':
      return 'town';
    case 'village':
      return `v:${a.villageId}`;
    case 'group':
      return a.villageId ? `g:${a.group}@${a.villageId}` : `g:${a.group}`;
  }
}

/** Every audience a member belongs to: the town, their village, and each of their groups (town-wide and in their village). */
export function memberKeys(member: MemberIdentity): string[] {
  const keys = new Set(['town', `v:${member.villageId}`]);
  for (const g of member.roles.groups) {
    keys.add(`g:${g.group}`);
    keys.add(`g:${g.group}@${member.villageId}`);
  }
  return [...keys];
}

/** The keys of the audiences within a village: the village and each group in it (what its admins oversee). */
export function villageKeys(villageId: string): string[] {
  return [`v:${villageId}`, ...GROUP_CODES.map((g) => `g:${g}@${villageId}`)];
}

/** The village an audience lies in, or null for the town and town-wide groups. */
export const audienceVillage = (a: Audience): string | null => (a.kind === 'town' ? null : a.villageId);

/** 全镇 · 中海村 · 协商议事组（全镇）· 协商议事组（中海村） */
export function audienceLabel(a: Audience, villageName: string | null, townName = '全镇'): string {
  switch (a.kind) {
    case 'town':
      return townName;
    case 'village':
      return villageName ?? '本村';
    case 'group':
      return `${GROUPS[a.group].name}（${a.villageId ? (villageName ?? '本村') : '全镇'}）`;
  }
}

/**
 * 发布单位, as the subscribe message and the notice show it: the group for a group's notice; for a village,
 * its 村委/居委 when an admin sends, else the sender's group; the town's alliance for the whole town.
 */
export function senderLabelOf(
  member: MemberIdentity,
  a: Audience,
  village: { name: string; kind: 'village' | 'community' } | null,
): string {
  if (a.kind === 'group') return GROUPS[a.group].name;
  if (a.kind === 'town') return '镇统战联盟';
  const { roles } = member;
  if (roles.townAdmin || roles.villageAdmin || !village) {
    return village ? `${village.name}${village.kind === 'community' ? '居委会' : '村委会'}` : '村委会';
  }
  const led = roles.groups.find((g) => g.position !== 'member');
  return led ? GROUPS[led.group].name : `${village.name}村委会`;
}

export function emptyCounts(): DeliveryCounts {
  return { sent: 0, refused: 0, failed: 0, noGrant: 0, unbound: 0, pending: 0 };
}

const OUTCOME_OF_CODE = new Map<string, DeliveryOutcome | 'pending'>([
  ...DELIVERY_OUTCOMES.map((o) => [DELIVERY_CODES[o], o] as const),
  [PENDING_CODE, 'pending'],
]);

export function outcomeOf(code: string): DeliveryOutcome | 'pending' {
  return OUTCOME_OF_CODE.get(code) ?? 'pending';
}

/** Adds one chunk's outcome string to the counts. */
export function addOutcomes(counts: DeliveryCounts, outcomes: string): DeliveryCounts {
  for (const ch of outcomes) counts[outcomeOf(ch)] += 1;
  return counts;
}

/** The subscribe message's data for a notice (fields per NOTICE_TEMPLATE_FIELDS, cut to WeChat's limits). */
export function noticeMessageData(n: {
  title: string;
  senderLabel: string;
  createdAt: number;
  urgency: Urgency;
}): Record<keyof typeof NOTICE_TEMPLATE_FIELDS, { value: string }> {
  return {
    thing1: { value: [...n.title].slice(0, 20).join('') },
    thing2: { value: [...n.senderLabel].slice(0, 20).join('') },
    time3: { value: formatDateTime(n.createdAt) },
    phrase4: { value: URGENCY_LABELS[n.urgency] },
  };
}
