import { caller, digest, useAppCloud } from '../../support/app-cloud';

const cloud = useAppCloud();

describe('members router', () => {
  test('without a WeChat identity every action answers UNAUTHENTICATED', async () => {
    const anonymous = caller(cloud, 'members', null);
    expect(await anonymous('me')).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请在微信小程序中打开' },
    });
  });

  test('an unknown action answers INVALID_INPUT', async () => {
    expect(await caller(cloud, 'members', 'demo-resident-001')('frobnicate')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '不支持的操作' },
    });
  });

  test('a missing or non-string action answers INVALID_INPUT', async () => {
    expect(await cloud.call('members', {}, { openid: 'demo-resident-001' })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(await cloud.call('members', { action: 5 }, { openid: 'demo-resident-001' })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
  });

  test('prototype keys as actions are unknown actions, not crashes', async () => {
    for (const action of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await caller(cloud, 'members', 'demo-resident-001')(action)).toMatchObject({
        error: { code: 'INVALID_INPUT' },
      });
    }
  });

  test('a field of the wrong type is named in Chinese', async () => {
    const res = await caller(
      cloud,
      'members',
      'demo-unbound',
    )('requestBinding', {
      name: 42,
      villageId: 'zhonghai',
      household: '一组',
      phone: '13800000000',
    });
    expect(res).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '姓名格式不正确' } });
  });

  test('refused calls change no data', async () => {
    const before = digest(cloud);
    await caller(cloud, 'members', null)('me');
    await caller(cloud, 'members', 'demo-resident-001')('frobnicate');
    await caller(cloud, 'members', 'demo-resident-001')('approveBinding', { requestId: 'x' });
    await caller(cloud, 'members', 'demo-unbound')('requestBinding', { name: '', villageId: 'zhonghai' });
    expect(digest(cloud)).toBe(before);
  });

  test('the platform’s userInfo in the event is not mistaken for input', async () => {
    expect(await caller(cloud, 'members', 'demo-resident-001')('listGroups')).toMatchObject({ ok: true });
  });
});
