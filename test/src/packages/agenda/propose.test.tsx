import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Propose from '../../../../src/packages/agenda/pages/propose/index';
import { itemSummary } from '../../../support/fake-agenda';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

beforeEach(() => jest.clearAllMocks());

const type = (placeholder: string, value: string) =>
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });

test('checks the title and body with the cloud’s rules before sending anything', async () => {
  const { transport } = renderWithCloud(<Propose />);
  await screen.findByTestId('propose-form');
  type('例如：修缮村口老水井', '修井');
  fireEvent.click(screen.getByText('提交'));
  expect(await screen.findByText('标题至少 4 个字')).toBeTruthy();
  expect(screen.getByText('请把事情说清楚（至少 10 个字）')).toBeTruthy();
  expect(actions(transport)).not.toContain('raise');
});

test('asks before sending, then opens the new matter', async () => {
  let sent: Record<string, unknown> | null = null;
  const { transport } = renderWithCloud(
    <Propose />,
    {},
    {
      raise: (input) => {
        sent = input;
        return { ok: true, data: { item: itemSummary({ itemId: 'i_new', step: 'raised' }), held: false } };
      },
    },
  );
  await screen.findByTestId('propose-form');
  type('例如：修缮村口老水井', '修缮村口老水井');
  type('事情的经过、涉及哪些户、您的建议', '井壁开裂，雨季水质浑浊，请组织修缮。');
  fireEvent.click(screen.getByText('提交'));
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/agenda/pages/item/index?id=i_new' }),
  );
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '提交这件事？' }));
  expect(sent).toEqual({ title: '修缮村口老水井', body: '井壁开裂，雨季水质浑浊，请组织修缮。' });
  expect(actions(transport)).toContain('raise');
});

test('a refusal from the cloud is shown in Chinese and the form stays', async () => {
  renderWithCloud(
    <Propose />,
    {},
    {
      raise: () => ({ ok: false, error: { code: 'RATE_LIMITED', message: '每天最多提 3 件事，请明天再提' } }),
    },
  );
  await screen.findByTestId('propose-form');
  type('例如：修缮村口老水井', '修缮村口老水井');
  type('事情的经过、涉及哪些户、您的建议', '井壁开裂，雨季水质浑浊，请组织修缮。');
  fireEvent.click(screen.getByText('提交'));
  expect(await screen.findByText('每天最多提 3 件事，请明天再提')).toBeTruthy();
  expect(Taro.redirectTo).not.toHaveBeenCalled();
});
