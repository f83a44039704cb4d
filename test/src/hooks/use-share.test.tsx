import { readFileSync } from 'node:fs';
import path from 'node:path';
import { screen, waitFor } from '@testing-library/react';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import PollPage from '../../../src/packages/agenda/pages/poll/index';
import BriefingPage from '../../../src/packages/briefings/pages/detail/index';
import Cooperative from '../../../src/packages/dividends/pages/coop/index';
import Cooperatives from '../../../src/packages/dividends/pages/coops/index';
import HonorBoard from '../../../src/packages/honor/pages/board/index';
import NoticeDetail from '../../../src/packages/notices/pages/detail/index';
import { routes } from '../../../src/routes';
import type { ShareMessage } from '../../../src/hooks/use-share';
import { DEFAULT_MESSAGES, fail } from '../../../core/result';
import { COOP_ID, COOP_NAME } from '../../support/fake-dividends';
import { boardView, PUBLISHED_AT } from '../../support/fake-honor';
import { noticeView } from '../../support/fake-notices';
import { renderWithCloud } from '../render';

jest.mock('../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

/** What 转发 would send right now: the page's latest registered callback, as WeChat calls it. */
const shared = (): ShareMessage => {
  const last = jest.mocked(useShareAppMessage).mock.lastCall;
  if (!last) throw new Error('the page registers no 转发');
  return last[0]({ from: 'menu' }) as ShareMessage;
};

const withParams = (params: Record<string, string>) =>
  jest.mocked(useRouter).mockReturnValue({ params, path: '' } as never);

const notBound = () => fail('NOT_BOUND');
const UNBOUND = { me: { status: 'unbound' as const } };

beforeEach(() => jest.clearAllMocks());

const pages: {
  name: string;
  dir: string;
  params: Record<string, string>;
  answers: (unbound: boolean) => Parameters<typeof renderWithCloud>;
  loaded: string;
  title: string;
  path: string;
  /** The title before the data arrives, or when the receiver may not see it. */
  fallback: string;
  /** Whether an unbound receiver still sees the page (the action is open to anyone). */
  open: boolean;
}[] = [
  {
    name: 'a notice',
    dir: 'notices/pages/detail',
    params: { id: 'n_meeting' },
    answers: (u) => [<NoticeDetail />, u ? UNBOUND : {}, {}, {}, {}, { open: u ? notBound : noticeView() }],
    loaded: '周六召开党群圆桌会',
    title: '周六召开党群圆桌会',
    path: routes.notices.detail({ noticeId: 'n_meeting' }),
    fallback: '村里的通知',
    open: false,
  },
  {
    name: 'a briefing',
    dir: 'briefings/pages/detail',
    params: { id: 'b_gengdi' },
    answers: (u) => [<BriefingPage />, u ? UNBOUND : {}],
    loaded: '2026年耕地地力保护补贴发放说明',
    title: '2026年耕地地力保护补贴发放说明',
    path: routes.briefings.detail({ briefingId: 'b_gengdi' }),
    fallback: '政策宣讲',
    open: true,
  },
  {
    name: 'a poll',
    dir: 'agenda/pages/poll',
    params: { id: 'p_well' },
    answers: (u) => [<PollPage />, u ? UNBOUND : {}, u ? { getPoll: notBound } : {}],
    loaded: '是否同意用村集体资金修缮水井',
    title: '表决：是否同意用村集体资金修缮水井',
    path: routes.agenda.poll({ pollId: 'p_well' }),
    fallback: '村里的表决',
    open: false,
  },
  {
    name: 'the honor board',
    dir: 'honor/pages/board',
    params: {},
    answers: (u) => [
      <HonorBoard />,
      u ? UNBOUND : {},
      {},
      {},
      u ? { listBoards: notBound, getBoard: notBound } : {},
    ],
    loaded: '中海村 2026年11月诚信红黑榜',
    title: '中海村2026年11月诚信红黑榜',
    path: routes.honor.board({ boardId: 'zhonghai_2026-11' }),
    fallback: '诚信红黑榜',
    open: false,
  },
  {
    name: 'the cooperatives’ 公示',
    dir: 'dividends/pages/coops',
    params: {},
    answers: (u) => [<Cooperatives />, u ? UNBOUND : {}],
    loaded: COOP_NAME,
    title: '合作社公示',
    path: routes.dividends.coops,
    fallback: '合作社公示',
    open: true,
  },
  {
    name: 'one cooperative’s 公示',
    dir: 'dividends/pages/coop',
    params: { id: COOP_ID },
    answers: (u) => [<Cooperative />, u ? UNBOUND : {}],
    loaded: COOP_NAME,
    title: `${COOP_NAME}公示`,
    path: routes.dividends.coop({ coopId: COOP_ID }),
    fallback: '合作社公示',
    open: true,
  },
];

describe.each(pages)('转发 $name', (p) => {
  beforeEach(() => withParams(p.params));

  test('shares its own title and opens the same page (route and params)', async () => {
    renderWithCloud(...p.answers(false));
    expect((await screen.findAllByText(p.loaded, { exact: false })).length).toBeGreaterThan(0);
    await waitFor(() => expect(shared()).toEqual({ title: p.title, path: p.path }));
  });

  test('a receiver who has not bound their identity gets the page as the app shows it', async () => {
    renderWithCloud(...p.answers(true));
    if (p.open) {
      expect((await screen.findAllByText(p.loaded, { exact: false })).length).toBeGreaterThan(0);
    } else {
      expect(await screen.findByText(DEFAULT_MESSAGES.NOT_BOUND)).toBeTruthy();
      // Not bound: the way forward is binding, not a retry.
      expect(screen.getByText('去绑定')).toBeTruthy();
      expect(screen.queryByText('重试')).toBeNull();
      expect(shared()).toEqual({ title: p.fallback, path: p.path.replace(/\?boardId=.*$/, '') });
    }
  });

  test('its page config turns 转发 on', () => {
    const config = readFileSync(
      path.join(__dirname, '../../../src/packages', p.dir, 'index.config.ts'),
      'utf8',
    );
    expect(config).toMatch(/enableShareAppMessage: true/);
  });
});

test('a shared honor board opens on the sender’s month when the receiver’s village has it', async () => {
  withParams({ boardId: 'zhonghai_2026-10' });
  const boards = [
    { boardId: 'zhonghai_2026-11', month: '2026-11', status: 'published' as const },
    { boardId: 'zhonghai_2026-10', month: '2026-10', status: 'published' as const },
  ].map((b) => ({ ...b, red: 1, black: 1, publishedAt: PUBLISHED_AT }));
  const { transport } = renderWithCloud(
    <HonorBoard />,
    {},
    {},
    {},
    {
      listBoards: { villageId: 'zhonghai', boards },
      getBoard: (i) => ({ ok: true, data: boardView({ boardId: String(i.boardId), month: '2026-10' }) }),
    },
  );
  expect(await screen.findByText('中海村 2026年10月诚信红黑榜')).toBeTruthy();
  expect(transport.mock.calls.map(([, d]) => d)).toContainEqual({
    action: 'getBoard',
    boardId: 'zhonghai_2026-10',
  });
  await waitFor(() => expect(shared().path).toBe(routes.honor.board({ boardId: 'zhonghai_2026-10' })));
});
