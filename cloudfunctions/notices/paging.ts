import { _ } from '../_shared/cloud';
import { decodeCursor, encodeCursor } from '../_shared/cursor';
import { type NoticeDoc } from './model';

/** Lists of notices, newest first (`createdAt` desc, then `_id` desc), paged by a keyset cursor. */

/** The condition for the notices after the cursor's. */
export function olderThan(cursor: string): object {
  const after = decodeCursor(cursor);
  const at = new Date(after.at);
  return _.or([{ createdAt: _.lt(at) }, { createdAt: _.eq(at), _id: _.lt(after.id) }]);
}

/** The first `limit` of the rows read (one more than a page, to know whether more follow), and the next cursor. */
export function pageOf(rows: NoticeDoc[], limit: number): { page: NoticeDoc[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    page,
    nextCursor:
      rows.length > limit && last ? encodeCursor(new Date(last.createdAt).getTime(), last._id) : null,
  };
}
