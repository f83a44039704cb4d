import { digest } from '../../support/app-cloud';
import { ADMIN, RESIDENT, UNBOUND } from '../../support/agenda';
import { refuses } from './fixtures';
import { useItemsScene } from './scenes/items';

const { cloud, as } = useItemsScene();

describe('who may call what', () => {
  const ADMIN_ACTIONS = [
    'moderate',
    'advance',
    'scheduleRoundtable',
    'recordMinutes',
    'createPoll',
    'openPoll',
    'closePoll',
    'addTask',
  ] as const;
  const RESIDENT_ACTIONS = [
    'listItems',
    'getItem',
    'raise',
    'comment',
    'listComments',
    'support',
    'merge',
    'getPoll',
    'checkReceipt',
    'listReceipts',
    'updateTask',
    'giveVerdict',
  ] as const;

  test.each(ADMIN_ACTIONS)(
    '%s: a resident is FORBIDDEN and an unbound user NOT_BOUND, before input is read',
    async (action) => {
      await refuses(cloud, () => as(RESIDENT)(action, {}), 'FORBIDDEN', '您没有进行此操作的权限');
      await refuses(cloud, () => as(UNBOUND)(action, {}), 'NOT_BOUND');
    },
  );

  test.each(RESIDENT_ACTIONS)('%s: an unbound user is NOT_BOUND', async (action) => {
    await refuses(cloud, () => as(UNBOUND)(action, {}), 'NOT_BOUND');
  });

  test.each([...ADMIN_ACTIONS, ...RESIDENT_ACTIONS, 'vote'] as const)(
    '%s: no WeChat identity is UNAUTHENTICATED',
    async (action) => {
      await refuses(cloud, () => as(null)(action, {}), 'UNAUTHENTICATED');
    },
  );

  test('an unknown or missing action is INVALID_INPUT', async () => {
    const before = digest(cloud);
    expect(await cloud.call('agenda', { action: 'deleteEverything' }, { openid: ADMIN })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '不支持的操作' },
    });
    expect(await cloud.call('agenda', {}, { openid: ADMIN })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '缺少操作类型' },
    });
    expect(digest(cloud)).toBe(before);
  });
});
