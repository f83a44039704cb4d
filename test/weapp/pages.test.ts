import { fakeAgenda } from '../support/fake-agenda';
import { coopView, fakeDividends, managedView, ROSTER } from '../support/fake-dividends';
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
  'packages/dividends/pages/coop/index': { id: 'coop_zhonghai_potato' },
  'packages/dividends/pages/distribution/index': { id: 'dist_zhonghai_potato_2025_1' },
  'packages/dividends/pages/declare/index': { coopId: 'coop_zhonghai_potato' },
  'packages/dividends/pages/import/index': { coopId: 'coop_zhonghai_potato' },
  'packages/dividends/pages/edit/index': { coopId: 'coop_zhonghai_potato' },
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
        // A manager's view, so the roster table, every household's line and the steps render too.
        dividends: fakeDividends({
          getCooperative: coopView({ canManage: true, roster: ROSTER }),
          getDistribution: managedView('reviewed', { canPublish: true }),
        }),
      },
    });
    expect(page.text().length).toBeGreaterThan(0);
    expect(page.pageMetaAttr('root-font-size')).toBe('system');
    expect(page.errors).toEqual([]);
    page.unload();
  });
});
