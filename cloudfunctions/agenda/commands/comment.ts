import { COMMENTS, ITEMS } from '../../_shared/collections';
import { COMMENTS_PER_HOUR, DISCUSSION_STEPS } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { checkText } from '../../_shared/content';
import { AppError } from '../../_shared/errors';
import { consume } from '../../_shared/rate-limit';
import { commentId, type CommentDoc } from '../model';
import { requireParticipant } from '../policy';
import { commentView } from '../views';

const HOUR_MS = 3_600_000;

/**
 * 征求论事: a resident comments on a matter of their village while it is raised or discussed. The content check
 * refuses risky text and holds text it wants a person to see (shown to its author and the admin only).
 * ok: the comment, held or not · invalid: WRONG_STEP, FORBIDDEN (other village), CONTENT_REJECTED, RATE_LIMITED
 */
export const comment = defineCommand('agenda', 'comment', {
  async run(ctx, input) {
    const { member, item } = await requireParticipant(
      ctx,
      input.itemId,
      DISCUSSION_STEPS,
      '只能参与本村事项的讨论',
    );
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
    return { comment: commentView(doc), held: doc.held };
  },
});
