import { COMMENTS, ITEMS, SUPPORTS } from '../../_shared/collections';
import { randomBytes } from 'node:crypto';
import { COMMENTS_PER_HOUR, DISCUSSION_STEPS, type CommentView } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { checkText } from '../../_shared/content';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { consume } from '../../_shared/rate-limit';
import { canManageItem, canTakePart, requireItem, requireStep } from '../access';
import { runContended } from '../../_shared/contended';
import { type CommentDoc } from '../model';

const HOUR_MS = 3_600_000;

/**
 * Comment ids sort by time (listComments pages by `_id`, oldest first, on the itemId_1__id_1 index): the time
 * in base 36, fixed width, then random bits so that two comments of the same millisecond still differ.
 */
const commentId = (now: number) => `c_${now.toString(36).padStart(9, '0')}${randomBytes(8).toString('hex')}`;

const view = (c: CommentDoc): CommentView => ({
  commentId: c._id,
  authorName: c.authorName,
  text: c.text,
  createdAt: new Date(c.createdAt).getTime(),
});

/**
 * 征求论事: a resident comments on a matter of their village while it is raised or discussed. The content check
 * refuses risky text and holds text it wants a person to see (shown to its author and the admin only).
 * ok: the comment, held or not · invalid: WRONG_STEP, FORBIDDEN (other village), CONTENT_REJECTED, RATE_LIMITED
 */
export const comment = defineCommand('agenda', 'comment', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const item = await requireItem(input.itemId, member, ctx.openid);
    requireStep(item, DISCUSSION_STEPS);
    if (!canTakePart(member, item)) throw new AppError('FORBIDDEN', '只能参与本村事项的讨论');
    if (!(await consume('comment', ctx.openid, COMMENTS_PER_HOUR, HOUR_MS, ctx.now))) {
      throw new AppError('RATE_LIMITED', '评论太频繁了，请稍后再写');
    }
    const verdict = await checkText(ctx.openid, input.text, 2);
    if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', '评论含有不允许的内容，请修改后再发');
    const doc: CommentDoc = {
      _id: commentId(ctx.now),
      itemId: item._id,
      residentId: member.residentId,
      authorOpenid: ctx.openid,
      authorName: member.name,
      text: input.text,
      held: verdict === 'review',
      createdAt: new Date(ctx.now),
    };
    await db.collection(COMMENTS).add({ data: doc });
    if (!doc.held) {
      await db
        .collection(ITEMS)
        .doc(item._id)
        .update({ data: { commentCount: _.inc(1), updatedAt: doc.createdAt } });
    }
    return { comment: view(doc), held: doc.held };
  },
});

/**
 * Comments of a matter, oldest first, 20 a page; held ones only for their author and the village admin. One read.
 * ok: a page · invalid: NOT_FOUND
 */
export const listComments = defineCommand('agenda', 'listComments', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const item = await requireItem(input.itemId, member, ctx.openid);
    const limit = input.limit ?? 20;
    const visible = canManageItem(member, item) ? {} : _.or([{ held: false }, { authorOpenid: ctx.openid }]);
    const where = _.and([
      { itemId: item._id },
      visible,
      ...(input.cursor ? [{ _id: _.gt(input.cursor) }] : []),
    ]);
    const { data } = await db
      .collection(COMMENTS)
      .where(where)
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get();
    const page = (data as CommentDoc[]).slice(0, limit);
    return { items: page.map(view), nextCursor: data.length > limit ? (page.at(-1)?._id ?? null) : null };
  },
});

/**
 * A resident supports a matter of their village: once per resident, enforced by a deterministic id; the
 * support and the count change together. Supporting twice is not an error and counts once.
 * ok: the support count · invalid: WRONG_STEP, FORBIDDEN (other village)
 */
export const support = defineCommand('agenda', 'support', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const item = await requireItem(input.itemId, member, ctx.openid);
    requireStep(item, DISCUSSION_STEPS);
    if (!canTakePart(member, item)) throw new AppError('FORBIDDEN', '只能支持本村的事项');
    const at = new Date(ctx.now);
    try {
      // Every support of a matter increments the same document: a burst of supporters conflicts.
      await runContended(async (t) => {
        await t
          .collection(SUPPORTS)
          .add({ data: { _id: `${item._id}_${member.residentId}`, itemId: item._id, at } });
        await t
          .collection(ITEMS)
          .doc(item._id)
          .update({ data: { supportCount: _.inc(1), updatedAt: at } });
      });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    const { data } = await db.collection(ITEMS).where({ _id: item._id }).field({ supportCount: true }).get();
    return { supportCount: (data[0]?.supportCount as number) ?? item.supportCount };
  },
});
