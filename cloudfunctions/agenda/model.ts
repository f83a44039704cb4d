import type { MemberDoc } from '../_shared/documents';
import { randomBytes } from 'node:crypto';
import type { ItemStatus, PollRules, Eligibility, Step, TimelineEvent } from '../../core/agenda';
import { roleLabels } from '../../core/roles';

export interface ItemDoc {
  _id: string;
  villageId: string;
  villageName: string;
  title: string;
  body: string;
  authorResidentId: string;
  authorOpenid: string;
  authorName: string;
  status: ItemStatus;
  step: Step;
  supportCount: number;
  commentCount: number;
  verdicts: { confirm: number; dispute: number };
  mergedInto: { itemId: string; title: string; reason: string } | null;
  mergedFrom: { itemId: string; title: string; reason: string }[];
  roundtable: {
    at: Date;
    place: string;
    participants: { residentId: string; name: string; role: string }[];
    minutes: string | null;
  } | null;
  pollId: string | null;
  moderation: { reason: string | null } | null;
  timeline: (Omit<TimelineEvent, 'at'> & { at: Date })[];
  createdAt: Date;
  updatedAt: Date;
}

export interface CommentDoc {
  _id: string;
  itemId: string;
  residentId: string;
  authorOpenid: string;
  authorName: string;
  text: string;
  held: boolean;
  createdAt: Date;
}

export interface TaskDoc {
  _id: string;
  itemId: string;
  title: string;
  ownerId: string;
  ownerName: string;
  ownerOpenid: string | null;
  dueAt: Date;
  progress: number;
  notes: { at: Date; progress: number; note: string; byName: string }[];
  createdAt: Date;
}

export interface PollDoc extends PollRules {
  _id: string;
  itemId: string;
  villageId: string;
  question: string;
  eligibility: Eligibility;
  visibility: 'afterClose' | 'live';
  /** `opening`: one admin's openPoll is writing the roll and counters (votes wait for `open`). */
  status: 'draft' | 'opening' | 'open' | 'closed';
  /** When the current openPoll claimed the poll; a claim older than a function's lifetime may be taken over. */
  openingAt: Date | null;
  opensAt: Date | null;
  closesAt: Date;
  eligibleCount: number;
  rollBuckets: number;
  tallyShards: number;
  result: { cast: number; counts: Record<string, number> } | null;
  digest: string | null;
  finalizedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

/** How an actor appears on the public timeline: their most significant role. */
export function actorRole(member: MemberDoc): string {
  return roleLabels(member.roles)[0] ?? '村民';
}

/** A timeline entry, appended in the same write as the change it records. */
export function event(step: Step, member: MemberDoc, what: string, at: Date): ItemDoc['timeline'][number] {
  return { step, at, actorName: member.name, actorRole: actorRole(member), what };
}

/** `<itemId>_<residentId>`: one support, and one verdict, per resident and matter. */
export const residentMarkId = (itemId: string, residentId: string) => `${itemId}_${residentId}`;

/** `<pollId>_<residentId>`: that someone voted (and nothing about how). */
export const voteMarkerId = (pollId: string, residentId: string) => `${pollId}_${residentId}`;

/**
 * Comment ids sort by time (listComments pages by `_id`, oldest first, on the itemId_1__id_1 index): the time
 * in base 36, fixed width, then random bits so that two comments of the same millisecond still differ.
 */
export const commentId = (now: number) =>
  `c_${now.toString(36).padStart(9, '0')}${randomBytes(8).toString('hex')}`;
