import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import PollPage from '../../../../src/packages/agenda/pages/poll/index';
import { RECEIPT_PATTERN } from '../../../../core/agenda';
import { closedPoll, pollView } from '../../../support/fake-agenda';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

/** The phone's storage, as a map. */
let storage: Map<string, unknown>;
beforeEach(() => {
  jest.clearAllMocks();
  storage = new Map();
  jest.mocked(Taro.getStorageSync).mockImplementation((key: string) => storage.get(key) ?? '');
  jest
    .mocked(Taro.setStorageSync)
    .mockImplementation((key: string, value: unknown) => void storage.set(key, value));
  jest.mocked(useRouter).mockReturnValue({ params: { id: 'p_well' }, path: '' } as never);
});

const stored = () =>
  (storage.get('tongxin.receipts.v1') as { receipt: string; state: string; choices?: string[] }[]) ?? [];

test('the ballot is confirmed on a screen that says it cannot be changed, and a receipt is kept', async () => {
  const sent: Record<string, unknown>[] = [];
  renderWithCloud(
    <PollPage />,
    {},
    {
      vote: (input) => {
        sent.push(input);
        return { ok: true, data: { receiptHash: 'h' } };
      },
    },
  );
  fireEvent.click(await screen.findByText('赞成'));
  fireEvent.click(screen.getByText('投票'));
  await waitFor(() => expect(sent).toHaveLength(1));
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '确认投票？', content: expect.stringContaining('投票后不能更改') }),
  );
  expect(sent[0]).toMatchObject({ pollId: 'p_well', choices: ['yes'] });
  expect(sent[0]!.receipt).toMatch(RECEIPT_PATTERN);
  // Kept on the phone once cast — without the choice.
  await waitFor(() => expect(stored()[0]).toMatchObject({ receipt: sent[0]!.receipt, state: 'cast' }));
  expect(stored()[0]!.choices).toBeUndefined();
});

test('cancelling the confirmation sends nothing', async () => {
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never);
  const { transport } = renderWithCloud(<PollPage />);
  fireEvent.click(await screen.findByText('反对'));
  fireEvent.click(screen.getByText('投票'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect(actions(transport)).toEqual(['getPoll']);
  expect(stored()).toEqual([]);
});

test('a lost answer keeps the ballot; sending again uses the same receipt and choice', async () => {
  const sent: Record<string, unknown>[] = [];
  let attempts = 0;
  renderWithCloud(
    <PollPage />,
    {},
    {
      vote: (input) => {
        sent.push(input);
        attempts += 1;
        return attempts === 1
          ? { ok: false, error: { code: 'INTERNAL', message: '网络不给力，请检查网络后重试' } }
          : { ok: true, data: { receiptHash: 'h' } };
      },
    },
  );
  fireEvent.click(await screen.findByText('弃权'));
  fireEvent.click(screen.getByText('投票'));
  fireEvent.click(await screen.findByText('重新发送'));
  await waitFor(() => expect(sent).toHaveLength(2));
  expect(sent[1]).toEqual(sent[0]);
  await waitFor(() => expect(stored()[0]).toMatchObject({ state: 'cast' }));
});

test('multiple choice enforces its minimum before asking', async () => {
  renderWithCloud(
    <PollPage />,
    {},
    {
      getPoll: pollView({
        kind: 'multiple',
        options: [
          { id: 'o1', label: '修水井' },
          { id: 'o2', label: '修村道' },
          { id: 'o3', label: '装路灯' },
        ],
        minChoices: 2,
        maxChoices: 2,
      }),
    },
  );
  fireEvent.click(await screen.findByText('修水井'));
  fireEvent.click(screen.getByText('投票'));
  expect(await screen.findByText('至少要选 2 项')).toBeTruthy();
  expect(Taro.showModal).not.toHaveBeenCalled();
});

test('someone outside the roll is told so and gets no ballot', async () => {
  renderWithCloud(<PollPage />, {}, { getPoll: pollView({ mine: { eligible: false, voted: false } }) });
  expect(await screen.findByText(/您不在这次表决的投票范围内/)).toBeTruthy();
  expect(screen.queryByTestId('ballot')).toBeNull();
});

test('after close: the result as bars with percentages, passed, and the digest', async () => {
  renderWithCloud(<PollPage />, {}, { getPoll: closedPoll() });
  const result = await screen.findByTestId('poll-result');
  expect(result.textContent).toContain('通过');
  expect(result.textContent).toContain('8 票 · 72.7%');
  expect(result.textContent).toContain('2 票 · 18.2%');
  expect(screen.getByTestId('public-receipts').textContent).toContain('c0ffee');
  expect(screen.queryByTestId('ballot')).toBeNull();
});

test('a receipt is checked against the cloud and the choice shown by its label', async () => {
  renderWithCloud(
    <PollPage />,
    {},
    {
      getPoll: closedPoll(),
      checkReceipt: { counted: true, choices: ['yes'] },
    },
  );
  fireEvent.input(await screen.findByPlaceholderText('输入 16 位回执码'), {
    target: { value: 'ABCD-EFGH-JKMN-PQRS' },
  });
  fireEvent.click(screen.getByText('核验回执'));
  expect((await screen.findByTestId('receipt-answer')).textContent).toBe('已计入。这张票的选择：赞成');
});

test('someone not bound yet who opens a shared poll is offered 去绑定, not a retry that cannot help', async () => {
  renderWithCloud(
    <PollPage />,
    {},
    { getPoll: () => ({ ok: false, error: { code: 'NOT_BOUND', message: '请先在“我的”页面绑定村民身份' } }) },
  );
  expect(await screen.findByText('请先在“我的”页面绑定村民身份')).toBeTruthy();
  expect(screen.queryByText('重试')).toBeNull();
  fireEvent.click(screen.getByText('去绑定'));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
});

test('another error keeps its retry', async () => {
  renderWithCloud(
    <PollPage />,
    {},
    { getPoll: () => ({ ok: false, error: { code: 'INTERNAL', message: '网络不给力，请检查网络后重试' } }) },
  );
  expect(await screen.findByText('重试')).toBeTruthy();
  expect(screen.queryByText('去绑定')).toBeNull();
});
