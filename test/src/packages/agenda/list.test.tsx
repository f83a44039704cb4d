import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AgendaList from '../../../../src/packages/agenda/pages/list/index';
import { itemSummary } from '../../../support/fake-agenda';
import { memberView } from '../../../support/fake-members';
import { renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

const listCalls = (transport: jest.Mock) =>
  transport.mock.calls
    .filter(([fn, data]) => fn === 'agenda' && data.action === 'listItems')
    .map(([, data]) => data);

test('shows the village’s matters with their step, author and counts', async () => {
  renderWithCloud(<AgendaList />);
  expect(await screen.findByText('修缮村口老水井')).toBeTruthy();
  expect(screen.getAllByText('征求论事').length).toBeGreaterThan(1); // the filter chip and the card's tag
  expect(screen.getByText('支持 12 · 评论 1')).toBeTruthy();
});

test('a step filter asks the cloud for that step only', async () => {
  const { transport } = renderWithCloud(<AgendaList />);
  await screen.findByText('修缮村口老水井');
  fireEvent.click(screen.getAllByText('会议定事')[0]!);
  await waitFor(() =>
    expect(listCalls(transport).at(-1)).toMatchObject({ villageId: 'zhonghai', step: 'deciding' }),
  );
  fireEvent.click(screen.getByText('我提的'));
  await waitFor(() => expect(listCalls(transport).at(-1)).toMatchObject({ step: 'deciding', mine: true }));
});

test('an empty step says so and invites a proposal', async () => {
  renderWithCloud(<AgendaList />, {}, { listItems: { items: [], nextCursor: null } });
  expect(await screen.findByText('还没有事项')).toBeTruthy();
  fireEvent.click(screen.getByText('我要提事'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/agenda/pages/propose/index' });
});

test('a held item is marked as waiting for review', async () => {
  renderWithCloud(
    <AgendaList />,
    {},
    { listItems: { items: [itemSummary({ status: 'held', step: 'raised' })], nextCursor: null } },
  );
  expect(await screen.findByText('待审核')).toBeTruthy();
});

test('an unbound user is sent to bind first', async () => {
  renderWithCloud(<AgendaList />, { me: { status: 'unbound' } });
  expect(await screen.findByText('请先绑定村民身份')).toBeTruthy();
});

test('a town admin picks the village', async () => {
  renderWithCloud(<AgendaList />, { me: { status: 'bound', member: memberView({ townAdmin: true }) } });
  expect(await screen.findByText('中海村')).toBeTruthy();
  expect(screen.getByText('切换 ›')).toBeTruthy();
});
