import type { MemberDoc } from '../../_shared/documents';
import { BOARDS, RESIDENTS, RESTRICTIONS, RULES, VILLAGES } from '../../_shared/collections';
import {
  boardId as boardIdOf,
  canEditBoard,
  ENTRIES_MAX,
  monthOf,
  restrictionEndsAt,
} from '../../../core/honor';
import { fromChinaPickers } from '../../../core/time';
import { canManageVillage } from '../../../core/roles';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import {
  boardView,
  isAuthor,
  managedVillage,
  masksBlackNames,
  requireBoard,
  requireEntry,
  viewedVillage,
} from '../access';
import {
  entryIdOf,
  householdKey,
  pairId,
  type BoardDoc,
  type EntryDoc,
  type RestrictionDoc,
  type RuleDoc,
} from '../model';

const person = (m: MemberDoc) => ({ openid: m._id, name: m.name });

/** A board the caller manages, read inside a transaction (so a status check and a change cannot interleave). */
async function managedBoard(t: WxCloud.Transaction, id: string, member: MemberDoc): Promise<BoardDoc> {
  const { data } = await t
    .collection(BOARDS)
    .doc(id)
    .get()
    .catch(() => ({ data: null }));
  const board = data as BoardDoc | null;
  if (!board) throw new AppError('NOT_FOUND', '没有找到这期红黑榜');
  if (!canManageVillage(member, board.villageId)) throw new AppError('FORBIDDEN', '只能管理本村的红黑榜');
  return board;
}

function requireStatus(board: BoardDoc, status: BoardDoc['status'], message: string): void {
  if (board.status !== status) throw new AppError('CONFLICT', message);
}

/**
 * An admin starts the month's board for their village (one per village and month).
 * ok: its id · invalid: FORBIDDEN, CONFLICT (the month's board exists)
 */
export const createBoard = defineCommand('honor', 'createBoard', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const villageId = managedVillage(member, input.villageId);
    if (input.month > monthOf(ctx.now)) throw new AppError('INVALID_INPUT', '不能为以后的月份建榜');
    const { data } = await db.collection(VILLAGES).where({ _id: villageId }).get();
    const at = new Date(ctx.now);
    const id = boardIdOf(villageId, input.month);
    const doc: Omit<BoardDoc, '_id'> = {
      villageId,
      villageName: (data[0]?.name as string) ?? villageId,
      month: input.month,
      status: 'draft',
      entries: [],
      corrections: [],
      draftedBy: person(member),
      submittedBy: null,
      review: null,
      returnedReason: null,
      publishedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await db.collection(BOARDS).add({ data: { _id: id, ...doc } });
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('CONFLICT', '这个月的红黑榜已经建好了');
      throw e;
    }
    return { boardId: id };
  },
});

/**
 * Adds a household to a draft: one entry per household, a rule of the village's 村规民约 that belongs to the
 * chosen list, a reward on the red list only.
 * ok: the entry id · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (not a draft, household already on it), INVALID_INPUT
 */
export const addEntry = defineCommand('honor', 'addEntry', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    if (input.list === 'black' && input.reward) throw new AppError('INVALID_INPUT', '黑榜没有奖励');
    const board = await requireBoard(input.boardId, member);
    if (!canManageVillage(member, board.villageId)) throw new AppError('FORBIDDEN', '只能管理本村的红黑榜');
    const [residents, rules] = await Promise.all([
      db.collection(RESIDENTS).where({ _id: input.residentId }).get(),
      db
        .collection(RULES)
        .where({ _id: `${board.villageId}_${input.reasonCode}` })
        .get(),
    ]);
    const resident = residents.data[0];
    if (!resident || resident.villageId !== board.villageId)
      throw new AppError('INVALID_INPUT', '这位村民不在本村');
    const rule = rules.data[0] as RuleDoc | undefined;
    if (!rule || !rule.active || rule.list !== input.list) {
      throw new AppError(
        'INVALID_INPUT',
        `请选择本村村规民约中的${input.list === 'red' ? '红榜' : '黑榜'}条目`,
      );
    }
    const key = householdKey(board.villageId, resident.household as string);
    const entry: EntryDoc = {
      entryId: entryIdOf(board._id, key),
      residentId: input.residentId,
      name: resident.name as string,
      household: resident.household as string,
      householdKey: key,
      list: input.list,
      reasonCode: rule.code,
      reasonTitle: rule.title,
      note: input.note ?? '',
      reward: input.list === 'red' ? (input.reward ?? null) : null,
    };
    await db.runTransaction(async (t) => {
      const current = await managedBoard(t, board._id, member);
      if (!canEditBoard(current.status)) throw new AppError('CONFLICT', '只有草稿可以修改');
      if (current.entries.some((e) => e.householdKey === key))
        throw new AppError('CONFLICT', '这一户已经在本期榜单上');
      if (current.entries.length >= ENTRIES_MAX) throw new AppError('CONFLICT', `每期最多 ${ENTRIES_MAX} 户`);
      await t
        .collection(BOARDS)
        .doc(board._id)
        .update({ data: { entries: _.push([entry]), updatedAt: new Date(ctx.now) } });
    });
    return { entryId: entry.entryId };
  },
});

