import { fakeAgenda } from '../support/fake-agenda';
import { fakeHonor } from '../support/fake-honor';
import { fakeMembers } from '../support/fake-members';
import { fakeNotices, noticeView } from '../support/fake-notices';
import { WEAPP_DIST } from './harness/dist-dir';
import { loadBuiltPage } from './harness/load-built-page';

/** 转发 in the BUILT mini-program: the page object WeChat gets answers onShareAppMessage (src/hooks/use-share.ts). */
const cloudFunctions = {
  members: fakeMembers(),
  agenda: fakeAgenda(),
  honor: fakeHonor(),
  notices: fakeNotices({ open: noticeView(), unread: { unread: 0 } }),
};

test.each<{ page: string; query: Record<string, string>; shown: string; share: object }>([
  {
    page: 'packages/notices/pages/detail/index',
    query: { id: 'n_meeting' },
    shown: '周六召开党群圆桌会',
    share: { title: '周六召开党群圆桌会', path: '/packages/notices/pages/detail/index?id=n_meeting' },
  },
  {
    page: 'packages/agenda/pages/poll/index',
    query: { id: 'p_well' },
    shown: '是否同意用村集体资金修缮水井',
    share: {
      title: '表决：是否同意用村集体资金修缮水井',
      path: '/packages/agenda/pages/poll/index?id=p_well',
    },
  },
  {
    page: 'packages/honor/pages/board/index',
    query: {},
    shown: '诚信红黑榜',
    share: {
      title: '中海村2026年11月诚信红黑榜',
      path: '/packages/honor/pages/board/index?boardId=zhonghai_2026-11',
    },
  },
])('$page shares its title and the same page', async ({ page: pagePath, query, shown, share }) => {
  const page = await loadBuiltPage(WEAPP_DIST, pagePath, { query, cloudFunctions });
  await page.waitForText(shown);
  expect(page.share()).toEqual(share);
});

test('a page without 转发 gives WeChat no share handler', async () => {
  const page = await loadBuiltPage(WEAPP_DIST, 'pages/home/index', { cloudFunctions });
  await page.waitForText('联盟小组');
  expect(page.share()).toBeUndefined();
});
