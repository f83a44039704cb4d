import { ITEMS, POLLS, SUPPORTS, TASKS, VERDICTS } from '../../_shared/collections';
import { ITEMS_PER_DAY, NEXT_STEP, outcomeSummary, type ItemDetail, type Step } from '../../../core/agenda';
import { DAY_MS } from '../../../core/time';
import { defineCommand } from '../../_shared/command';
import { audit } from '../../_shared/audit';
import { _, db } from '../../_shared/cloud';
import { checkText } from '../../_shared/content';
import { AppError } from '../../_shared/errors';
import { decodeCursor, encodeCursor } from '../../_shared/cursor';
import { newId } from '../../_shared/ids';
import { consume } from '../../_shared/rate-limit';
import { txGet } from '../../_shared/transaction';
import { canManageItem, canMergeItem, requireItem, requireManager, requireStep } from '../access';
import { event, itemSummary, type ItemDoc, type PollDoc, type TaskDoc } from '../model';
import { finalizeIfDue, outcomeOf, pollBrief } from '../polls';

/**
 * 群众提事: a verified resident raises a matter of their village. Title and body go through the content check:
 * risky is refused, review holds the item for the village admin. Three a day.
 * ok: the item and whether it is held · invalid: CONTENT_REJECTED, RATE_LIMITED, INVALID_INPUT, NOT_BOUND
 */
export const raise = defineCommand('agenda', 'raise', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    if (!(await consume('raise', ctx.openid, ITEMS_PER_DAY, DAY_MS, ctx.now))) {
      throw new AppError('RATE_LIMITED', `每天最多提 ${ITEMS_PER_DAY} 件事，请明天再提`);
    }
    const verdict = await checkText(ctx.openid, `${input.title}\n${input.body}`, 3);
    if (verdict === 'risky')
      throw new AppError('CONTENT_REJECTED', '标题或内容含有不允许的内容，请修改后再提交');
    const at = new Date(ctx.now);
    const item: ItemDoc = {
      _id: newId('i'),
      villageId: member.villageId,
      villageName: member.villageName,
      title: input.title,
      body: input.body,
      authorResidentId: member.residentId,
      authorOpenid: ctx.openid,
      authorName: member.name,
      status: verdict === 'review' ? 'held' : 'open',
      step: 'raised',
      supportCount: 0,
      commentCount: 0,
      verdicts: { confirm: 0, dispute: 0 },
      mergedInto: null,
      mergedFrom: [],
      roundtable: null,
      pollId: null,
      moderation: null,
      timeline: [event('raised', member, '提出事项', at)],
      createdAt: at,
      updatedAt: at,
    };
    await db.collection(ITEMS).add({ data: item });
    return { item: itemSummary(item), held: item.status === 'held' };
  },
});

/**
 * The village admin releases a held item (the content check asked a person to look) or refuses it with a reason.
 * ok: the new status · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (not held)
 */
export const moderate = defineCommand('agenda', 'moderate', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const item = await requireItem(input.itemId, member, ctx.openid);
    requireManager(member, item);
    if (item.status !== 'held') throw new AppError('CONFLICT', '这件事项不需要审核');
    if (!input.approve && !input.reason) throw new AppError('INVALID_INPUT', '请写明不公开的原因');
    const at = new Date(ctx.now);
    const status = input.approve ? 'open' : 'rejected';
    const { stats } = await db
      .collection(ITEMS)
      .where({ _id: item._id, status: 'held' })
      .update({
        data: {
          status,
          moderation: _.set({ reason: input.reason ?? null }),
          updatedAt: at,
          timeline: _.push(
            event('raised', member, input.approve ? '审核通过，公开事项' : `不予公开：${input.reason}`, at),
          ),
        },
      });
    if (stats.updated === 0) throw new AppError('CONFLICT', '这件事项已经审核过了');
    return { itemId: item._id, status };
  },
});

/**
 * Duplicates are merged into one matter, with the reason shown on both. The village admin or a leader of the
 * 协商议事组 may merge, while both are still being raised or discussed.
 * ok: {itemId} · invalid: NOT_FOUND, FORBIDDEN, WRONG_STEP, CONFLICT (same item, other village)
 */
