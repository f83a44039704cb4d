import { APPEALS, BOARDS, RESTRICTIONS } from '../../_shared/collections';
import { toMillisOrNull } from '../../../core/time';
import {
  appealDeadline,
  canAppeal,
  restrictionState,
  type AppealView,
  type HonorOutput,
  type RestrictionView,
  type StandingEntry,
} from '../../../core/honor';
import { canManageVillage } from '../../../core/roles';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { restrictionStatus } from '../../_shared/restrictions';
import { entryView, managedVillage, masksBlackNames, requireBoard, requireEntry } from '../access';
import { householdKey, pairId, type AppealDoc, type BoardDoc, type RestrictionDoc } from '../model';
import { correct } from './boards';

/**
 * A black-listed household appeals its entry, within 15 days of publication: any resident of the household,
 * once per entry. ok: the appeal id · invalid: NOT_FOUND, FORBIDDEN (another household), CONFLICT (red list,
 * window closed, already appealed)
 */
export const appeal = defineCommand('honor', 'appeal', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const board = await requireBoard(input.boardId, member);
    if (board.status !== 'published') throw new AppError('CONFLICT', '榜单还没有公布');
    const entry = requireEntry(board, input.entryId);
    if (entry.householdKey !== householdKey(member.villageId, member.household)) {
      throw new AppError('FORBIDDEN', '只能为自己家的上榜记录申诉');
    }
    if (entry.list !== 'black') throw new AppError('CONFLICT', '红榜不需要申诉');
    if (board.corrections.some((c) => c.entryId === entry.entryId))
      throw new AppError('CONFLICT', '这条记录已经更正');
    if (!canAppeal(new Date(board.publishedAt!).getTime(), ctx.now)) {
      throw new AppError('CONFLICT', '已超过 15 天申诉期');
    }
    const id = pairId(board._id, entry.entryId);
    const doc: Omit<AppealDoc, '_id'> = {
      villageId: board.villageId,
      boardId: board._id,
      entryId: entry.entryId,
      householdKey: entry.householdKey,
      residentId: member.residentId,
      text: input.text,
      status: 'open',
      createdAt: new Date(ctx.now),
      resolution: null,
    };
    try {
      await db.collection(APPEALS).add({ data: { _id: id, ...doc } });
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('CONFLICT', '这条记录已经申诉过了');
      throw e;
    }
    return { appealId: id };
  },
});

/**
 * An admin resolves an open appeal: upheld (the entry stands), or revoked — then a correction is published
 * beside the entry and the restriction lifts, in the same transaction.
 * ok: the new status · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (already resolved)
 */
export const resolveAppeal = defineCommand('honor', 'resolveAppeal', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const at = new Date(ctx.now);
    await db.runTransaction(async (t) => {
      const { data } = await t
        .collection(APPEALS)
        .doc(input.appealId)
        .get()
        .catch(() => ({ data: null }));
      const found = data as AppealDoc | null;
      if (!found) throw new AppError('NOT_FOUND', '没有找到这条申诉');
      if (!canManageVillage(member, found.villageId)) throw new AppError('FORBIDDEN', '只能处理本村的申诉');
      if (found.status !== 'open') throw new AppError('CONFLICT', '这条申诉已经处理过了');
      await t
        .collection(APPEALS)
        .doc(found._id)
        .update({
          data: { status: input.outcome, resolution: _.set({ reason: input.reason, name: member.name, at }) },
        });
      if (input.outcome === 'revoked') {
        const board = (await t.collection(BOARDS).doc(found.boardId).get()).data as BoardDoc;
        await correct(t, board, found.entryId, `申诉成立：${input.reason}`, member.name, at);
      }
    });
    return { status: input.outcome };
  },
});

/**
 * Re-assessment before the 3 months are up: the household has mended its ways (lifted) or not yet (kept).
 * ok: the restriction's state · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (no longer active)
 */
export const reassess = defineCommand('honor', 'reassess', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const at = new Date(ctx.now);
    const state = await db.runTransaction(async (t) => {
      const { data } = await t
        .collection(RESTRICTIONS)
        .doc(input.restrictionId)
        .get()
        .catch(() => ({ data: null }));
      const r = data as RestrictionDoc | null;
      if (!r) throw new AppError('NOT_FOUND', '没有找到这条限制');
      if (!canManageVillage(member, r.villageId)) throw new AppError('FORBIDDEN', '只能复评本村的农户');
      const now = restrictionState(
        { endsAt: new Date(r.endsAt).getTime(), liftedAt: toMillisOrNull(r.liftedAt) },
        ctx.now,
      );
      if (now !== 'active') throw new AppError('CONFLICT', '这条限制已经解除');
      const record = { outcome: input.outcome, note: input.note, byName: member.name, at };
      await t
        .collection(RESTRICTIONS)
        .doc(r._id)
        .update({
          data: {
            reassessments: _.push([record]),
            ...(input.outcome === 'lifted' ? { liftedAt: at, liftReason: `复评：${input.note}` } : {}),
          },
        });
      return input.outcome === 'lifted' ? 'lifted' : 'active';
    });
    return { state: state as HonorOutput['reassess']['state'] };
  },
});

