import type { BindingRequestView, MeData, Page } from '../../../core/members';
import { caller, data, digest, refuses, startAppCloud, useAppCloud } from '../../support/app-cloud';

const cloud = useAppCloud(startAppCloud, { each: true });

const as = (openid: string) => caller(cloud, 'members', openid);
const form = { name: '李春花', villageId: 'zhonghai', household: '三组 018 号', phone: '13812345678' };

async function requestAs(openid: string, overrides: Record<string, unknown> = {}) {
  return as(openid)<{ request: BindingRequestView }>('requestBinding', { ...form, ...overrides });
}

describe('requestBinding', () => {
  test('a new WeChat user asks to be bound and sees the request pending, phone masked', async () => {
    const { request } = data(await requestAs('wx-new-1'));
    expect(request).toMatchObject({
      name: '李春花',
      villageName: '中海村',
      household: '三组 018 号',
      phoneMasked: '138****5678',
    });
    expect(data(await as('wx-new-1')<MeData>('me'))).toMatchObject({
      status: 'pending',
      request: { name: '李春花' },
    });
    expect(JSON.stringify(cloud.dump('bindingRequests'))).not.toContain('13812345678');
  });

  test('a bound resident cannot ask again', async () => {
    expect(await requestAs('demo-resident-001')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('an unknown village is NOT_FOUND', async () => {
    expect(await requestAs('wx-new-2', { villageId: 'atlantis' })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });

  test.each([
    ['name', '', '请填写真实姓名（至少两个字）'],
    ['name', 'Robert"); DROP', '姓名只能包含汉字、字母或间隔号'],
    ['phone', '12345', '请填写 11 位手机号码'],
    ['household', '', '请填写户号或门牌号'],
  ])('invalid %s is INVALID_INPUT with a Chinese message', async (field, value, message) => {
    expect(await requestAs('wx-new-3', { [field]: value })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message },
    });
  });

  test('text flagged risky by the content check is CONTENT_REJECTED and stores nothing', async () => {
    const before = digest(cloud);
    expect(await requestAs('wx-new-4', { household: '赌博场' })).toMatchObject({
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(cloud.dump('bindingRequests')).toEqual([]);
    expect(digest(cloud)).not.toBe(before); // only the rate-limit counter moved
  });

  test('text flagged for review is kept and marked for the admin', async () => {
    const { request } = data(await requestAs('wx-new-5', { household: '加微信详谈' }));
    expect(request.contentCheck).toBe('review');
  });

  test('asking again replaces the pending request', async () => {
    await requestAs('wx-new-6');
    await requestAs('wx-new-6', { household: '四组 002 号' });
    expect(cloud.dump('bindingRequests').map((r) => r.household)).toEqual(['四组 002 号']);
  });

  test('more than 5 requests a day is RATE_LIMITED', async () => {
    for (let i = 0; i < 5; i++) expect((await requestAs('wx-new-7')).ok).toBe(true);
    // Refused again and again: the counter stops at the limit, nothing is written.
    await refuses(cloud, () => requestAs('wx-new-7'), 'RATE_LIMITED');
    await refuses(cloud, () => requestAs('wx-new-7'), 'RATE_LIMITED');
    expect(cloud.dump('rateLimits').filter((r) => String(r._id).includes('wx-new-7'))).toMatchObject([
      { count: 5 },
    ]);
  });
});

describe('listPending', () => {
  test('the village admin sees their village’s requests, oldest first, with duplicate hints', async () => {
    await requestAs('wx-a');
    await requestAs('wx-b', { villageId: 'wuxing' });
    const resident = cloud.dump('residents').find((r) => r._id === 'r_resident_003')!;
    await requestAs('wx-c', { name: resident.name, household: resident.household });
    const page = data(await as('demo-village-admin')<Page<BindingRequestView>>('listPending'));
    expect(page.items.map((r) => [r.villageName, r.possibleDuplicate])).toEqual([
      ['中海村', false],
      ['中海村', true],
    ]);
    expect(page.nextCursor).toBeNull();
  });

  test('a village admin cannot list another village', async () => {
    expect(await as('demo-village-admin')('listPending', { villageId: 'wuxing' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  test('the town admin sees every village, page by page', async () => {
    for (let i = 0; i < 5; i++) await requestAs(`wx-p${i}`, { villageId: i % 2 ? 'wuxing' : 'zhonghai' });
    const first = data(await as('demo-town-admin')<Page<BindingRequestView>>('listPending', { limit: 2 }));
    const second = data(
      await as('demo-town-admin')<Page<BindingRequestView>>('listPending', {
        limit: 2,
        cursor: first.nextCursor,
      }),
    );
    const third = data(
      await as('demo-town-admin')<Page<BindingRequestView>>('listPending', {
        limit: 2,
        cursor: second.nextCursor,
      }),
    );
    expect([first.items.length, second.items.length, third.items.length, third.nextCursor]).toEqual([
      2,
      2,
      1,
      null,
    ]);
    const names = new Set([...first.items, ...second.items, ...third.items].map((r) => r.requestId));
    expect(names.size).toBe(5);
  });

  test('a resident is FORBIDDEN and an unbound user NOT_BOUND', async () => {
    expect(await as('demo-resident-001')('listPending')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await as('demo-unbound')('listPending')).toMatchObject({ error: { code: 'NOT_BOUND' } });
  });
});

describe('approveBinding and rejectBinding', () => {
  test('approval binds the user: a roster record, a member, the request decided, an audit entry', async () => {
    const { request } = data(await requestAs('wx-ok'));
    const { residentId } = data(
      await as('demo-village-admin')<{ residentId: string }>('approveBinding', {
        requestId: request.requestId,
      }),
    );
    const meNow = data(await as('wx-ok')<MeData>('me'));
    expect(meNow).toMatchObject({
      status: 'bound',
      member: { residentId, name: '李春花', villageName: '中海村', roleLabels: [] },
    });
    expect(cloud.dump('residents').find((r) => r._id === residentId)).toMatchObject({
      openid: 'wx-ok',
      source: 'request',
    });
    expect(cloud.dump('auditLog')).toContainEqual(
      expect.objectContaining({ action: 'approveBinding', actorOpenid: 'demo-village-admin' }),
    );
  });

  test('a request is decided once: approving twice is CONFLICT', async () => {
    const { request } = data(await requestAs('wx-twice'));
    await as('demo-village-admin')('approveBinding', { requestId: request.requestId });
    expect(await as('demo-town-admin')('approveBinding', { requestId: request.requestId })).toMatchObject({
      error: { code: 'CONFLICT' },
    });
  });

  test('two admins approving at the same moment bind exactly one resident', async () => {
    const { request } = data(await requestAs('wx-race'));
    const results = await Promise.all([
      as('demo-village-admin')('approveBinding', { requestId: request.requestId }),
      as('demo-town-admin')('approveBinding', { requestId: request.requestId }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(cloud.dump('residents').filter((r) => r.openid === 'wx-race')).toHaveLength(1);
  });

  test('an admin of another village cannot approve', async () => {
    const { request } = data(await requestAs('wx-other', { villageId: 'wuxing' }));
    const before = digest(cloud);
    expect(await as('demo-village-admin')('approveBinding', { requestId: request.requestId })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(digest(cloud)).toBe(before);
  });

  test('an unknown request is NOT_FOUND', async () => {
    expect(await as('demo-town-admin')('approveBinding', { requestId: 'nope' })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });

  test('rejection needs a reason, which the applicant then sees; they may ask again', async () => {
    const { request } = data(await requestAs('wx-no'));
    expect(
      await as('demo-village-admin')('rejectBinding', { requestId: request.requestId, reason: '' }),
    ).toMatchObject({
      error: { code: 'INVALID_INPUT', message: '请写明不通过的原因' },
    });
    data(
      await as('demo-village-admin')('rejectBinding', {
        requestId: request.requestId,
        reason: '户号与村档案不符',
      }),
    );
    expect(data(await as('wx-no')<MeData>('me'))).toMatchObject({
      status: 'rejected',
      reason: '户号与村档案不符',
    });
    data(await requestAs('wx-no', { household: '三组 019 号' }));
    expect(data(await as('wx-no')<MeData>('me'))).toMatchObject({ status: 'pending' });
  });

  test('a resident cannot approve', async () => {
    const { request } = data(await requestAs('wx-r'));
    expect(await as('demo-rep-01')('approveBinding', { requestId: request.requestId })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });
});
