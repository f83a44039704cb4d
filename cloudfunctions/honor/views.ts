import type { MemberDoc } from '../_shared/documents';
import { toMillis, toMillisOrNull } from '../../core/time';
import {
  isBoardAuthor,
  restrictionState,
  shownName,
  type AppealView,
  type BoardSummary,
  type BoardView,
  type EntryView,
  type RestrictionView,
  type RuleView,
} from '../../core/honor';
import { canManageVillage } from '../../core/roles';
import type { AppealDoc, BoardDoc, CorrectionDoc, EntryDoc, RestrictionDoc, RuleDoc } from './model';

export const ruleView = (r: RuleDoc): RuleView => ({
  code: r.code,
  list: r.list,
  title: r.title,
  article: r.article,
  active: r.active,
});

export function entryView(
  e: EntryDoc,
  corrections: CorrectionDoc[],
  maskBlack: boolean,
  viewer: { manages: boolean; householdKey: string | null },
): EntryView {
  const own = viewer.householdKey === e.householdKey;
  const c = corrections.find((x) => x.entryId === e.entryId);
  return {
    entryId: e.entryId,
    name: viewer.manages || own ? e.name : shownName(e.name, e.list, maskBlack),
    household: e.household,
    list: e.list,
    reasonCode: e.reasonCode,
    reasonTitle: e.reasonTitle,
    note: e.note,
    reward: e.reward,
    correction: c ? { reason: c.reason, at: toMillis(c.at) } : null,
  };
}

export function boardView(
  b: BoardDoc,
  member: MemberDoc,
  maskBlack: boolean,
  householdKeyOfViewer: string,
): BoardView {
  const manages = canManageVillage(member, b.villageId);
  const review = b.review
    ? b.review.kind === 'admin'
      ? { kind: 'admin' as const, name: b.review.name, at: toMillis(b.review.at) }
      : {
          kind: 'assembly' as const,
          date: b.review.date,
          recordedBy: b.review.name,
          at: toMillis(b.review.at),
        }
    : null;
  return {
    boardId: b._id,
    villageId: b.villageId,
    villageName: b.villageName,
    month: b.month,
    status: b.status,
    entries: b.entries.map((e) =>
      entryView(e, b.corrections, maskBlack, { manages, householdKey: householdKeyOfViewer }),
    ),
    draftedBy: b.draftedBy.name,
    review,
    returnedReason: b.returnedReason,
    publishedAt: b.publishedAt ? toMillis(b.publishedAt) : null,
    canManage: manages,
    canApprove: manages && b.status === 'pending' && !isBoardAuthor(b, member._id),
  };
}

/** A row of the village's boards: the month, its status and how many households on each list. */
export const boardSummary = (b: BoardDoc): BoardSummary => ({
  boardId: b._id,
  month: b.month,
  status: b.status,
  red: b.entries.filter((e) => e.list === 'red').length,
  black: b.entries.filter((e) => e.list === 'black').length,
  publishedAt: b.publishedAt ? new Date(b.publishedAt).getTime() : null,
});

export const appealView = (a: AppealDoc): AppealView => ({
  appealId: a._id,
  status: a.status,
  text: a.text,
  createdAt: toMillisOrNull(a.createdAt)!,
  resolution: a.resolution
    ? { reason: a.resolution.reason, name: a.resolution.name, at: toMillisOrNull(a.resolution.at)! }
    : null,
});

export const restrictionView = (r: RestrictionDoc, now: number): RestrictionView => ({
  restrictionId: r._id,
  state: restrictionState({ endsAt: toMillisOrNull(r.endsAt)!, liftedAt: toMillisOrNull(r.liftedAt) }, now),
  startsAt: toMillisOrNull(r.startsAt)!,
  endsAt: toMillisOrNull(r.endsAt)!,
  liftedAt: toMillisOrNull(r.liftedAt),
  liftReason: r.liftReason,
});
