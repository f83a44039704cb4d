import type { MeData } from '../../../core/members';
import { data, digest } from '../../support/app-cloud';
import { useBindingScene } from './scenes/binding';

const { cloud, as, requestAs } = useBindingScene();

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