export const merge = defineCommand('agenda', 'merge', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    if (input.itemId === input.intoItemId) throw new AppError('CONFLICT', '不能合并到同一件事项');
    const at = new Date(ctx.now);
    await db.runTransaction(async (t) => {
      const from = (await txGet(t, ITEMS, input.itemId)) as ItemDoc | null;
      const into = (await txGet(t, ITEMS, input.intoItemId)) as ItemDoc | null;
      if (!from || !into) throw new AppError('NOT_FOUND', '没有找到这件事项');
      if (!canMergeItem(member, from))
        throw new AppError('FORBIDDEN', '只有村管理员或协商议事组组长可以合并事项');
      if (from.villageId !== into.villageId) throw new AppError('CONFLICT', '只能合并同一个村的事项');
      requireStep(from, ['raised', 'consulting']);
      requireStep(into, ['raised', 'consulting', 'roundtable', 'deciding']);
      await t
        .collection(ITEMS)
        .doc(from._id)
        .update({
          data: {
            status: 'merged',
            mergedInto: _.set({ itemId: into._id, title: into.title, reason: input.reason }),
            updatedAt: at,
            timeline: _.push(event(from.step, member, `合并到“${into.title}”：${input.reason}`, at)),
          },
        });
      await t
        .collection(ITEMS)
        .doc(into._id)
        .update({
          data: {
            mergedFrom: _.push({ itemId: from._id, title: from.title, reason: input.reason }),
            updatedAt: at,
            timeline: _.push(event(into.step, member, `合并了“${from.title}”：${input.reason}`, at)),
          },
        });
      await audit(
        t,
        {
          actorOpenid: ctx.openid,
          actorResidentId: member.residentId,
          action: 'merge',
          target: `${ITEMS}/${from._id}`,
          details: { into: into._id },
        },
        at,
      );
    });
    return { itemId: input.intoItemId };
  },
});

/**
 * Where a plain move forward leads and what the timeline says, checked before it happens: 定事 ends in 办事
 * when the poll passed and closes the matter when it did not; 办事 needs every task done; closing after
 * disputes needs the admin's answer in the note.
 */
async function planAdvance(
  item: ItemDoc,
  now: number,
  note: string | undefined,
): Promise<{ next: Step; what: string }> {
  switch (item.step) {
    case 'deciding': {
      if (!item.pollId) throw new AppError('WRONG_STEP', '还没有发起表决');
      const { data } = await db.collection(POLLS).where({ _id: item.pollId }).get();
      const poll = data[0] ? await finalizeIfDue(data[0] as PollDoc, now) : null;
      if (!poll || poll.status !== 'closed' || !poll.result) {
        throw new AppError('WRONG_STEP', '表决还没有结束，计票完成后才能进入下一步');
      }
      const outcome = outcomeOf(poll, poll.result);
      const summary = outcomeSummary(poll, outcome);
      return outcome.passed
        ? { next: 'doing', what: `表决通过（${summary}），进入集中办事` }
        : { next: 'closed', what: `表决未通过（${summary}），事项办结` };
    }
    case 'doing': {
      const { data } = await db.collection(TASKS).where({ itemId: item._id }).limit(100).get();
      if (data.length === 0) throw new AppError('WRONG_STEP', '请先把决定落实成任务');
      if ((data as TaskDoc[]).some((t) => t.progress < 100)) {
        throw new AppError('WRONG_STEP', '还有任务没有完成，全部完成后才能进入制度监事');
      }
      return { next: 'supervising', what: '任务全部完成，请村民评议' };
    }
    case 'supervising': {
      const { confirm, dispute } = item.verdicts;
      if (dispute > 0 && !note)
        throw new AppError('INVALID_INPUT', `有 ${dispute} 条异议，请在说明中回应后再办结`);
      return { next: 'closed', what: `办结（${confirm} 人确认，${dispute} 人有异议）` };
    }
    default:
      return { next: NEXT_STEP[item.step]!, what: '开始征求意见' };
  }
}

/**
 * The village admin moves a matter to its next step where the move carries no data of its own: 提事→论事,
 * 定事→办事 (after the poll's result is frozen; a failed poll closes the matter), 办事→监事 (all tasks done),
 * 监事→办结. (议事 and 定事 begin with scheduleRoundtable and openPoll.)
 * ok: the new step · invalid: NOT_FOUND, FORBIDDEN, WRONG_STEP, CONFLICT (moved meanwhile)
 */
