import type { BoardStatus, HonorList } from './contract';

/** What the `honor` function answers: rules, boards and their entries, appeals and restrictions. */

export type RestrictionState = 'active' | 'expired' | 'lifted';

export interface RuleView {
  code: string;
  list: HonorList;
  title: string;
  article: string;
  active: boolean;
}

export interface EntryView {
  entryId: string;
  /** Shown as the village decided: black-list names masked unless it shows them (managers see them in full). */
  name: string;
  household: string;
  list: HonorList;
  reasonCode: string;
  /** The rule in plain words. */
  reasonTitle: string;
  note: string;
  reward: string | null;
  /** A correction published beside the original (e.g. revoked on appeal). */
  correction: { reason: string; at: number } | null;
}

export type ReviewView =
  | { kind: 'admin'; name: string; at: number }
  | { kind: 'assembly'; date: string; recordedBy: string; at: number };

export interface BoardView {
  boardId: string;
  villageId: string;
  villageName: string;
  month: string;
  status: BoardStatus;
  entries: EntryView[];
  draftedBy: string;
  review: ReviewView | null;
  /** Why a reviewer sent it back to draft, if they did. */
  returnedReason: string | null;
  publishedAt: number | null;
  canManage: boolean;
  /** A second admin may approve it now (not the one who drafted or submitted it). */
  canApprove: boolean;
}

export interface BoardSummary {
  boardId: string;
  month: string;
  status: BoardStatus;
  red: number;
  black: number;
  publishedAt: number | null;
}

export interface AppealView {
  appealId: string;
  status: 'open' | 'upheld' | 'revoked';
  text: string;
  createdAt: number;
  resolution: { reason: string; name: string; at: number } | null;
}

export interface RestrictionView {
  restrictionId: string;
  state: RestrictionState;
  startsAt: number;
  endsAt: number;
  liftedAt: number | null;
  liftReason: string | null;
}

export interface StandingEntry {
  boardId: string;
  month: string;
  entry: EntryView;
  appeal: AppealView | null;
  /** Until when an appeal may be made (black list only), and whether it still can. */
  appealUntil: number | null;
  canAppeal: boolean;
  restriction: RestrictionView | null;
}
