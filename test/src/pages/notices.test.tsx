import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Notices from '../../../src/pages/notices/index';
import { NOTICE_TEMPLATE_ID } from '../../../src/services/config';
import { noticeSummary } from '../../support/fake-notices';
import { actions, renderWithCloud } from '../render';

jest.mock('../../../src/services/transport', () => ({ callFunction: jest.fn(), initTransport: jest.fn() }));

const inbox = (extra: Record<string, unknown> = {}) => ({
  notices: [
    noticeSummary({ noticeId: 'n_fire', title: '秋季森林防火紧急提醒', urgency: 'urgent', kind: 'other' }),
    noticeSummary({ read: true }),
  ],
  nextCursor: null,
  unread: 1,
  grantsLeft: 0,
  canSend: false,
  ...extra,
});

const renderTab = (answers: Record<string, unknown> = {}) =>
  renderWithCloud(<Notices />, {}, {}, {}, {}, { inbox: inbox(), ...answers });

beforeEach(() => jest.mocked(Taro.setTabBarBadge).mockClear());

test('says plainly that there are no notices yet', async () => {
  renderWithCloud(<Notices />);
  expect(await screen.findByText('暂时没有通知')).toBeTruthy();
  expect(screen.getByText('联盟小组和村委发布的通知会显示在这里。')).toBeTruthy();
});

test('lists the notices, marks the unread and urgent ones, and puts the count on the tab', async () => {
  renderTab();
  expect(await screen.findByText('秋季森林防火紧急提醒')).toBeTruthy();
  const cards = screen.getAllByTestId('notice');
  expect(cards).toHaveLength(2);
  expect(cards[0]!.textContent).toContain('未读');
  expect(cards[0]!.textContent).toContain('紧急');
  expect(cards[1]!.textContent).not.toContain('未读');
  expect(cards[1]!.textContent).toContain('中海村村委会 · 发给中海村');
  await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 1, text: '1' }));
});

test('a tap opens the notice', async () => {
  renderTab();
  fireEvent.click(await screen.findByText('秋季森林防火紧急提醒'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/detail/index?id=n_fire' });
});

test('开启提醒 asks WeChat and records the answer', async () => {
  const recorded: unknown[] = [];
  const { transport } = renderTab({
    subscribe: (input: Record<string, unknown>) => {
      recorded.push(input);
      return { ok: true, data: { grantsLeft: 1 } };
    },
  });
  fireEvent.click(await screen.findByText('开启提醒'));
  await waitFor(() => expect(recorded).toEqual([{ results: { [NOTICE_TEMPLATE_ID]: 'accept' } }]));
  expect(await screen.findByText('有新通知时微信会提醒您（还可提醒 1 次）')).toBeTruthy();
  expect(actions(transport)).toContain('subscribe');
});

test('senders get 发通知 and 已发通知; residents do not', async () => {
  renderTab({ inbox: inbox({ canSend: true }) });
  fireEvent.click(await screen.findByText('发通知'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/compose/index' });
  expect(screen.getByText('已发通知')).toBeTruthy();
});

test('residents see no sender buttons', async () => {
  renderTab();
  await screen.findByText('秋季森林防火紧急提醒');
  expect(screen.queryByText('发通知')).toBeNull();
});

test('an error is shown in Chinese with a retry', async () => {
  renderTab({
    inbox: () => ({ ok: false, error: { code: 'INTERNAL', message: '网络不给力，请检查网络后重试' } }),
  });
  expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy();
  expect(screen.getByText('重试')).toBeTruthy();
});

test('not bound yet: the notices tab offers 去绑定, which opens 我的', async () => {
  renderTab({
    inbox: () => ({ ok: false, error: { code: 'NOT_BOUND', message: '请先在“我的”页面绑定村民身份' } }),
  });
  expect(await screen.findByText('请先在“我的”页面绑定村民身份')).toBeTruthy();
  expect(screen.queryByText('重试')).toBeNull();
  fireEvent.click(screen.getByText('去绑定'));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
});
