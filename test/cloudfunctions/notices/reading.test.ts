import { demoResidentOpenid } from '../../../scripts/demo/identities';
import { data, refuses, residentIdOf, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  OUTSIDER,
  RESIDENT,
  TOWN_ADMIN,
  noticesAs,
  pushAndDrain,
  pushInput,
  startNoticesCloud,
} from '../../support/notices';

const cloud = useAppCloud(startNoticesCloud);
const as = (openid: string) => noticesAs(cloud, openid);
const zhonghai = { kind: 'village' as const, villageId: 'zhonghai' };

/** Two members of one household: 中海村's resident 41 moves into resident 40's household. */
const HEAD = demoResidentOpenid(40);
const SPOUSE = demoResidentOpenid(41);
let household: string;

beforeAll(async () => {
  household = cloud.dump('residents').find((r) => r._id === residentIdOf(HEAD))!.household as string;
  await cloud.db.collection('residents').doc(residentIdOf(SPOUSE)).update({ data: { household } });
  await cloud.db.collection('members').doc(SPOUSE).update({ data: { household } });
});

const unread = async (openid: string) => data(await as(openid)('unread')).unread;

describe('the inbox and read receipts', () => {
  let first: string;
  let second: string;
  beforeAll(async () => {
    first = await pushAndDrain(cloud, ADMIN, pushInput(zhonghai, { title: '秋季防火安全提醒' }));
    second = await pushAndDrain(
      cloud,
      ADMIN,
      pushInput(zhonghai, { title: '医保缴费开始了', urgency: 'urgent' }),
    );
  });

  test('newest first, with the unread count and who may send', async () => {
    const page = data(await as(RESIDENT)('inbox'));
    expect(page.notices.slice(0, 2).map((n) => [n.noticeId, n.title, n.urgency, n.read])).toEqual([
      [second, '医保缴费开始了', 'urgent', false],
      [first, '秋季防火安全提醒', 'normal', false],
    ]);
    expect(page.notices[0]).toMatchObject({ audienceLabel: '中海村', senderLabel: '中海村村委会' });
    expect(page.unread).toBeGreaterThanOrEqual(2);
    expect(page.canSend).toBe(false);
    expect(data(await as(ADMIN)('inbox')).canSend).toBe(true);
  });

  test('opening marks it read once; opening again changes nothing', async () => {
    const before = await unread(RESIDENT);
    const view = data(await as(RESIDENT)('open', { noticeId: first }));
    expect(view).toMatchObject({ title: '秋季防火安全提醒', read: true, canOversee: false, link: null });
    expect(view.body).toContain('党群圆桌会');
    expect(await unread(RESIDENT)).toBe(before - 1);
    data(await as(RESIDENT)('open', { noticeId: first }));
    expect(await unread(RESIDENT)).toBe(before - 1);
    expect(
      cloud.dump('noticeReads').filter((r) => r.noticeId === first && r.openid === RESIDENT),
    ).toHaveLength(1);
    const page = data(await as(RESIDENT)('inbox'));
    expect(page.notices.find((n) => n.noticeId === first)!.read).toBe(true);
  });

  test('a household counts once, whoever of it reads and however often', async () => {
    data(await as(HEAD)('open', { noticeId: second }));
    data(await as(SPOUSE)('open', { noticeId: second }));
    const mine = cloud
      .dump('noticeHouseholdReads')
      .filter((r) => r.noticeId === second && r.household === household);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ villageId: 'zhonghai', readerName: expect.any(String) });
    // Each member keeps their own unread state.
    expect(cloud.dump('noticeReads').filter((r) => r.noticeId === second)).toHaveLength(2);
  });

  test('the sender opening their notice leaves no receipt when it is not addressed to them', async () => {
    const id = await pushAndDrain(cloud, TOWN_ADMIN, pushInput(zhonghai));
    const view = data(await as(TOWN_ADMIN)('open', { noticeId: id }));
    expect(view).toMatchObject({ read: false, canOversee: true });
    expect(cloud.dump('noticeReads').filter((r) => r.noticeId === id)).toEqual([]);
  });

  test('pages follow one another without gaps or repeats', async () => {
    const all: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = data(await as(RESIDENT)('inbox', { limit: 2, ...(cursor ? { cursor } : {}) }));
      all.push(...page.notices.map((n) => n.noticeId));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const expected = cloud
      .dump('notices')
      .filter((n) => n.audienceKey === 'v:zhonghai' || n.audienceKey === 'town')
      .sort((a, b) => +b.createdAt! - +a.createdAt! || String(b._id).localeCompare(String(a._id)))
      .map((n) => n._id);
    expect(all).toEqual(expected);
  });

  test('the first inbox page costs four reads, the badge three, and nothing is written', async () => {
    const count = async (action: 'inbox' | 'unread') => {
      const report = await cloud.invoke('notices', { action }, { openid: RESIDENT });
      return report.requests.map((r) => r.kind);
    };
    const inbox = await count('inbox');
    expect(inbox.filter((k) => k === 'read')).toHaveLength(4);
    expect(inbox.filter((k) => k === 'write')).toHaveLength(0);
    expect((await count('unread')).filter((k) => k === 'read')).toHaveLength(3);
  });
});

