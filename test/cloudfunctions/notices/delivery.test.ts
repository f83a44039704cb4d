import { DAY_MS } from '../../../core/time';
import { NOTICES_PER_DAY } from '../../../core/notices';
import { data, digest, refuses, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  NEIGHBOUR,
  RESIDENT,
  TEMPLATE,
  appGrants,
  chunks,
  counts,
  messagesOf,
  notice,
  noticesAs,
  outcomes,
  pushAndDrain,
  pushInput,
  startNoticesCloud,
  subscribeFully,
} from '../../support/notices';
import { demoResidentOpenid } from '../../../scripts/demo/identities';

const cloud = useAppCloud(startNoticesCloud);

const as = (openid: string) => noticesAs(cloud, openid);
const zhonghai = { kind: 'village' as const, villageId: 'zhonghai' };
const residentsOf = (villageId: string) => cloud.dump('residents').filter((r) => r.villageId === villageId);

describe('grant accounting', () => {
  let noticeId: string;
  const granted = demoResidentOpenid(10);
  const twice = demoResidentOpenid(11);
  const appOnly = demoResidentOpenid(12);
  const rejected = demoResidentOpenid(13);

  beforeAll(async () => {
    await subscribeFully(cloud, granted);
    await subscribeFully(cloud, twice, 2);
    // The app was told "accept" but WeChat has no consent (revoked since, or a stale client): WeChat refuses.
    data(await as(appOnly)('subscribe', { results: { [TEMPLATE]: 'accept' } }));
    data(await as(rejected)('subscribe', { results: { [TEMPLATE]: 'reject' } }));
    noticeId = await pushAndDrain(cloud, ADMIN, pushInput(zhonghai));
  });

  test('a member with a grant gets exactly one message, and the grant is used up', () => {
    const [message] = cloud.outbox({ touser: granted });
    expect(messagesOf(cloud, noticeId).filter((m) => m.touser === granted)).toHaveLength(1);
    expect(message).toMatchObject({
      templateId: TEMPLATE,
      page: `packages/notices/pages/detail/index?id=${noticeId}`,
      data: {
        thing1: { value: '周六召开党群圆桌会' },
        thing2: { value: '中海村村委会' },
        phrase4: { value: '一般' },
      },
    });
    expect(outcomes(cloud, noticeId).get(granted)).toBe('S');
    expect(appGrants(cloud, granted)).toBe(0);
    expect(appGrants(cloud, twice)).toBe(1);
  });

  test('never sends without a grant: everyone else is recorded as not subscribed', () => {
    const sentTo = new Set(messagesOf(cloud, noticeId).map((m) => m.touser));
    expect([...sentTo].sort()).toEqual([granted, twice].sort());
    expect(outcomes(cloud, noticeId).get(rejected)).toBe('N');
    expect(outcomes(cloud, noticeId).get(RESIDENT)).toBe('N');
  });

  test("WeChat's refusal (43101) is recorded, and the app's grant is consumed", () => {
    expect(outcomes(cloud, noticeId).get(appOnly)).toBe('R');
    expect(appGrants(cloud, appOnly)).toBe(0);
  });

  test('every recipient is accounted for exactly once', () => {
    const residents = residentsOf('zhonghai');
    const all = chunks(cloud, noticeId).flatMap((c) => c.items.map((i) => i.r));
    expect(all.sort()).toEqual(residents.map((r) => r._id as string).sort());
    expect(new Set(all).size).toBe(all.length);
    const c = counts(cloud, noticeId);
    expect(c).toEqual({
      sent: 2,
      refused: 1,
      failed: 0,
      noGrant: residents.length - 3,
      unbound: 0,
      pending: 0,
    });
    expect(notice(cloud, noticeId)).toMatchObject({ status: 'sent', recipients: residents.length });
    expect(chunks(cloud, noticeId).every((ch) => ch.state === 'done' && ch.inFlight === null)).toBe(true);
  });
});

