import { fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Receipts from '../../../../src/packages/agenda/pages/receipts/index';
import { pollView } from '../../../support/fake-agenda';
import { renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

beforeEach(() => jest.clearAllMocks());

test('without receipts it says where they come from', async () => {
  jest.mocked(Taro.getStorageSync).mockReturnValue('');
  renderWithCloud(<Receipts />);
  expect(await screen.findByText('还没有回执')).toBeTruthy();
});

test('lists the phone’s receipts and checks one against the cloud', async () => {
  jest.mocked(Taro.getStorageSync).mockReturnValue([
    {
      pollId: 'p_well',
      itemId: 'i_well',
      question: '是否同意修缮水井',
      receipt: 'ABCDEFGHJKMNPQRS',
      at: Date.UTC(2026, 10, 21, 2),
      state: 'cast',
    },
  ]);
  renderWithCloud(
    <Receipts />,
    {},
    { checkReceipt: { counted: true, choices: ['no'] }, getPoll: pollView() },
  );
  expect(await screen.findByText('ABCD-EFGH-JKMN-PQRS')).toBeTruthy();
  fireEvent.click(screen.getByText('核验'));
  expect((await screen.findByTestId('receipt-answer')).textContent).toBe('已计入：反对');
});
