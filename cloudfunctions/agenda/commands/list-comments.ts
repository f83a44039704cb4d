import { COMMENTS } from '../../_shared/collections';
import { canManageItem } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { type CommentDoc } from '../model';
import { requireItem } from '../policy';
import { commentView } from '../views';

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
    return {
      items: page.map(commentView),
      nextCursor: data.length > limit ? (page.at(-1)?._id ?? null) : null,
    };
  },
});
