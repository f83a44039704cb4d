import type { MemberDoc } from '../_shared/documents';
import { BOARDS, RESTRICTIONS, SETTINGS } from '../_shared/collections';
import { restrictionEndsAt } from '../../core/honor';
import { canManageVillage } from '../../core/roles';
import { _, db } from '../_shared/cloud';
import { checkText } from '../_shared/content';
import { AppError } from '../_shared/errors';
import { findById } from '../_shared/store';
import { pairId, type BoardDoc, type EntryDoc, type RestrictionDoc } from './model';

const OWN_VILLAGE_ONLY = '只能管理本村的红黑榜';

/**
 * WeChat's content check on text an admin writes into the 红黑榜 (rules, notes, rewards, reasons): the board and
 * its corrections are public in the village, so, as for 合作社公示 and briefings, anything short of 'pass' is
 * refused with `what` named. Empty pieces are skipped; nothing is written before this runs.
 */
export async function requirePublishable(
  openid: string,
  pieces: (string | null | undefined)[],
  what: string,
): Promise<void> {
  const text = pieces.filter((p): p is string => !!p && p.trim() !== '').join('\n');
  if (text && (await checkText(openid, text, 3)) !== 'pass') {
    throw new AppError('CONTENT_REJECTED', `${what}未通过微信内容安全检查，请修改`);
  }
}

/** The village a reader looks at: their own, or one they manage and name. */
export function viewedVillage(member: MemberDoc, villageId: string | undefined): string {
  return villageId && villageId !== member.villageId ? managedVillage(member, villageId) : member.villageId;
}

/** The village an admin acts on: their own, or (town admins) the one they name. */
export function managedVillage(member: MemberDoc, villageId: string | undefined): string {
  const target = villageId ?? member.villageId;
  if (!canManageVillage(member, target)) throw new AppError('FORBIDDEN', OWN_VILLAGE_ONLY);
  return target;
}

/** Black-list names are masked unless the village decided otherwise (the default is masked). One read. */
export async function masksBlackNames(villageId: string): Promise<boolean> {
  const settings = await findById(SETTINGS, villageId);
  return (settings?.maskBlackNames as boolean | undefined) ?? true;
}

/** A board the caller may see: published ones to the village's residents, drafts to its admins. One read. */
export async function requireBoard(boardId: string, member: MemberDoc): Promise<BoardDoc> {
  const board = await findById(BOARDS, boardId);
  const manages = !!board && canManageVillage(member, board.villageId);
  const visible =
    !!board && (manages || (board.status === 'published' && board.villageId === member.villageId));
  if (!board || !visible) throw new AppError('NOT_FOUND', '没有找到这期红黑榜');
  return board;
}

/**
 * A document of a village the caller manages, read inside a transaction (so a status check and a change
 * cannot interleave), or NOT_FOUND (a failed read counts as missing) / FORBIDDEN.
 */
export async function managedInTx<D extends { villageId: string }>(
  t: WxCloud.Transaction,
  collection: string,
  id: string,
  member: MemberDoc,
  refusals: { missing: string; forbidden: string },
): Promise<D> {
  const { data } = await t
    .collection(collection)
    .doc(id)
    .get()
    .catch(() => ({ data: null }));
  const doc = data as D | null;
  if (!doc) throw new AppError('NOT_FOUND', refusals.missing);
  if (!canManageVillage(member, doc.villageId)) throw new AppError('FORBIDDEN', refusals.forbidden);
  return doc;
}

/** A board the caller manages, read inside a transaction. */
export function managedBoard(t: WxCloud.Transaction, id: string, member: MemberDoc): Promise<BoardDoc> {
  return managedInTx<BoardDoc>(t, BOARDS, id, member, {
    missing: '没有找到这期红黑榜',
    forbidden: OWN_VILLAGE_ONLY,
  });
}

/**
 * Changes a board the caller manages in one transaction: `change` checks the board as it is now (throwing
 * to refuse) and returns the fields to write.
 */
export async function changeBoard(
  boardId: string,
  member: MemberDoc,
  at: Date,
  change: (board: BoardDoc) => Record<string, unknown>,
): Promise<void> {
  await db.runTransaction(async (t) => {
    const board = await managedBoard(t, boardId, member);
    const data = change(board);
    await t
      .collection(BOARDS)
      .doc(board._id)
      .update({ data: { ...data, updatedAt: at } });
  });
}

export function requireStatus(board: BoardDoc, status: BoardDoc['status'], message: string): void {
  if (board.status !== status) throw new AppError('CONFLICT', message);
}

export function requireEntry(board: BoardDoc, entryId: string): EntryDoc {
  const entry = board.entries.find((e) => e.entryId === entryId);
  if (!entry) throw new AppError('NOT_FOUND', '榜单上没有这一户');
  return entry;
}

/**
 * Publishes a pending board and starts the black list's restrictions (3 months from now), inside `t`.
 * Published, the board never changes again; corrections are added beside it. Returns how many started.
 */
export async function publishBoard(
  t: WxCloud.Transaction,
  board: BoardDoc,
  review: BoardDoc['review'],
  now: number,
): Promise<number> {
  const at = new Date(now);
  await t
    .collection(BOARDS)
    .doc(board._id)
    .update({ data: { status: 'published', review: _.set(review), publishedAt: at, updatedAt: at } });
  const black = board.entries.filter((e) => e.list === 'black');
  for (const e of black) {
    const restriction: Omit<RestrictionDoc, '_id'> = {
      villageId: board.villageId,
      householdKey: e.householdKey,
      boardId: board._id,
      entryId: e.entryId,
      reasonTitle: e.reasonTitle,
      startsAt: at,
      endsAt: new Date(restrictionEndsAt(now)),
      liftedAt: null,
      liftReason: null,
      reassessments: [],
    };
    await t.collection(RESTRICTIONS).add({ data: { _id: pairId(board._id, e.entryId), ...restriction } });
  }
  return black.length;
}

/** Revokes an entry of a published board beside the original, and lifts its restriction (inside `t`). */
export async function correctEntry(
  t: WxCloud.Transaction,
  board: BoardDoc,
  entryId: string,
  reason: string,
  byName: string,
  at: Date,
): Promise<void> {
  requireStatus(board, 'published', '只有已公布的榜单需要更正；草稿可以直接修改');
  const entry = requireEntry(board, entryId);
  if (board.corrections.some((c) => c.entryId === entryId))
    throw new AppError('CONFLICT', '这一户已经更正过了');
  await t
    .collection(BOARDS)
    .doc(board._id)
    .update({ data: { corrections: _.push([{ entryId, reason, byName, at }]), updatedAt: at } });
  if (entry.list === 'black') {
    await t
      .collection(RESTRICTIONS)
      .doc(pairId(board._id, entryId))
      .update({ data: { liftedAt: at, liftReason: `更正：${reason}` } });
  }
}
