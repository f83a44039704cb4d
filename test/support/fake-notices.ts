import type { NoticeSummary, NoticeView, NoticesOutput, SentSummary } from '../../core/notices';
import type { Result } from '../../core/result';
import { fakeFunction } from './fake-members';

/** Fake answers of the `notices` function for component tests (what the pages expect to receive). */
export const SENT_AT = Date.UTC(2026, 10, 20, 1, 30, 0);

export function noticeSummary(overrides: Partial<NoticeSummary> = {}): NoticeSummary {
  return {
    noticeId: 'n_meeting',
    title: '周六召开党群圆桌会',
    kind: 'meeting',
    urgency: 'normal',
    audienceLabel: '中海村',
    senderLabel: '中海村村委会',
    createdAt: SENT_AT,
    read: false,
    ...overrides,
  };
}

export function noticeView(overrides: Partial<NoticeView> = {}): NoticeView {
  return {
    ...noticeSummary({ read: true }),
    body: '本周六上午九点在村委会议室召开党群圆桌会，商议村道硬化事宜。\n请各户派代表参加。',
    link: null,
    canOversee: false,
    ...overrides,
  };
}

export function sentSummary(overrides: Partial<SentSummary> = {}): SentSummary {
  return {
    noticeId: 'n_meeting',
    title: '周六召开党群圆桌会',
    urgency: 'normal',
    audienceLabel: '中海村',
    senderLabel: '中海村村委会 · 胡翠萍',
    createdAt: SENT_AT,
    status: 'sent',
    households: 200,
    readHouseholds: 57,
    ...overrides,
  };
}

export const COVERAGE: NoticesOutput['coverage'] = {
  notice: sentSummary(),
  recipients: 214,
  delivery: { sent: 120, refused: 3, failed: 1, noGrant: 80, unbound: 10, pending: 0 },
  villages: [{ villageId: 'zhonghai', villageName: '中海村', households: 200, readHouseholds: 57 }],
};

export type NoticesAnswers = {
  [A in keyof NoticesOutput]?:
    NoticesOutput[A] | ((input: Record<string, unknown>) => Result<NoticesOutput[A], string>);
};

const DEFAULTS: NoticesAnswers = {
  inbox: { notices: [], nextCursor: null, unread: 0, grantsLeft: 0, canSend: false },
  unread: { unread: 0 },
};

export function fakeNotices(
  answers: NoticesAnswers = {},
): (event: Record<string, unknown>) => Result<unknown, string> {
  return fakeFunction({ ...DEFAULTS, ...answers });
}
