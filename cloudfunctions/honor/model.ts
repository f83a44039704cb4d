import type { BoardStatus, HonorList } from '../../core/honor';
import type { MemberDoc } from '../_shared/documents';
import { derivedId } from '../_shared/ids';

/** `honorRules/<villageId>_<code>`: one item of a village's 村规民约. */
export interface RuleDoc {
  _id: string;
  villageId: string;
  code: string;
  list: HonorList;
  title: string;
  article: string;
  active: boolean;
  updatedAt: Date;
}

/** A household on a board. Its id is derived from the household, so a household is on a board once. */
export interface EntryDoc {
  entryId: string;
  residentId: string;
  name: string;
  household: string;
  /** `<villageId>:<household>`: what every resident of the household shares. */
  householdKey: string;
  list: HonorList;
  reasonCode: string;
  reasonTitle: string;
  note: string;
  reward: string | null;
}

export interface CorrectionDoc {
  entryId: string;
  reason: string;
  byName: string;
  at: Date;
}

export interface BoardDoc {
  _id: string;
  villageId: string;
  villageName: string;
  month: string;
  status: BoardStatus;
  entries: EntryDoc[];
  corrections: CorrectionDoc[];
  draftedBy: { openid: string; name: string };
  submittedBy: { openid: string; name: string } | null;
  review:
    | { kind: 'admin'; openid: string; name: string; at: Date }
    | { kind: 'assembly'; date: string; openid: string; name: string; at: Date }
    | null;
  returnedReason: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** `honorRestrictions/<boardId>_<entryId>`: a black-list restriction of a household, 3 months from publication. */
export interface RestrictionDoc {
  _id: string;
  villageId: string;
  householdKey: string;
  boardId: string;
  entryId: string;
  reasonTitle: string;
  startsAt: Date;
  endsAt: Date;
  liftedAt: Date | null;
  liftReason: string | null;
  reassessments: { outcome: 'lifted' | 'kept'; note: string; byName: string; at: Date }[];
}

/** `honorAppeals/<boardId>_<entryId>`: one appeal per black-list entry. */
export interface AppealDoc {
  _id: string;
  villageId: string;
  boardId: string;
  entryId: string;
  householdKey: string;
  residentId: string;
  text: string;
  status: 'open' | 'upheld' | 'revoked';
  createdAt: Date;
  resolution: { reason: string; name: string; at: Date } | null;
}

export const householdKey = (villageId: string, household: string) => `${villageId}:${household}`;
export const pairId = (boardId: string, entryId: string) => `${boardId}_${entryId}`;
/** A household's entry on a board: derived from both, so a household is on a board once. */
export const entryIdOf = (boardId: string, key: string) =>
  derivedId('honor-entry', boardId, key).slice(0, 16);

/** Who drafted, submitted or reviewed a board. */
export const personOf = (m: MemberDoc) => ({ openid: m._id, name: m.name });