describe('coverage', () => {
  let noticeId: string;
  beforeAll(async () => {
    noticeId = await pushAndDrain(cloud, ADMIN, pushInput(zhonghai, { title: '村道硬化意见征集' }));
    for (const openid of [RESIDENT, HEAD, SPOUSE, demoResidentOpenid(5)]) {
      data(await as(openid)('open', { noticeId }));
    }
  });

  test('households in the audience, how many have read, and the delivery counts', async () => {
    const view = data(await as(ADMIN)('coverage', { noticeId }));
    const residents = cloud.dump('residents').filter((r) => r.villageId === 'zhonghai');
    const households = new Set(residents.map((r) => r.household)).size;
    expect(view.recipients).toBe(residents.length);
    expect(view.notice).toMatchObject({ status: 'sent', households, readHouseholds: 3 });
    expect(view.villages).toEqual([
      { villageId: 'zhonghai', villageName: '中海村', households, readHouseholds: 3 },
    ]);
    expect(view.delivery).toMatchObject({ noGrant: residents.length, pending: 0 });
  });

  test('the households that have not read: everyone else, with their members', async () => {
    const { households, villageName } = data(
      await as(ADMIN)('unreadHouseholds', { noticeId, villageId: 'zhonghai' }),
    );
    expect(villageName).toBe('中海村');
    const residents = cloud.dump('residents').filter((r) => r.villageId === 'zhonghai');
    const all = new Set(residents.map((r) => r.household as string));
    expect(households).toHaveLength(all.size - 3);
    expect(households.map((h) => h.household)).not.toContain(household);
    expect(households[0]!.members[0]).toEqual({ name: expect.any(String), bound: true, delivery: 'noGrant' });
  });

  test('the CSV export lists exactly those households', async () => {
    const { csv, rows, filename } = data(await as(ADMIN)('exportUnread', { noticeId }));
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('村（社区）,户,家庭成员,有人绑定微信,提醒推送情况');
    expect(lines).toHaveLength(rows + 1);
    const { households } = data(await as(ADMIN)('unreadHouseholds', { noticeId, villageId: 'zhonghai' }));
    expect(rows).toBe(households.length);
    expect(lines[1]).toMatch(/^中海村,/);
    expect(filename).toMatch(/^未读户_村道硬化意见征集_\d{8}\.csv$/);
  });

  test('the sent list shows read households per notice', async () => {
    const { notices } = data(await as(ADMIN)('sent'));
    expect(notices.find((n) => n.noticeId === noticeId)).toMatchObject({ readHouseholds: 3, status: 'sent' });
    const town = data(await as(TOWN_ADMIN)('sent'));
    expect(town.notices.map((n) => n.noticeId)).toContain(noticeId);
  });

  test('the sent list pages without gaps or repeats, for a leader, a village admin and the town admin', async () => {
    const pages = async (openid: string) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = data(await as(openid)('sent', { limit: 2, ...(cursor ? { cursor } : {}) }));
        ids.push(...page.notices.map((n) => n.noticeId));
        if (!page.nextCursor) return ids;
        cursor = page.nextCursor;
      }
    };
    const newestFirst = (keep: (n: Record<string, unknown>) => boolean) =>
      cloud
        .dump('notices')
        .filter(keep)
        .sort((a, b) => +b.createdAt! - +a.createdAt! || String(b._id).localeCompare(String(a._id)))
        .map((n) => n._id);
    const sender = (n: Record<string, unknown>) => (n.sender as { openid: string }).openid;
    expect(await pages(TOWN_ADMIN)).toEqual(newestFirst(() => true));
    expect(await pages(ADMIN)).toEqual(
      newestFirst((n) => sender(n) === ADMIN || String(n.audienceKey).endsWith('zhonghai')),
    );
    const { noticeId: own } = data(
      await as('demo-leader-service')(
        'push',
        pushInput({ kind: 'group', group: 'service', villageId: null }),
      ),
    );
    expect(await pages('demo-leader-service')).toEqual([own]);
  });

  test('only the sender and the admins overseeing it see coverage', async () => {
    data(await as(TOWN_ADMIN)('coverage', { noticeId }));
    await refuses(cloud, () => as(RESIDENT)('coverage', { noticeId }), 'FORBIDDEN');
    await refuses(cloud, () => as(RESIDENT)('exportUnread', { noticeId }), 'FORBIDDEN');
    await refuses(cloud, () => as(OUTSIDER)('coverage', { noticeId }), 'NOT_FOUND');
    await refuses(cloud, () => as(RESIDENT)('sent'), 'FORBIDDEN');
  });
});