/** Takes a household off a draft. ok · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (not a draft) */
export const removeEntry = defineCommand('honor', 'removeEntry', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    await db.runTransaction(async (t) => {
      const board = await managedBoard(t, input.boardId, member);
      if (!canEditBoard(board.status)) throw new AppError('CONFLICT', '只有草稿可以修改');
      requireEntry(board, input.entryId);
      await t
        .collection(BOARDS)
        .doc(board._id)
        .update({
          data: {
            entries: _.set(board.entries.filter((e) => e.entryId !== input.entryId)),
            updatedAt: new Date(ctx.now),
          },
        });
    });
    return { removed: true };
  },
});

/** The draft goes to review. ok · invalid: CONFLICT (not a draft, or empty) */
export const submitBoard = defineCommand('honor', 'submitBoard', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    await db.runTransaction(async (t) => {
      const board = await managedBoard(t, input.boardId, member);
      requireStatus(board, 'draft', '只有草稿可以提交审核');
      if (board.entries.length === 0) throw new AppError('CONFLICT', '榜单上还没有任何一户');
      await t
        .collection(BOARDS)
        .doc(board._id)
        .update({
          data: {
            status: 'pending',
            submittedBy: person(member),
            returnedReason: null,
            updatedAt: new Date(ctx.now),
          },
        });
    });
    return { status: 'pending' };
  },
});

/** The reviewer sends it back to draft with a reason. ok · invalid: CONFLICT (not pending) */
export const returnBoard = defineCommand('honor', 'returnBoard', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    await db.runTransaction(async (t) => {
      const board = await managedBoard(t, input.boardId, member);
      requireStatus(board, 'pending', '只有待审核的榜单可以退回');
      await t
        .collection(BOARDS)
        .doc(board._id)
        .update({ data: { status: 'draft', returnedReason: input.reason, updatedAt: new Date(ctx.now) } });
    });
    return { status: 'draft' };
  },
});

/**
 * Publishes a pending board and starts the black list's restrictions (3 months from now), in one transaction.
 * Published, the board never changes again; corrections are added beside it.
 */
async function publish(
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

/**
 * A second admin approves the board: not the admin who drafted or submitted it.
 * ok: published, and how many restrictions started · invalid: FORBIDDEN (same admin), CONFLICT (not pending)
 */
export const approveBoard = defineCommand('honor', 'approveBoard', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const restrictions = await db.runTransaction(async (t) => {
      const board = await managedBoard(t, input.boardId, member);
      requireStatus(board, 'pending', '只有待审核的榜单可以审核通过');
      if (isAuthor(board, member._id)) {
        throw new AppError(
          'FORBIDDEN',
          '起草或提交榜单的人不能自己审核，请另一位管理员审核或记录村民代表大会决议',
        );
      }
      return publish(t, board, { kind: 'admin', ...person(member), at: new Date(ctx.now) }, ctx.now);
    });
    return { status: 'published', restrictions: restrictions as number };
  },
});

/**
 * Records that the 村民代表大会 passed the board on a date (not in the future, not before the board's month),
 * which publishes it. ok · invalid: CONFLICT (not pending), INVALID_INPUT (date)
 */
export const recordAssembly = defineCommand('honor', 'recordAssembly', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const held = fromChinaPickers(input.date);
    if (Number.isNaN(held) || held > ctx.now) throw new AppError('INVALID_INPUT', '会议日期无效');
    const restrictions = await db.runTransaction(async (t) => {
      const board = await managedBoard(t, input.boardId, member);
      requireStatus(board, 'pending', '只有待审核的榜单可以记录会议决议');
      if (input.date.slice(0, 7) < board.month) throw new AppError('INVALID_INPUT', '会议日期早于榜单月份');
      const review = {
        kind: 'assembly' as const,
        date: input.date,
        ...person(member),
        at: new Date(ctx.now),
      };
      return publish(t, board, review, ctx.now);
    });
    return { status: 'published', restrictions: restrictions as number };
  },
});

/** The village's boards, newest month first: published ones for residents, all for its admins. One read. */
export const listBoards = defineCommand('honor', 'listBoards', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const villageId = viewedVillage(member, input.villageId);
    const manages = canManageVillage(member, villageId);
    const { data } = await db
      .collection(BOARDS)
      .where(manages ? { villageId } : { villageId, status: 'published' })
      .orderBy('month', 'desc')
      .limit(60)
      .field({ month: true, status: true, entries: true, publishedAt: true })
      .get();
    return {
      villageId,
      boards: (data as BoardDoc[]).map((b) => ({
        boardId: b._id,
        month: b.month,
        status: b.status,
        red: b.entries.filter((e) => e.list === 'red').length,
        black: b.entries.filter((e) => e.list === 'black').length,
        publishedAt: b.publishedAt ? new Date(b.publishedAt).getTime() : null,
      })),
    };
  },
});

/** One board, red and black side by side, names shown as the village decided. Two reads. */
export const getBoard = defineCommand('honor', 'getBoard', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const board = await requireBoard(input.boardId, member);
    const mask = await masksBlackNames(board.villageId);
    return boardView(board, member, mask, householdKey(member.villageId, member.household));
  },
});

/**
 * A correction published beside an entry of a published board (the entry itself never changes): the entry
 * is revoked and its restriction lifted. ok · invalid: CONFLICT (not published, already corrected)
 */
export const addCorrection = defineCommand('honor', 'addCorrection', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const at = new Date(ctx.now);
    await db.runTransaction(async (t) => {
      const board = await managedBoard(t, input.boardId, member);
      await correct(t, board, input.entryId, input.reason, member.name, at);
    });
    return { correction: { reason: input.reason, at: ctx.now } };
  },
});

/** Revokes an entry of a published board beside the original, and lifts its restriction (inside `t`). */
export async function correct(
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