export const advance = defineCommand('agenda', 'advance', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const item = await requireItem(input.itemId, member, ctx.openid);
    requireManager(member, item);
    requireStep(item, ['raised', 'deciding', 'doing', 'supervising']);
    const { next, what } = await planAdvance(item, ctx.now, input.note);
    const at = new Date(ctx.now);
    const text = [what, input.note].filter(Boolean).join('：');
    const { stats } = await db
      .collection(ITEMS)
      .where({ _id: item._id, step: item.step, status: 'open' })
      .update({ data: { step: next, updatedAt: at, timeline: _.push(event(next, member, text, at)) } });
    if (stats.updated === 0) throw new AppError('CONFLICT', '这件事项刚刚被别人办理过，请刷新');
    return { step: next };
  },
});

/**
 * The village's matters, newest activity first, by step. Held items appear to their author and the village
 * admin only; merged and refused ones are left out. 20 a page. One read.
 * ok: a page · invalid: FORBIDDEN (another village), INVALID_INPUT (bad cursor)
 */
export const listItems = defineCommand('agenda', 'listItems', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const villageId = input.villageId ?? member.villageId;
    const admin = canManageItem(member, { villageId } as ItemDoc);
    if (
      villageId !== member.villageId &&
      !member.roles.townAdmin &&
      !member.roles.groups.some((g) => g.level === 'town')
    ) {
      throw new AppError('FORBIDDEN', '只能查看本村的事项');
    }
    const limit = input.limit ?? 20;
    const where: Record<string, unknown>[] = [{ villageId }];
    if (input.step) where.push({ step: input.step });
    if (input.mine) where.push({ authorOpenid: ctx.openid });
    where.push(
      admin
        ? { status: _.in(['open', 'held']) }
        : _.or([{ status: 'open' }, { status: 'held', authorOpenid: ctx.openid }]),
    );
    if (input.cursor) {
      const c = decodeCursor(input.cursor);
      where.push(_.or([{ updatedAt: _.lt(new Date(c.at)) }, { updatedAt: new Date(c.at), _id: _.lt(c.id) }]));
    }
    const { data } = await db
      .collection(ITEMS)
      .where(_.and(where))
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 1)
      .field({ body: false, timeline: false, roundtable: false, mergedFrom: false })
      .get();
    const page = (data as ItemDoc[]).slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(itemSummary),
      nextCursor:
        data.length > limit && last ? encodeCursor(new Date(last.updatedAt).getTime(), last._id) : null,
    };
  },
});

/**
 * One matter with everything its page shows: body, round table, poll, tasks, verdict counts, the public
 * six-step timeline, and what the caller has done and may do. Five reads, one call.
 * ok: the detail · invalid: NOT_FOUND
 */
export const getItem = defineCommand('agenda', 'getItem', {
  async run(ctx, input): Promise<ItemDetail> {
    const member = (await ctx.member())!;
    const item = await requireItem(input.itemId, member, ctx.openid);
    const [tasks, support, verdict, polls] = await Promise.all([
      db.collection(TASKS).where({ itemId: item._id }).orderBy('createdAt', 'asc').limit(100).get(),
      db
        .collection(SUPPORTS)
        .where({ _id: `${item._id}_${member.residentId}` })
        .get(),
      db
        .collection(VERDICTS)
        .where({ _id: `${item._id}_${member.residentId}` })
        .get(),
      item.pollId ? db.collection(POLLS).where({ _id: item.pollId }).get() : { data: [] },
    ]);
    const poll = polls.data[0] ? await finalizeIfDue(polls.data[0] as PollDoc, ctx.now) : null;
    return {
      ...itemSummary(item),
      body: item.body,
      mergedInto: item.mergedInto,
      mergedFrom: item.mergedFrom,
      roundtable: item.roundtable ? { ...item.roundtable, at: new Date(item.roundtable.at).getTime() } : null,
      pollId: item.pollId,
      poll: poll && pollBrief(poll, ctx.now),
      tasks: (tasks.data as TaskDoc[]).map((t) => ({
        taskId: t._id,
        title: t.title,
        ownerId: t.ownerId,
        ownerName: t.ownerName,
        dueAt: new Date(t.dueAt).getTime(),
        progress: t.progress,
        notes: t.notes.map((n) => ({ ...n, at: new Date(n.at).getTime() })),
      })),
      verdicts: item.verdicts,
      timeline: item.timeline.map((e) => ({ ...e, at: new Date(e.at).getTime() })),
      mine: {
        supported: support.data.length > 0,
        verdict: (verdict.data[0]?.verdict as 'confirm' | 'dispute' | undefined) ?? null,
        canManage: canManageItem(member, item),
        canMerge: canMergeItem(member, item),
      },
    };
  },
});
