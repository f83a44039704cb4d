import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import BriefingList from '../../../../src/packages/briefings/pages/list/index';
import { briefingSummary } from '../../../support/fake-briefings';
import { memberView } from '../../../support/fake-members';
import { renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

const calls = (transport: jest.Mock, action: string) =>
  transport.mock.calls.filter(([fn, data]) => fn === 'briefings' && data.action === action).map(([, d]) => d);

const POLICY_LEADER = memberView({ groups: [{ group: 'policy', level: 'town', position: 'leader' }] });

test('shows the briefings with their category, date and learned count, and the categories to filter by', async () => {
  renderWithCloud(<BriefingList />);
  expect(await screen.findByText('2026年耕地地力保护补贴发放说明')).toBeTruthy();
  expect(screen.getAllByText('惠农政策').length).toBe(2); // the chip and the card's tag
  expect(screen.getByText(/已学习 12 人/)).toBeTruthy();
  expect(screen.getByText('技术培训')).toBeTruthy();
});

test('a category chip asks for that category; 公示 asks for the disclosures only', async () => {
  const { transport } = renderWithCloud(<BriefingList />);
  await screen.findByText('2026年耕地地力保护补贴发放说明');
  fireEvent.click(screen.getByText('教育'));
  await waitFor(() =>
    expect(calls(transport, 'list').at(-1)).toEqual({ action: 'list', categoryId: 'jiaoyu' }),
  );
  fireEvent.click(screen.getByText('公示'));
  await waitFor(() => expect(calls(transport, 'list').at(-1)).toEqual({ action: 'list', disclosures: true }));
});

test('a search asks the cloud for the words and shows where they were found', async () => {
  const { transport } = renderWithCloud(
    <BriefingList />,
    {},
    {},
    {
      search: {
        items: [
          {
            ...briefingSummary({ title: '城乡居民基本养老保险认证提醒' }),
            snippet: '…可在村便民服务站办理…',
          },
        ],
        nextCursor: null,
      },
    },
  );
  await screen.findByText('2026年耕地地力保护补贴发放说明');
  fireEvent.input(screen.getByPlaceholderText('搜索政策，如：养老保险'), {
    target: { value: ' 便民服务站 ' },
  });
  fireEvent.click(screen.getByText('搜索'));
  expect(await screen.findByText('…可在村便民服务站办理…')).toBeTruthy();
  expect(calls(transport, 'search').at(-1)).toEqual({ action: 'search', query: '便民服务站' });
  expect(screen.getByText('“便民服务站”的搜索结果')).toBeTruthy();
});

test('a search that finds nothing says so and suggests other words', async () => {
  renderWithCloud(<BriefingList />);
  await screen.findByText('2026年耕地地力保护补贴发放说明');
  fireEvent.input(screen.getByPlaceholderText('搜索政策，如：养老保险'), { target: { value: '游泳池' } });
  fireEvent.click(screen.getByText('搜索'));
  expect(await screen.findByText('没有找到含“游泳池”的宣讲')).toBeTruthy();
});

test('a disclosure shows whether it is open', async () => {
  renderWithCloud(
    <BriefingList />,
    {},
    {},
    {
      list: {
        items: [briefingSummary({ disclosure: { startsAt: 1, endsAt: 2, state: 'open' } })],
        nextCursor: null,
        categories: [],
      },
    },
  );
  expect(await screen.findByText('公示中')).toBeTruthy();
});

test('a resident gets no 发布宣讲', async () => {
  renderWithCloud(<BriefingList />);
  await screen.findByText('2026年耕地地力保护补贴发放说明');
  expect(screen.queryByText('发布宣讲')).toBeNull();
});

test('the 政策解读组 组长 gets 发布宣讲, which opens the form', async () => {
  renderWithCloud(<BriefingList />, { me: { status: 'bound', member: POLICY_LEADER } });
  fireEvent.click(await screen.findByText('发布宣讲'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/briefings/pages/edit/index' });
});

test('a failed load shows the error in Chinese with 重试', async () => {
  renderWithCloud(
    <BriefingList />,
    {},
    {},
    {
      list: () => ({ ok: false, error: { code: 'INTERNAL', message: '网络不给力，请检查网络后重试' } }),
    },
  );
  expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy();
  expect(screen.getByText('重试')).toBeTruthy();
});
