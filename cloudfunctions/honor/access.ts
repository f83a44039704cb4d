import type { MemberDoc } from '../_shared/documents';
import { BOARDS, SETTINGS } from '../_shared/collections';
import { toMillis } from '../../core/time';
import { shownName, type BoardView, type EntryView } from '../../core/honor';
import { canManageVillage } from '../../core/roles';
import { db } from '../_shared/cloud';
import { AppError } from '../_shared/errors';
import { type BoardDoc, type CorrectionDoc, type EntryDoc } from './model';

/** The village a reader looks at: their own, or one they manage and name. */
export function viewedVillage(member: MemberDoc, villageId: string | undefined): string {
  return villageId && villageId !== member.villageId ? managedVillage(member, villageId) : member.villageId;
}

/** The village an admin acts on: their own, or (town admins) the one they name. */
export function managedVillage(member: MemberDoc, villageId: string | undefined): string {
  const target = villageId ?? member.villageId;
  if (!canManageVillage(member, target)) throw new AppError('FORBIDDEN', '只能管理本村的红黑榜');
  return target;
}

/** Black-list names are masked unless the village decided otherwise (the default is masked). One read. */
export async function masksBlackNames(villageId: string): Promise<boolean> {
  const { data } = await db.collection(SETTINGS).where({ _id: villageId }).get();
  return (data[0]?.maskBlackNames as boolean | undefined) ?? true;
}

/** A board the caller may see: published ones to the village's residents, drafts to its admins. One read. */
export async function requireBoard(boardId: string, member: MemberDoc): Promise<BoardDoc> {
  const { data } = await db.collection(BOARDS).where({ _id: boardId }).get();
  const board = data[0] as BoardDoc | undefined;
  const manages = !!board && canManageVillage(member, board.villageId);
  const visible =
    !!board && (manages || (board.status === 'published' && board.villageId === member.villageId));
  if (!board || !visible) throw new AppError('NOT_FOUND', '没有找到这期红黑榜');
  return board;
}

export function requireEntry(board: BoardDoc, entryId: string): EntryDoc {
  const entry = board.entries.find((e) => e.entryId === entryId);
  if (!entry) throw new AppError('NOT_FOUND', '榜单上没有这一户');
  return entry;
}

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
    canApprove: manages && b.status === 'pending' && !isAuthor(b, member._id),
  };
}

/** Whoever drafted or submitted a board cannot also be its second admin. */
export const isAuthor = (b: BoardDoc, openid: string) =>
  b.draftedBy.openid === openid || b.submittedBy?.openid === openid;
