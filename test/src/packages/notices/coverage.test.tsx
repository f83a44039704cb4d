import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useRouter } from '@tarojs/taro';
import Coverage from '../../../../src/packages/notices/pages/coverage/index';
import { COVERAGE } from '../../../support/fake-notices';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

beforeEach(() => {
  jest.mocked(useRouter).mockReturnValue({ params: { id: 'n_meeting' }, path: '' } as never);
});

const renderCoverage = () =>
  renderWithCloud(
    <Coverage />,
    {},
    {},
    {},
    {},
    {
      coverage: COVERAGE,
      unreadHouseholds: {
        villageName: '中海村',
        households: [
          { household: '三组019号', members: [{ name: '胡翠萍', bound: true, delivery: 'noGrant' }] },
          { household: '四组004号', members: [{ name: '安秀梅', bound: false, delivery: 'unbound' }] },
        ],
      },
      exportUnread: { filename: '未读户.csv', csv: '\uFEFF村（社区）,户\r\n', rows: 143 },
    },
  );

test('households read, per village, and what happened to the WeChat reminders', async () => {
  renderCoverage();
  expect((await screen.findByTestId('read-households')).textContent).toBe('57/200');
  expect(screen.getByTestId('coverage').textContent).toContain('已读户数（29%）');
  const delivery = screen.getByTestId('delivery').textContent!;
  expect(delivery).toContain('120已推送');
  expect(delivery).toContain('80未订阅提醒');
  expect(delivery).toContain('3被拒收');
  expect(delivery).not.toContain('推送中');
  expect(screen.getByTestId('village-row').textContent).toContain('已读 57/200 户');
});

test("a village's unread households, for the grid workers", async () => {
  const { transport } = renderCoverage();
  fireEvent.click(await screen.findByTestId('village-row'));
  const list = await screen.findByTestId('unread-households');
  expect(list.textContent).toContain('以下 2 户还没有人看过');
  expect(list.textContent).toContain('胡翠萍（未订阅提醒）');
  expect(list.textContent).toContain('安秀梅（未绑定微信）');
  expect(transport.mock.calls.at(-1)![1]).toEqual({
    action: 'unreadHouseholds',
    noticeId: 'n_meeting',
    villageId: 'zhonghai',
  });
});

test('导出 asks the cloud for the CSV', async () => {
  const { transport } = renderCoverage();
  fireEvent.click(await screen.findByText('导出未读户（表格）'));
  await waitFor(() => expect(actions(transport)).toContain('exportUnread'));
});
