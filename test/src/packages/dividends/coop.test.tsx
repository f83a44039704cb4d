import { fireEvent, screen, within } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import Cooperative from '../../../../src/packages/dividends/pages/coop/index';
import {
  coopView,
  distributionSummary,
  ROSTER,
  type DividendsAnswers,
} from '../../../support/fake-dividends';
import { renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(useRouter).mockReturnValue({ params: { id: 'coop_zhonghai_potato' }, path: '' } as never);
});

const renderCoop = (answers: DividendsAnswers = {}) =>
  renderWithCloud(<Cooperative />, {}, {}, {}, {}, {}, answers);

test('the rule in percentages and how holdings become shares', async () => {
  renderCoop();
  const rule = (await screen.findByTestId('rule')).textContent!;
  expect(rule).toContain('运营保障 30%，村集体 10%，股民分红 60%');
  expect(rule).toContain('资金每 1,000.00 元折 1 股，土地每亩折 1 股');
  expect(rule).toContain('各类股份同等计算');
});

test('a 农民专业合作社 shows its transaction return', async () => {
  renderCoop({
    getCooperative: coopView({ legalForm: 'farmerCoop', basis: 'transactions', transactionReturnBp: 7000 }),
  });
  expect((await screen.findByTestId('rule')).textContent).toContain('股民分红中按交易量返还 70%');
});

test('every distribution with status, version and correction reason; a tap opens it', async () => {
  renderCoop({
    getCooperative: coopView({
      distributions: [
        distributionSummary({ supersededBy: 'dist_v2' }),
        distributionSummary({
          distributionId: 'dist_v2',
          version: 2,
          status: 'computed',
          reason: '核实发现土地入股面积登记有误',
        }),
      ],
    }),
  });
  const [newer, older] = await screen.findAllByTestId('distribution');
  expect(newer!.textContent).toContain('已核算');
  expect(newer!.textContent).toContain('第2版 · 更正原因：核实发现土地入股面积登记有误');
  expect(within(older!).getByText('已更正')).toBeTruthy();
  fireEvent.click(newer!);
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/dividends/pages/distribution/index?id=dist_v2',
  });
});

test('residents see no management and no roster', async () => {
  renderCoop();
  await screen.findByTestId('rule');
  expect(screen.queryByText('申报分配')).toBeNull();
  expect(screen.queryByTestId('roster')).toBeNull();
});

test('managers get import, declare and edit, and the roster table', async () => {
  renderCoop({ getCooperative: coopView({ canManage: true, roster: ROSTER }) });
  const rows = await screen.findAllByTestId('roster-row');
  expect(rows.map((r) => r.textContent)).toEqual([
    '三组019号胡翠萍2,000.003.5000.00',
    '四组004号安春梅1,000.001.2100.00',
    '村集体中海村村集体0.0000100.00',
  ]);
  fireEvent.click(screen.getByText('申报分配'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({
    url: '/packages/dividends/pages/declare/index?coopId=coop_zhonghai_potato',
  });
  fireEvent.click(screen.getByText('导入股东名册'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({
    url: '/packages/dividends/pages/import/index?coopId=coop_zhonghai_potato',
  });
  fireEvent.click(screen.getByText('编辑合作社'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({
    url: '/packages/dividends/pages/edit/index?coopId=coop_zhonghai_potato',
  });
});
