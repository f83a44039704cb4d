import type { MeData } from '../../../../core/members';
import { data, digest, refuses } from '../../../support/app-cloud';
import { useBindingScene } from '../scenes/binding';

const { cloud, as, requestAs } = useBindingScene();

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
