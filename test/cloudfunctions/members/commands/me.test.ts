import type { MeData } from '../../../../core/members';
import { caller, data, useAppCloud } from '../../../support/app-cloud';

const cloud = useAppCloud();

const me = (openid: string) => caller(cloud, 'members', openid)<MeData>('me');

test('a verified resident gets their record and roles', async () => {
  const result = data(await me('demo-resident-001'));
  expect(result).toEqual({
    status: 'bound',
    member: expect.objectContaining({
      residentId: 'r_resident_001',
      villageId: 'zhonghai',
      villageName: '中海村',
      roles: { rep: false, villageAdmin: false, townAdmin: false, groups: [] },
      roleLabels: [],
      phoneMasked: expect.stringMatching(/^1\d{2}\*{4}\d{4}$/),
    }),
  });
});

test('roles come with Chinese labels', async () => {
  const result = data(await me('demo-leader-consult'));
  expect(result.status === 'bound' && result.member.roleLabels).toEqual(['协商议事组组长（镇级）']);
  const rep = data(await me('demo-rep-01'));
  expect(rep.status === 'bound' && rep.member.roleLabels).toEqual(['村民代表']);
});

test('a WeChat user without a binding is told so', async () => {
  expect(await me('demo-unbound')).toEqual({ ok: true, data: { status: 'unbound' } });
});

test('opening 我的 costs one database read for a bound user', async () => {
  const report = await cloud.invoke('members', { action: 'me' }, { openid: 'demo-resident-002' });
  expect(report.requests.map((r) => [r.action, r.collection])).toEqual([['database.getDocument', 'members']]);
});
