import type { MemberDoc } from '../_shared/documents';
import { NOTICES } from '../_shared/collections';
import { BACKLOG_MS, UNREAD_WINDOW, memberKeys } from '../../core/notices';
import { _, db } from '../_shared/cloud';
import { type NoticeDoc } from './model';
import { readSet } from './reads';

/** What a member's inbox lists: the fields of a notice's summary only. */
export const SUMMARY_FIELDS = { body: false, villages: false, planLease: false } as const;

/** Notices addressed to the member, newest first: from a month before they joined, whatever their status. */
export const addressed = (member: MemberDoc) => ({
  audienceKey: _.in(memberKeys(member)),
  createdAt: _.gte(new Date(new Date(member.boundAt).getTime() - BACKLOG_MS)),
});

/** The newest notices addressed to the member (no bodies) and which of them are unread: two reads. */
export async function window(member: MemberDoc): Promise<{ notices: NoticeDoc[]; read: Set<string> }> {
  const { data } = await db
    .collection(NOTICES)
    .where(addressed(member))
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .field(SUMMARY_FIELDS)
    .limit(UNREAD_WINDOW)
    .get();
  const notices = data as NoticeDoc[];
  return {
    notices,
    read: await readSet(
      member._id,
      notices.map((n) => n._id),
    ),
  };
}
