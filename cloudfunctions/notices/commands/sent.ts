import { NOTICES } from '../../_shared/collections';
import { villageKeys } from '../../../core/notices';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { PAGE_SIZE, type NoticeDoc } from '../model';
import { olderThan, pageOf } from '../paging';
import { readCounts } from '../reads';
import { sentSummaryOf } from '../views';

/**
 * 已发通知: what the caller sent, and (admins) every notice to the villages they oversee, newest first, with
 * how many households have read each. Three reads per page. ok: a page
 */
export const sent = defineCommand('notices', 'sent', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const limit = input.limit ?? PAGE_SIZE;
    // Town admins see every notice; village admins theirs and those to their village; leaders their own.
    const mine = member.roles.townAdmin
      ? null
      : member.roles.villageAdmin
        ? _.or([{ 'sender.openid': ctx.openid }, { audienceKey: _.in(villageKeys(member.villageId)) }])
        : { 'sender.openid': ctx.openid };
    const page = input.cursor ? olderThan(input.cursor) : null;
    const conditions = [mine, page].filter((c) => c !== null);
    const { data } = await db
      .collection(NOTICES)
      .where(conditions.length === 2 ? _.and(conditions) : (conditions[0] ?? {}))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .field({ body: false, villages: false })
      .limit(limit + 1)
      .get();
    const { page: notices, nextCursor } = pageOf(data as NoticeDoc[], limit);
    const reads = await readCounts(
      notices.map((n) => n._id),
      false,
    );
    return { notices: notices.map((n) => sentSummaryOf(n, reads.get(n._id) ?? 0)), nextCursor };
  },
});