test('a resident without a WeChat account is recorded as unbound, and nothing is sent', async () => {
  await cloud.db.collection('residents').add({
    data: {
      _id: 'r_no_wechat',
      townId: 'yina',
      villageId: 'hexin',
      name: '龙老汉',
      household: '一组099号',
      phoneMasked: null,
      openid: null,
      roles: { rep: false, villageAdmin: false, townAdmin: false, groups: [] },
      source: 'admin',
      createdAt: new Date(),
      updatedAt: new Date(),
    },
  });
  const noticeId = await pushAndDrain(
    cloud,
    'demo-town-admin',
    pushInput({ kind: 'village', villageId: 'hexin' }),
  );
  expect(outcomes(cloud, noticeId).get('r_no_wechat')).toBe('U');
  expect(counts(cloud, noticeId).unbound).toBe(1);
});

test('a retried push (same request id) finds the same notice and sends nothing twice', async () => {
  const openid = demoResidentOpenid(20);
  await subscribeFully(cloud, openid, 3);
  const input = pushInput(zhonghai);
  const first = data(await as(ADMIN)('push', input));
  const again = data(await as(ADMIN)('push', input));
  expect(again.noticeId).toBe(first.noticeId);
  expect(cloud.dump('notices').filter((n) => n._id === first.noticeId)).toHaveLength(1);
  await pushAndDrain(cloud, ADMIN, input);
  expect(messagesOf(cloud, first.noticeId).filter((m) => m.touser === openid)).toHaveLength(1);
  expect(appGrants(cloud, openid)).toBe(2);
});

describe('refusals change nothing', () => {
  test('text that fails the content check', async () => {
    await refuses(
      cloud,
      () => as(ADMIN)('push', pushInput(zhonghai, { body: '周六晚上组织大家一起赌博，地点在村口。' })),
      'CONTENT_REJECTED',
    );
  });

  test('a title longer than the subscribe message allows', async () => {
    await refuses(
      cloud,
      () => as(ADMIN)('push', pushInput(zhonghai, { title: '一二三四五六七八九十一二三四五六七八九十一' })),
      'INVALID_INPUT',
      '标题最多 20 个字',
    );
  });

  test('a link to something that does not exist', async () => {
    await refuses(
      cloud,
      () => as(ADMIN)('push', pushInput(zhonghai, { link: { kind: 'briefing', id: 'nope' } })),
      'INVALID_INPUT',
      '关联的内容不存在或未公布',
    );
  });

  test('an unknown subscribe template', async () => {
    await refuses(
      cloud,
      () => as(RESIDENT)('subscribe', { results: { 'other-template': 'accept' } }),
      'INVALID_INPUT',
      '不支持的订阅消息模板',
    );
  });
});

test(`the rate limit: ${NOTICES_PER_DAY} pushes a day per sender, then refused until the next window`, async () => {
  const sender = 'demo-leader-mediate'; // lives in 新营村
  const audience = { kind: 'village' as const, villageId: 'xinying' };
  const { sentToday } = data(await as(sender)('composeOptions'));
  for (let i = sentToday; i < NOTICES_PER_DAY; i++) data(await as(sender)('push', pushInput(audience)));
  await refuses(cloud, () => as(sender)('push', pushInput(audience)), 'RATE_LIMITED');
  cloud.setClockOffset(DAY_MS);
  try {
    data(await as(sender)('push', pushInput(audience)));
  } finally {
    cloud.setClockOffset(0);
  }
});

test('subscribing: each accept is one more reminder; a ban leaves none', async () => {
  const openid = NEIGHBOUR;
  const before = digest(cloud);
  expect(data(await as(openid)('subscribe', { results: { [TEMPLATE]: 'accept' } })).grantsLeft).toBe(1);
  expect(digest(cloud)).not.toBe(before);
  expect(data(await as(openid)('subscribe', { results: { [TEMPLATE]: 'accept' } })).grantsLeft).toBe(2);
  expect(data(await as(openid)('subscribe', { results: { [TEMPLATE]: 'reject' } })).grantsLeft).toBe(2);
  expect(data(await as(openid)('subscribe', { results: { [TEMPLATE]: 'ban' } })).grantsLeft).toBe(0);
  const doc = cloud.dump('subscriptions').find((s) => s._id === openid)!;
  expect(doc.decisions).toEqual({
    [TEMPLATE]: { accept: 2, reject: 1, ban: 1, last: 'ban', at: expect.any(Date) },
  });
});
