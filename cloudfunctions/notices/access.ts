import type { MemberDoc } from '../_shared/documents';
import { NOTICES } from '../_shared/collections';
import { toMillis } from '../../core/time';
import { canOversee, memberKeys, type NoticeSummary, type SentSummary } from '../../core/notices';
import { db } from '../_shared/cloud';
import { AppError } from '../_shared/errors';
import { type NoticeDoc } from './model';

export const oversees = (member: MemberDoc, notice: NoticeDoc) =>
  canOversee(member, { senderOpenid: notice.sender.openid, audience: notice.audience }, member._id);

export const addressedTo = (member: MemberDoc, notice: NoticeDoc) =>
  memberKeys(member).includes(notice.audienceKey);

/** A notice the member may read: addressed to them, or one they oversee. One read. */
export async function requireNotice(noticeId: string, member: MemberDoc): Promise<NoticeDoc> {
  const { data } = await db.collection(NOTICES).where({ _id: noticeId }).get();
  const notice = data[0] as NoticeDoc | undefined;
  if (!notice || !(addressedTo(member, notice) || oversees(member, notice))) {
    throw new AppError('NOT_FOUND', '没有找到这条通知');
  }
  return notice;
}

/** A notice whose coverage the member may see (its sender, town admins, the village's admins). */
export async function requireOverseen(noticeId: string, member: MemberDoc): Promise<NoticeDoc> {
  const notice = await requireNotice(noticeId, member);
  if (!oversees(member, notice)) throw new AppError('FORBIDDEN', '只有发送人和管理员可以查看送达情况');
  return notice;
}

export function summaryOf(n: NoticeDoc, read: boolean): NoticeSummary {
  return {
    noticeId: n._id,
    title: n.title,
    kind: n.kind,
    urgency: n.urgency,
    audienceLabel: n.audienceLabel,
    senderLabel: n.sender.label,
    createdAt: toMillis(n.createdAt),
    read,
  };
}

export function sentSummaryOf(n: NoticeDoc, readHouseholds: number): SentSummary {
  return {
    noticeId: n._id,
    title: n.title,
    urgency: n.urgency,
    audienceLabel: n.audienceLabel,
    senderLabel: `${n.sender.label} · ${n.sender.name}`,
    createdAt: toMillis(n.createdAt),
    status: n.status,
    households: n.households,
    readHouseholds,
  };
}
