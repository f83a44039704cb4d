import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { BASIS_LABELS } from '../../../../core/dividends';
import EditCooperative from '../../../../src/packages/dividends/pages/edit/index';
import { coopView, type DividendsAnswers } from '../../../support/fake-dividends';
import { renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

beforeEach(() => jest.clearAllMocks());

function renderEdit(params: Record<string, string>, answers: DividendsAnswers = {}) {
  jest.mocked(useRouter).mockReturnValue({ params, path: '' } as never);
  const sent: Record<string, unknown>[] = [];
  const view = renderWithCloud(
    <EditCooperative />,
    {},
    {},
    {},
    {},
    {},
    {
      saveCooperative: (input) => {
        sent.push(input);
        return { ok: true, data: { coopId: 'coop_new' } };
      },
      ...answers,
    },
  );
  return { ...view, sent };
}

const type = (placeholder: string, value: string) =>
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });

test('a new cooperative: defaults 30/10/60, percentages sent as basis points, then its page', async () => {
  const { sent } = renderEdit({ villageId: 'zhonghai' });
  type('例如：迤那镇中海村股份经济合作社', '迤那镇五星村养牛专业合作社');
  type('例如：马铃薯种植', '肉牛养殖');
  fireEvent.click(screen.getByText('农民专业合作社'));
  expect(screen.getByText(`分配办法：${BASIS_LABELS.transactions}`)).toBeTruthy();
  fireEvent.click(screen.getByText('保存'));
  await waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]).toEqual({
    villageId: 'zhonghai',
    name: '迤那镇五星村养牛专业合作社',
    industry: '肉牛养殖',
    legalForm: 'farmerCoop',
    rule: { reserveBp: 3000, collectiveBp: 1000, membersBp: 6000 },
    transactionReturnBp: 6000,
    terms: {
      fenPerShare: 100_000,
      centiSharesPerMu: 100,
      weights: { capital: 100, land: 100, allocated: 100, collective: 100 },
    },
    board: [],
  });
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/dividends/pages/coop/index?id=coop_new' }),
  );
});

test('the split must add up to 100%', async () => {
  const { sent, container } = renderEdit({ villageId: 'zhonghai' });
  type('例如：迤那镇中海村股份经济合作社', '迤那镇五星村养牛专业合作社');
  type('例如：马铃薯种植', '肉牛养殖');
  const reserve = container.querySelector('input[value="30"]')!;
  fireEvent.input(reserve, { target: { value: '35' } });
  fireEvent.click(screen.getByText('保存'));
  expect(await screen.findByText('三项分配比例之和必须是 100%')).toBeTruthy();
  expect(screen.getByText('现在合计 105%')).toBeTruthy();
  expect(sent).toEqual([]);
});

test('an existing cooperative is filled in, and its board kept', async () => {
  const { sent } = renderEdit({ coopId: 'coop_zhonghai_potato' }, { getCooperative: coopView() });
  expect(
    ((await screen.findByPlaceholderText('例如：迤那镇中海村股份经济合作社')) as HTMLInputElement).value,
  ).toBe('迤那镇中海村马铃薯股份经济合作社');
  fireEvent.click(screen.getByText('保存'));
  await waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]).toMatchObject({
    coopId: 'coop_zhonghai_potato',
    villageId: 'zhonghai',
    board: ['r_board_001'],
  });
  await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
});
