import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import ItemPage from '../../../../src/packages/agenda/pages/item/index';
import { itemDetail } from '../../../support/fake-agenda';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(useRouter).mockReturnValue({ params: { id: 'i_well' }, path: '' } as never);
});

const admin = { supported: false, verdict: null, canManage: true, canMerge: true };

test('shows the matter, where it stands among the six steps, and its public record', async () => {
  renderWithCloud(<ItemPage />);
  expect(await screen.findByText('修缮村口老水井')).toBeTruthy();
  const stops = screen.getByTestId('stepbar').textContent;
  expect(stops).toContain('群众提事');
  expect(stops).toContain('制度监事');
  expect(screen.getByTestId('timeline').textContent).toContain('开始征求意见');
  expect(await screen.findByText('确实该修了，雨天水是浑的。')).toBeTruthy();
  expect(screen.queryByTestId('admin-panel')).toBeNull();
});

test('a resident supports the matter once', async () => {
  const { transport } = renderWithCloud(<ItemPage />, {}, { support: { supportCount: 13 } });
  fireEvent.click(await screen.findByText('我也支持'));
  await waitFor(() => expect(actions(transport)).toContain('support'));
});

test('a comment is sent and shown', async () => {
  let sent: Record<string, unknown> | null = null;
  renderWithCloud(
    <ItemPage />,
    {},
    {
      comment: (input) => {
        sent = input;
        return {
          ok: true,
          data: {
            comment: { commentId: 'c2', authorName: '胡翠萍', text: '我家出两个工', createdAt: Date.now() },
            held: false,
          },
        };
      },
    },
  );
  await screen.findByTestId('comments');
  fireEvent.input(screen.getByPlaceholderText('说说您的看法和建议'), { target: { value: '我家出两个工' } });
  fireEvent.click(screen.getByText('发表意见'));
  expect(await screen.findByText('我家出两个工')).toBeTruthy();
  expect(sent).toEqual({ itemId: 'i_well', text: '我家出两个工' });
});

test('the admin moves a raised matter on only after confirming', async () => {
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never);
  const { transport } = renderWithCloud(
    <ItemPage />,
    {},
    {
      getItem: itemDetail({ step: 'raised', mine: admin }),
      advance: { step: 'consulting' },
    },
  );
  const panel = await screen.findByTestId('admin-panel');
  fireEvent.click(within(panel).getByText('开始征求意见'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
  expect(actions(transport)).not.toContain('advance');
  fireEvent.click(within(panel).getByText('开始征求意见'));
  await waitFor(() => expect(actions(transport)).toContain('advance'));
});

test('each step offers the admin its own move', async () => {
  const poll = {
    pollId: 'p1',
    question: '是否修井',
    closesAt: Date.now(),
    passed: true,
    summary: '赞成 8 · 反对 0 · 弃权 0，投票 8/15 人',
  };
  const cases = [
    [itemDetail({ step: 'consulting', mine: admin }), '安排圆桌会'],
    [itemDetail({ step: 'roundtable', mine: admin }), '发起表决'],
    [
      itemDetail({
        step: 'roundtable',
        mine: admin,
        poll: { ...poll, status: 'draft', passed: null, summary: null },
      }),
      '开始投票',
    ],
    [
      itemDetail({
        step: 'deciding',
        mine: admin,
        poll: { ...poll, status: 'open', passed: null, summary: null },
      }),
      '结束投票',
    ],
    [itemDetail({ step: 'deciding', mine: admin, poll: { ...poll, status: 'closed' } }), '进入集中办事'],
    [
      itemDetail({ step: 'deciding', mine: admin, poll: { ...poll, status: 'closed', passed: false } }),
      '表决未通过，办结',
    ],
    [itemDetail({ step: 'doing', mine: admin }), '安排任务'],
    [itemDetail({ step: 'supervising', mine: admin }), '办结'],
  ] as const;
  for (const [detail, button] of cases) {
    const { unmount } = renderWithCloud(<ItemPage />, {}, { getItem: detail });
    const panel = await screen.findByTestId('admin-panel');
    expect(panel.textContent).toContain(button);
    unmount();
  }
});

test('a dispute needs a reason and is confirmed before it is sent', async () => {
  let sent: Record<string, unknown> | null = null;
  renderWithCloud(
    <ItemPage />,
    {},
    {
      getItem: itemDetail({ step: 'supervising', verdicts: { confirm: 3, dispute: 0 } }),
      giveVerdict: (input) => {
        sent = input;
        return { ok: true, data: { confirm: 3, dispute: 1 } };
      },
    },
  );
  fireEvent.click(await screen.findByText('有异议'));
  fireEvent.click(screen.getByText('提交异议'));
  expect(await screen.findByText('请写明异议的理由')).toBeTruthy();
  fireEvent.input(screen.getByPlaceholderText('哪里没办好？'), { target: { value: '井盖没有装' } });
  fireEvent.click(screen.getByText('提交异议'));
  await waitFor(() => expect(sent).toEqual({ itemId: 'i_well', verdict: 'dispute', reason: '井盖没有装' }));
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ content: expect.stringContaining('不能更改') }),
  );
});

test('a task owner reports progress', async () => {
  let sent: Record<string, unknown> | null = null;
  const task = {
    taskId: 't1',
    title: '修缮井壁',
    ownerId: 'r_resident_001',
    ownerName: '胡翠萍',
    dueAt: Date.now() + 86_400_000,
    progress: 40,
    notes: [],
  };
  renderWithCloud(
    <ItemPage />,
    {},
    {
      getItem: itemDetail({ step: 'doing', tasks: [task] }),
      updateTask: (input) => {
        sent = input;
        return { ok: true, data: { progress: 100 } };
      },
    },
  );
  fireEvent.click(await screen.findByText('更新进度'));
  fireEvent.click(screen.getByText('100%'));
  fireEvent.input(screen.getByPlaceholderText('做了什么、还差什么'), { target: { value: '已完工' } });
  fireEvent.click(screen.getByText('提交进度'));
  await waitFor(() => expect(sent).toEqual({ taskId: 't1', progress: 100, note: '已完工' }));
});

test('a failure to load shows the message and a retry', async () => {
  renderWithCloud(
    <ItemPage />,
    {},
    {
      getItem: () => ({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这件事项' } }),
    },
  );
  expect(await screen.findByText('没有找到这件事项')).toBeTruthy();
  expect(screen.getByText('重试')).toBeTruthy();
});
