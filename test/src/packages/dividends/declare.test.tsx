import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { inShanghai } from '../../../../core/time';
import Declare from '../../../../src/packages/dividends/pages/declare/index';
import { coopView, distributionSummary, type DividendsAnswers } from '../../../support/fake-dividends';
import { renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

const COOP = 'coop_zhonghai_potato';
const PUBLISHED = 'dist_zhonghai_potato_2025_1';

beforeEach(() => jest.clearAllMocks());

function renderDeclare(params: Record<string, string>, answers: DividendsAnswers = {}) {
  jest.mocked(useRouter).mockReturnValue({ params, path: '' } as never);
  const sent: Record<string, unknown>[] = [];
  const view = renderWithCloud(
    <Declare />,
    {},
    {},
    {},
    {},
    {},
    {
      declare: (input) => {
        sent.push(input);
        return { ok: true, data: { distributionId: 'dist_new', version: 1 } };
      },
      ...answers,
    },
  );
  return { ...view, sent };
}

const profit = async (value: string) =>
  fireEvent.input(await screen.findByPlaceholderText('例如 128000.00'), { target: { value } });

test('the year defaults to last year in China', async () => {
  renderDeclare({ coopId: COOP });
  expect((await screen.findByPlaceholderText('例如 2025')).getAttribute('value')).toBe(
    String(inShanghai(Date.now()).year() - 1),
  );
});

test('a missing profit is refused before anything is sent', async () => {
  const { sent } = renderDeclare({ coopId: COOP });
  await screen.findByTestId('declare-form');
  fireEvent.click(screen.getByText('申报'));
  expect(await screen.findByText('请填写可分配盈余')).toBeTruthy();
  expect(sent).toEqual([]);
});

test('a profit with more than two decimals is refused', async () => {
  const { sent } = renderDeclare({ coopId: COOP });
  await profit('1000.005');
  fireEvent.click(screen.getByText('申报'));
  expect(await screen.findByText('请填写金额（元），最多两位小数，如 1234.50')).toBeTruthy();
  expect(sent).toEqual([]);
});

test('a year out of range is refused with the cloud’s own message', async () => {
  const { sent } = renderDeclare({ coopId: COOP });
  fireEvent.input(await screen.findByPlaceholderText('例如 2025'), { target: { value: '1999' } });
  await profit('100');
  fireEvent.click(screen.getByText('申报'));
  expect(await screen.findByText('年度无效')).toBeTruthy();
  expect(sent).toEqual([]);
});

test('sends the profit in exact fen, then opens the new distribution', async () => {
  const { sent } = renderDeclare({ coopId: COOP });
  fireEvent.input(await screen.findByPlaceholderText('例如 2025'), { target: { value: '2025' } });
  await profit('128000.5');
  expect(screen.getByText('即 128,000.50 元')).toBeTruthy();
  fireEvent.click(screen.getByText('申报'));
  await waitFor(() => expect(sent).toEqual([{ coopId: COOP, year: 2025, profitFen: 12_800_050 }]));
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/packages/dividends/pages/distribution/index?id=dist_new',
    }),
  );
});

test('a cloud refusal is shown on the form', async () => {
  renderDeclare(
    { coopId: COOP },
    { declare: () => ({ ok: false, error: { code: 'CONFLICT', message: '2025年度已经申报过了' } }) },
  );
  await profit('100');
  fireEvent.click(screen.getByText('申报'));
  expect(await screen.findByText('2025年度已经申报过了')).toBeTruthy();
  expect(Taro.redirectTo).not.toHaveBeenCalled();
});

describe('更正', () => {
  const answers: DividendsAnswers = {
    getCooperative: coopView({ canManage: true, distributions: [distributionSummary({ year: 2024 })] }),
  };

  test('asks for a reason of at least 5 characters', async () => {
    const { sent } = renderDeclare({ coopId: COOP, corrects: PUBLISHED }, answers);
    await profit('12000');
    fireEvent.input(screen.getByPlaceholderText('例如：核实发现部分交易额漏记'), {
      target: { value: '有误' },
    });
    fireEvent.click(screen.getByText('申报更正'));
    expect(await screen.findByText('请写清更正原因（至少 5 个字）')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  test('sends the corrected distribution, its year, the new profit and the reason', async () => {
    const { sent } = renderDeclare({ coopId: COOP, corrects: PUBLISHED }, answers);
    expect(await screen.findByText('2024年度')).toBeTruthy();
    expect(screen.getByText(/原可分配盈余 12,345.67 元/)).toBeTruthy();
    await profit('12000');
    fireEvent.input(screen.getByPlaceholderText('例如：核实发现部分交易额漏记'), {
      target: { value: '核实发现部分交易额漏记' },
    });
    fireEvent.click(screen.getByText('申报更正'));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          coopId: COOP,
          year: 2024,
          profitFen: 1_200_000,
          corrects: { distributionId: PUBLISHED, reason: '核实发现部分交易额漏记' },
        },
      ]),
    );
  });
});
