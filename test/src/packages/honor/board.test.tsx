import { screen, waitFor, within } from '@testing-library/react';
import HonorBoard from '../../../../src/packages/honor/pages/board/index';
import { BLACK_ENTRY, boardView, entryView, PUBLISHED_AT } from '../../../support/fake-honor';
import { memberView } from '../../../support/fake-members';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

beforeEach(() => jest.clearAllMocks());

test('the month’s board shows the red and the black list, the black name masked, a correction beside its entry', async () => {
  const corrected = entryView({
    ...BLACK_ENTRY,
    entryId: 'e_black2',
    name: '王*',
    household: '五组011号',
    correction: { reason: '经核实是外村人倒的垃圾，撤销', at: PUBLISHED_AT + 86_400_000 },
  });
  renderWithCloud(
    <HonorBoard />,
    {},
    {},
    {},
    { getBoard: boardView({ entries: [entryView(), BLACK_ENTRY, corrected] }) },
  );

  const red = await screen.findByTestId('list-red');
  expect(within(red).getByText('胡翠萍')).toBeTruthy();
  expect(within(red).getByText('孝老爱亲')).toBeTruthy();
  expect(within(red).getByText('奖励：洗衣粉一袋')).toBeTruthy();
  const black = screen.getByTestId('list-black');
  expect(within(black).getByText('安*梅')).toBeTruthy();
  expect(within(black).getByText('四组004号')).toBeTruthy();
  expect(within(black).getAllByText('乱倒垃圾，屡教不改')).toHaveLength(2);
  expect(screen.queryByText(/安春梅/)).toBeNull();

  const correction = within(black).getByTestId('correction');
  expect(correction.textContent).toContain('经核实是外村人倒的垃圾，撤销');
  const struck = within(black).getByText('王*').closest('.entry__body');
  expect(struck?.className).toContain('entry__body--struck');
  expect(screen.getByTestId('review').textContent).toContain('李文');
});

test('a board passed by the 村民代表大会 says so with the meeting date', async () => {
  renderWithCloud(
    <HonorBoard />,
    {},
    {},
    {},
    {
      getBoard: boardView({
        review: { kind: 'assembly', date: '2026-11-28', recordedBy: '吴家顺', at: PUBLISHED_AT },
      }),
    },
  );
  expect((await screen.findByTestId('review')).textContent).toBe('经村民代表大会 2026年11月28日 表决通过');
});

test('before any board is published the page says so, and does not ask for a board', async () => {
  const { transport } = renderWithCloud(
    <HonorBoard />,
    {},
    {},
    {},
    { listBoards: { villageId: 'zhonghai', boards: [] } },
  );
  expect(await screen.findByText('本村还没有公布红黑榜')).toBeTruthy();
  expect(screen.getByText('我家的情况')).toBeTruthy();
  expect(actions(transport)).not.toContain('getBoard');
});

test('管理红黑榜 is offered to the village’s admins only', async () => {
  renderWithCloud(<HonorBoard />);
  await screen.findByTestId('board');
  expect(screen.queryByText('管理红黑榜')).toBeNull();

  renderWithCloud(<HonorBoard />, { me: { status: 'bound', member: memberView({ villageAdmin: true }) } });
  await waitFor(() => expect(screen.getByText('管理红黑榜')).toBeTruthy());
});