/**
 * My household's standing: whether it is restricted now, and every time it was on a board, with the
 * correction, the appeal and the restriction of each. Four reads.
 */
export const myStanding = defineCommand('honor', 'myStanding', {
  async run(ctx) {
    const member = (await ctx.member())!;
    const key = householdKey(member.villageId, member.household);
    const [boards, appeals, restrictions, status, mask] = await Promise.all([
      db
        .collection(BOARDS)
        .where({ villageId: member.villageId, status: 'published', 'entries.householdKey': key })
        .orderBy('month', 'desc')
        .limit(100)
        .get(),
      db.collection(APPEALS).where({ householdKey: key }).limit(100).get(),
      db.collection(RESTRICTIONS).where({ householdKey: key }).limit(100).get(),
      restrictionStatus(member.villageId, member.household, ctx.now),
      masksBlackNames(member.villageId),
    ]);
    const appealOf = new Map((appeals.data as AppealDoc[]).map((a) => [a._id, a]));
    const restrictionOf = new Map((restrictions.data as RestrictionDoc[]).map((r) => [r._id, r]));
    const entries: StandingEntry[] = [];
    for (const b of boards.data as BoardDoc[]) {
      const publishedAt = new Date(b.publishedAt!).getTime();
      for (const e of b.entries.filter((x) => x.householdKey === key)) {
        const id = pairId(b._id, e.entryId);
        const a = appealOf.get(id);
        const r = restrictionOf.get(id);
        const view = entryView(e, b.corrections, mask, { manages: false, householdKey: key });
        const appealView: AppealView | null = a
          ? {
              appealId: a._id,
              status: a.status,
              text: a.text,
              createdAt: toMillisOrNull(a.createdAt)!,
              resolution: a.resolution
                ? {
                    reason: a.resolution.reason,
                    name: a.resolution.name,
                    at: toMillisOrNull(a.resolution.at)!,
                  }
                : null,
            }
          : null;
        const restriction: RestrictionView | null = r
          ? {
              restrictionId: r._id,
              state: restrictionState(
                { endsAt: toMillisOrNull(r.endsAt)!, liftedAt: toMillisOrNull(r.liftedAt) },
                ctx.now,
              ),
              startsAt: toMillisOrNull(r.startsAt)!,
              endsAt: toMillisOrNull(r.endsAt)!,
              liftedAt: toMillisOrNull(r.liftedAt),
              liftReason: r.liftReason,
            }
          : null;
        const black = e.list === 'black';
        entries.push({
          boardId: b._id,
          month: b.month,
          entry: view,
          appeal: appealView,
          appealUntil: black ? appealDeadline(publishedAt) : null,
          canAppeal: black && !a && !view.correction && canAppeal(publishedAt, ctx.now),
          restriction,
        });
      }
    }
    return {
      household: member.household,
      villageName: member.villageName,
      restricted: status.restricted ? { until: status.until!, reasonTitle: status.reasonTitle! } : null,
      entries,
    };
  },
});

/** The village's open appeals, oldest first, each with its entry, for the admins to resolve. Two reads. */
export const listAppeals = defineCommand('honor', 'listAppeals', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const villageId = managedVillage(member, input.villageId);
    const { data } = await db
      .collection(APPEALS)
      .where({ villageId, status: 'open' })
      .orderBy('createdAt', 'asc')
      .limit(100)
      .get();
    const appeals = data as AppealDoc[];
    const boardIds = [...new Set(appeals.map((a) => a.boardId))];
    const boards = boardIds.length
      ? ((
          await db
            .collection(BOARDS)
            .where({ _id: _.in(boardIds) })
            .limit(100)
            .get()
        ).data as BoardDoc[])
      : [];
    const byId = new Map(boards.map((b) => [b._id, b]));
    return {
      appeals: appeals.flatMap((a) => {
        const b = byId.get(a.boardId);
        const e = b?.entries.find((x) => x.entryId === a.entryId);
        if (!b || !e) return [];
        return [
          {
            appealId: a._id,
            status: a.status,
            text: a.text,
            createdAt: toMillisOrNull(a.createdAt)!,
            resolution: null,
            boardId: b._id,
            month: b.month,
            entry: entryView(e, b.corrections, false, { manages: true, householdKey: null }),
          },
        ];
      }),
    };
  },
});
