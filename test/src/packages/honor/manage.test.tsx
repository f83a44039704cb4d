import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ManageHonor from '../../../../src/packages/honor/pages/manage/index';
import type { HonorAnswers } from '../../../support/fake-honor';
import { BLACK_ENTRY, boardView } from '../../../support/fake-honor';
import { memberView } from '../../../support/fake-members';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

const asAdmin = { me: { status: 'bound' as const, member: memberView({ villageAdmin: true }) } };

const withBoard = (status: 'draft' | 'pending' | 'published', answers: HonorAnswers = {}): HonorAnswers => ({
  listBoards: {
    villageId: 'zhonghai',
    boards: [{ boardId: 'zhonghai_2026-11', month: '2026-11', status, red: 0, black: 0, publishedAt: null }],
  },
  getBoard: boardView({
    status,
    entries: status === 'draft' ? [] : [BLACK_ENTRY],
    review: null,
    canManage: true,
  }),
  ...answers,
});

beforeEach(() => jest.clearAllMocks());

test('adding a household to a draft sends the household, the list, the rule and the note', async () => {
  let sent: Record<string, unknown> | null = null;
  renderWithCloud(
    <ManageHonor />,
    asAdmin,
    {},
    {},
    withBoard('draft', {
      searchHouseholds: {
        residents: [{ residentId: 'r_resident_007', name: '安春梅', household: '四组004号' }],
      },
      addEntry: (input) => {
        sent = input;
        return { ok: true, data: { entryId: 'e_new' } };
      },
    }),
  );
  const form = await screen.findByTestId('entry-form');
  fireEvent.input(within(form).getByPlaceholderText('姓名或户号'), { target: { value: '安春' } });
  fireEvent.click(within(form).getByText('搜索'));
  fireEvent.click(await within(form).findByText('安春梅 四组004号'));
  fireEvent.click(within(form).getByText('黑榜'));
  // Only the active black-list rule is offered, and there is no reward on the black list.
  expect(within(form).getByTestId('rule-picker').getAttribute('data-range')).toBe('HJ-2 乱倒垃圾，屡教不改');
  expect(within(form).queryByPlaceholderText(/洗衣粉/)).toBeNull();
  fireEvent.input(within(form).getByPlaceholderText(/具体事情/), { target: { value: '多次往河道倒垃圾' } });
  fireEvent.click(within(form).getByText('加入黑榜'));
  await waitFor(() => expect(sent).not.toBeNull());
  expect(sent).toEqual({
    boardId: 'zhonghai_2026-11',
    residentId: 'r_resident_007',
    list: 'black',
    reasonCode: 'HJ-2',
    note: '多次往河道倒垃圾',
  });
});

test('审核通过 is not offered to the admin who drafted the board', async () => {
  renderWithCloud(<ManageHonor />, asAdmin, {}, {}, withBoard('pending'));
  const review = await screen.findByTestId('review');
  expect(within(review).queryByText('审核通过')).toBeNull();
  expect(review.textContent).toContain('不能自己审核');
  expect(screen.getByText('记录决议并公布')).toBeTruthy();
});

test('a second admin approves a pending board after confirming', async () => {
  const { transport } = renderWithCloud(
    <ManageHonor />,
    asAdmin,
    {},
    {},
    withBoard('pending', {
      getBoard: boardView({ status: 'pending', review: null, canManage: true, canApprove: true }),
      approveBoard: { status: 'published', restrictions: 1 },
    }),
  );
  fireEvent.click(await screen.findByText('审核通过'));
  await waitFor(() => expect(actions(transport)).toContain('approveBoard'));
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '审核通过并公布？' }));
  expect(transport.mock.calls.find(([, d]) => d.action === 'approveBoard')?.[1]).toEqual({
    action: 'approveBoard',
    boardId: 'zhonghai_2026-11',
  });
});

test('resolving an appeal sends the outcome and the reason, after confirming', async () => {
  let sent: Record<string, unknown> | null = null;
  renderWithCloud(
    <ManageHonor />,
    asAdmin,
    {},
    {},
    withBoard('published', {
      listAppeals: {
        appeals: [
          {
            appealId: 'a_1',
            status: 'open',
            text: '那几天我家在外地打工，垃圾不是我家倒的。',
            createdAt: Date.UTC(2026, 10, 5),
            resolution: null,
            boardId: 'zhonghai_2026-11',
            month: '2026-11',
            entry: { ...BLACK_ENTRY, name: '安春梅' },
          },
        ],
      },
      resolveAppeal: (input) => {
        sent = input;
        return { ok: true, data: { status: 'revoked' } };
      },
    }),
  );
  const appeal = await screen.findByTestId('appeal');
  expect(appeal.textContent).toContain('那几天我家在外地打工');
  fireEvent.click(within(appeal).getByText('撤销上榜'));
  expect(await within(appeal).findByText('请写明原因，至少 2 个字')).toBeTruthy();
  expect(sent).toBeNull();
  fireEvent.input(within(appeal).getByPlaceholderText('处理意见（申诉人会看到）'), {
    target: { value: '经核实，垃圾是外村人倒的' },
  });
  fireEvent.click(within(appeal).getByText('撤销上榜'));
  await waitFor(() => expect(sent).not.toBeNull());
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤销这条上榜记录？' }));
  expect(sent).toEqual({ appealId: 'a_1', outcome: 'revoked', reason: '经核实，垃圾是外村人倒的' });
});
