import { fakeAgenda } from '../support/fake-agenda';
import { fakeHonor, standingEntry } from '../support/fake-honor';
import { fakeMembers } from '../support/fake-members';
import { WEAPP_DIST } from './harness/dist-dir';
import { listAppPages, loadBuiltPage } from './harness/load-built-page';

/**
 * Every page of the BUILT mini-program, loaded in miniprogram-simulate with WeChat's own template compiler
 * and a stand-in for the cloud: it renders text and follows the user's WeChat font size.
 */
const QUERIES: Record<string, Record<string, string>> = {
  'packages/admin/pages/roles/index': { residentId: 'r_resident_007' },
  'packages/admin/pages/register/index': { villageId: 'zhonghai' },
  'packages/agenda/pages/item/index': { id: 'i_well' },
  'packages/agenda/pages/poll/index': { id: 'p_well' },
  'packages/agenda/pages/roundtable/index': { id: 'i_well' },
  'packages/agenda/pages/poll-setup/index': { id: 'i_well' },
  'packages/agenda/pages/task/index': { id: 'i_well' },
  'packages/honor/pages/appeal/index': { boardId: 'zhonghai_2026-11', entryId: 'e_black' },
};

describe.each(listAppPages(WEAPP_DIST))('%s', (pagePath) => {
  test('renders and follows the WeChat font size setting', async () => {
    const page = await loadBuiltPage(WEAPP_DIST, pagePath, {
      query: QUERIES[pagePath],
      cloudFunctions: {
        members: fakeMembers(),
        agenda: fakeAgenda(),
        honor: fakeHonor({
          myStanding: {
            household: '四组004号',
            villageName: '中海村',
            restricted: null,
            entries: [standingEntry()],
          },
        }),
      },
    });
    expect(page.text().length).toBeGreaterThan(0);
    expect(page.pageMetaAttr('root-font-size')).toBe('system');
    expect(page.errors).toEqual([]);
    page.unload();
  });
});
