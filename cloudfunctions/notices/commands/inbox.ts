import { NOTICES } from '../../_shared/collections';
import { canSendNotices } from '../../../core/notices';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { addressed, SUMMARY_FIELDS, window } from '../addressed';
import { grantsLeft } from '../delivery';
import { PAGE_SIZE, type NoticeDoc } from '../model';
import { olderThan, pageOf } from '../paging';
import { readSet } from '../reads';
import { summaryOf } from '../views';

/**
 * 通知 tab: the notices addressed to the member, newest first, each marked read or not. The first page also
 * carries the unread count, the reminders left and whether the member may send. Four reads for the first
 * page, three for the next. ok: a page
 */
export const inbox = defineCommand('notices', 'inbox', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const limit = input.limit ?? PAGE_SIZE;
    if (!input.cursor) {
      const [{ notices, read }, grants] = await Promise.all([window(member), grantsLeft(ctx.openid)]);
      const { page, nextCursor } = pageOf(notices, limit);
      return {
        notices: page.map((n) => summaryOf(n, read.has(n._id))),
        nextCursor,
        unread: notices.filter((n) => !read.has(n._id)).length,
        grantsLeft: grants,
        canSend: canSendNotices(member),
      };
    }
    const { data } = await db
      .collection(NOTICES)
      .where(_.and([addressed(member), olderThan(input.cursor)]))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .field(SUMMARY_FIELDS)
      .limit(limit + 1)
      .get();
    const { page: notices, nextCursor } = pageOf(data as NoticeDoc[], limit);
    const read = await readSet(
      ctx.openid,
      notices.map((n) => n._id),
    );
    return { notices: notices.map((n) => summaryOf(n, read.has(n._id))), nextCursor };
  },
});
