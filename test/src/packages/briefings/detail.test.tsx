import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import BriefingPage from '../../../../src/packages/briefings/pages/detail/index';
import { briefingDetail } from '../../../support/fake-briefings';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(useRouter).mockReturnValue({ params: { id: 'b_gengdi' }, path: '' } as never);
});

test('shows the briefing: title, summary, author and the body as rich text', async () => {
  renderWithCloud(<BriefingPage />);
  expect(await screen.findByText('2026年耕地地力保护补贴发放说明')).toBeTruthy();
  expect(screen.getByText('补贴按确权承包地面积发放，请各户核对面积。')).toBeTruthy();
  expect(screen.getByText(/吴家顺 发布/)).toBeTruthy();
  expect(screen.getByText('承包耕地').tagName).toBe('STRONG');
  expect(screen.getByText('已有 12 人学习')).toBeTruthy();
});

test('nodes that are not safe are dropped before rendering, even if the cloud sent them', async () => {
  renderWithCloud(
    <BriefingPage />,
    {},
    {},
    {
      get: briefingDetail({
        nodes: [
          { name: 'script', children: [{ type: 'text', text: 'alert(1)' }] },
          {
            name: 'a',
            attrs: { href: 'javascript:alert(1)', onclick: 'x' },
            children: [{ type: 'text', text: '点我' }],
          },
        ] as never,
      }),
    },
  );
  await screen.findByText('点我');
  expect(document.querySelector('script')).toBeNull();
  expect(document.body.innerHTML).not.toMatch(/javascript:|onclick/);
});

test('我已学习 marks it and the page shows the new count', async () => {
  let marked = false;
  const { transport } = renderWithCloud(
    <BriefingPage />,
    {},
    {},
    {
      markLearned: () => {
        marked = true;
        return { ok: true, data: { learnedCount: 13, counted: true } };
      },
      get: () => ({ ok: true, data: briefingDetail(marked ? { learned: true, learnedCount: 13 } : {}) }),
    },
  );
  fireEvent.click(await screen.findByText('我已学习'));
  expect(await screen.findByText('已有 13 人学习')).toBeTruthy();
  expect(screen.getByText('✓ 我已学习')).toBeTruthy();
  expect(actions(transport).filter((a) => a === 'markLearned')).toHaveLength(1);
});

test('a visitor who is not bound is told how to mark it learned', async () => {
  renderWithCloud(<BriefingPage />, {}, {}, { get: briefingDetail({ canLearn: false }) });
  expect(await screen.findByText('绑定村民身份后，可以标记“已学习”。')).toBeTruthy();
  expect(screen.queryByText('我已学习')).toBeNull();
});

test('a withdrawn briefing says why, and shows no body', async () => {
  renderWithCloud(
    <BriefingPage />,
    {},
    {},
    {
      get: briefingDetail({
        status: 'withdrawn',
        withdrawReason: '补贴标准有调整，另行发布',
        withdrawnAt: Date.UTC(2026, 10, 12),
        nodes: null,
        speech: null,
        canLearn: false,
      }),
    },
  );
  expect((await screen.findByTestId('withdrawn')).textContent).toContain('补贴标准有调整，另行发布');
  expect(screen.queryByText('承包耕地')).toBeNull();
});

test('a public disclosure shows its period and that it is open', async () => {
  renderWithCloud(
    <BriefingPage />,
    {},
    {},
    {
      get: briefingDetail({
        disclosure: { startsAt: Date.UTC(2026, 10, 1, 16), endsAt: Date.UTC(2026, 10, 8, 16), state: 'open' },
      }),
    },
  );
  const period = (await screen.findByTestId('disclosure')).textContent ?? '';
  expect(period).toContain('2026年11月2日 00:00');
  expect(period).toContain('2026年11月9日 00:00');
  expect(period).toContain('公示中');
});

test('a manager withdraws only with a reason and after confirming', async () => {
  let sent: Record<string, unknown> | null = null;
  renderWithCloud(
    <BriefingPage />,
    {},
    {},
    {
      get: briefingDetail({ canManage: true }),
      withdraw: (input) => {
        sent = input;
        return { ok: true, data: { status: 'withdrawn' } };
      },
    },
  );
  fireEvent.click(await screen.findByText('撤回'));
  fireEvent.click(screen.getByText('确认撤回'));
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写撤回原因' }));
  expect(sent).toBeNull();
  fireEvent.input(screen.getByPlaceholderText('撤回原因（村民会看到）'), { target: { value: '内容有误' } });
  fireEvent.click(screen.getByText('确认撤回'));
  await waitFor(() => expect(sent).toEqual({ briefingId: 'b_gengdi', reason: '内容有误' }));
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回这篇宣讲？' }));
});

test('a manager sees the learned counts by village', async () => {
  renderWithCloud(
    <BriefingPage />,
    {},
    {},
    {
      get: briefingDetail({ canManage: true }),
      readStats: { total: 5, villages: [{ villageId: 'zhonghai', villageName: '中海村', learned: 5 }] },
    },
  );
  fireEvent.click(await screen.findByText('按村查看学习人数'));
  expect((await screen.findByTestId('stats')).textContent).toContain('中海村');
  expect(screen.getByText('5 人')).toBeTruthy();
});
