import { ITEMS } from '../../_shared/collections';
import { canManageItem, canTakePart } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { decodeCursor, encodeCursor } from '../../_shared/cursor';
import { type ItemDoc } from '../model';
import { itemSummary } from '../views';

/**
 * The village's matters, newest activity first, by step. Held items appear to their author and the village
 * admin only; merged and refused ones are left out. 20 a page. One read.
 * ok: a page · invalid: FORBIDDEN (another village), INVALID_INPUT (bad cursor)
 */
export const listItems = defineCommand('agenda', 'listItems', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const village = { villageId: input.villageId ?? member.villageId };
    const admin = canManageItem(member, village);
    if (!canTakePart(member, village)) throw new AppError('FORBIDDEN', '只能查看本村的事项');
    const limit = input.limit ?? 20;
    const where: Record<string, unknown>[] = [village];
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
