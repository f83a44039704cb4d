import { toMillis } from '../../core/time';
import type { NoticeSummary, NoticeView, NoticesOutput, SentSummary } from '../../core/notices';
import { type NoticeDoc } from './model';

/** What the client sees of a notice: in the inbox, opened, in the sender's list, and after a push. */

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

export function noticeView(n: NoticeDoc, read: boolean, canOversee: boolean): NoticeView {
  return { ...summaryOf(n, read), body: n.body, link: n.link, canOversee };
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

export const pushed = (n: NoticeDoc): NoticesOutput['push'] => ({
  noticeId: n._id,
  status: n.status,
  recipients: n.recipients,
  households: n.households,
});
