import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import NoticeDetail from '../../../../src/packages/notices/pages/detail/index';
import { noticeView } from '../../../support/fake-notices';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

beforeEach(() => {
  jest.mocked(useRouter).mockReturnValue({ params: { id: 'n_meeting' }, path: '' } as never);
});

const renderDetail = (view = noticeView()) =>
  renderWithCloud(<NoticeDetail />, {}, {}, {}, {}, { open: view, unread: { unread: 3 } });

test('shows the whole notice, and the tab count follows the read', async () => {
  const { transport } = renderDetail();
  expect(await screen.findByText('周六召开党群圆桌会')).toBeTruthy();
  expect(screen.getByText(/商议村道硬化事宜/)).toBeTruthy();
  expect(screen.getByText('发给中海村')).toBeTruthy();
  expect(transport.mock.calls[0]![1]).toEqual({ action: 'open', noticeId: 'n_meeting' });
  await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 1, text: '3' }));
  expect(actions(transport)).toEqual(['open', 'unread']);
  expect(screen.queryByText('送达情况')).toBeNull();
});

test('a linked briefing opens from the notice', async () => {
  renderDetail(noticeView({ link: { kind: 'briefing', id: 'b_1' } }));
  fireEvent.click(await screen.findByText('查看政策宣讲'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/briefings/pages/detail/index?id=b_1' });
});

test('its sender gets 送达情况', async () => {
  renderDetail(noticeView({ canOversee: true }));
  fireEvent.click(await screen.findByText('送达情况'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/notices/pages/coverage/index?id=n_meeting',
  });
});

test('a notice that is not theirs: the cloud says so', async () => {
  renderWithCloud(
    <NoticeDetail />,
    {},
    {},
    {},
    {},
    {
      open: () => ({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这条通知' } }),
    },
  );
  expect(await screen.findByText('没有找到这条通知')).toBeTruthy();
});
