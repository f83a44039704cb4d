import { useAppCloud } from '../../support/app-cloud';
import { noticesAs, RESIDENT, startNoticesCloud, TEMPLATE } from '../../support/notices';

// A notices function deployed without NOTICE_TEMPLATE_ID (FN_NOTICE_TEMPLATE_ID was not set).
const cloud = useAppCloud(() => startNoticesCloud({ NOTICE_TEMPLATE_ID: '' }));

test('without a configured template, reminders are refused plainly and nothing is recorded', async () => {
  const res = await noticesAs(cloud, RESIDENT)('subscribe', { results: { [TEMPLATE]: 'accept' } });
  expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: '通知提醒尚未配置，请联系管理员' } });
  expect(cloud.dump('subscriptions')).toEqual([]);
});
