import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { BASIS_LABELS, LEGAL_FORM_LABELS } from '../../../../core/dividends';
import MyDividends from '../../../../src/packages/dividends/pages/mine/index';
import {
  distributionSummary,
  householdView,
  myDividend,
  type DividendsAnswers,
} from '../../../support/fake-dividends';
import { renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

beforeEach(() => jest.clearAllMocks());

const renderMine = (answers: DividendsAnswers = {}) =>
  renderWithCloud(<MyDividends />, {}, {}, {}, {}, {}, answers);

test("the household's amount in large type, with the cooperative and year", async () => {
  renderMine();
  expect((await screen.findByTestId('amount')).textContent).toBe('2,178.65 元');
  expect(screen.getByTestId('coop-group').textContent).toContain('迤那镇中海村马铃薯股份经济合作社');
  expect(screen.getByText('2025年度分红')).toBeTruthy();
  expect(screen.getByText('户号：三组019号')).toBeTruthy();
});

test('the formula in words, step by step', async () => {
  renderMine();
  const formula = (await screen.findByTestId('formula')).textContent!;
  expect(formula).toContain(
    '股民分红池 7,407.40 元 × 本户折合股数 5.5000 ÷ 全社折合股数 18.7000 = 217864.7059 分',
  );
  expect(formula).toContain('合计 2,178.65 元');
});

test('the basis the law gives the legal form is always shown', async () => {
  renderMine();
  expect((await screen.findByTestId('basis')).textContent).toBe(
    `分配办法：${LEGAL_FORM_LABELS.shareCoop}，${BASIS_LABELS.shares}`,
  );
});

test('the fen the largest-remainder rounding added', async () => {
  renderMine();
  expect((await screen.findByTestId('adjustment')).textContent).toBe('取整到分：按最大余数法补 1 分');
});

test('no rounding line when the rounding added nothing', async () => {
  renderMine({ myDividends: { dividends: [myDividend({ line: householdView(2) })], household: '村集体' } });
  await screen.findByTestId('amount');
  expect(screen.queryByTestId('adjustment')).toBeNull();
});

test('shares by class (only the classes held), weighted shares and the rate per share for explanation', async () => {
  renderMine();
  expect((await screen.findByTestId('shares')).textContent).toBe('入股：资金入股 2 股，土地入股 3.5 股');
  const facts = screen.getByTestId('facts').textContent!;
  expect(facts).toContain('折合股数：5.5 股（全社 18.7 股）');
  expect(screen.getByTestId('rate').textContent).toContain('396.1176 元/股（仅供说明');
});

test('the split of the profit as bars, with amounts, percentages and the household’s share', async () => {
  renderMine();
  const bars = await screen.findByTestId('pool-bars');
  expect(bars.textContent).toContain('可分配盈余 12,345.67 元');
  expect(within(bars).getByTestId('bar-reserve').textContent).toContain('3,703.70 元 · 30%');
  expect(within(bars).getByTestId('bar-collective').textContent).toContain('1,234.57 元 · 10%');
  expect(within(bars).getByTestId('bar-members').textContent).toContain('7,407.40 元 · 60%');
  expect(within(bars).getByTestId('bar-mine').textContent).toContain('2,178.65 元 · 占股民分红 29.41%');
});

test('a corrected version is marked 已更正, and the newer one shows its reason; newest first', async () => {
  const reason = '核实发现土地入股面积登记有误';
  renderMine({
    myDividends: {
      household: '三组019号',
      dividends: [
        myDividend({ summary: distributionSummary({ supersededBy: 'dist_v2' }) }),
        myDividend({ summary: distributionSummary({ distributionId: 'dist_v2', version: 2, reason }) }),
      ],
    },
  });
  const [newer, older] = await screen.findAllByTestId('dividend');
  expect(within(newer!).getByTestId('correction').textContent).toBe(`第2版 · 更正原因：${reason}`);
  expect(within(newer!).queryByText('已更正')).toBeNull();
  expect(within(older!).getByText('已更正')).toBeTruthy();
  expect(within(older!).getByTestId('superseded')).toBeTruthy();
  // Only the version in force offers 如果盈余是….
  expect(within(older!).queryByTestId('what-if')).toBeNull();
  expect(within(newer!).getByTestId('what-if')).toBeTruthy();
});

test('each cooperative, newest year first', async () => {
  renderMine({
    myDividends: {
      household: '三组019号',
      dividends: [
        myDividend({ summary: distributionSummary({ distributionId: 'd24', year: 2024 }) }),
        myDividend({ summary: distributionSummary({ distributionId: 'd25', year: 2025 }) }),
      ],
    },
  });
  await screen.findAllByTestId('dividend');
  expect(screen.getAllByText(/^\d{4}年度分红$/).map((t) => t.textContent)).toEqual([
    '2025年度分红',
    '2024年度分红',
  ]);
});

test('the empty state when the household has no dividends', async () => {
  renderMine({ myDividends: { dividends: [], household: '三组019号' } });
  expect(await screen.findByText('您家还没有合作社分红记录')).toBeTruthy();
});

test('an unbound user sees why, and can still reach 合作社公示', async () => {
  renderMine({
    myDividends: () => ({ ok: false, error: { code: 'NOT_BOUND', message: '请先绑定村民身份' } }),
  });
  expect(await screen.findByText('请先绑定村民身份')).toBeTruthy();
  fireEvent.click(screen.getByText('查看合作社公示'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/dividends/pages/coops/index' });
});

describe('如果盈余是…', () => {
  const whatIfAnswers = (sent: Record<string, unknown>[]): DividendsAnswers => ({
    whatIf: (input) => {
      sent.push(input);
      const profitFen = input.profitFen as number;
      return {
        ok: true,
        data: {
          profitFen,
          pools: distributionSummary({ profitFen }).pools!,
          mine: { ...householdView(0), amountFen: 211_764 },
        },
      };
    },
  });

  test('sends the typed 元 as exact fen and shows the answer beside the real amount', async () => {
    const sent: Record<string, unknown>[] = [];
    renderMine(whatIfAnswers(sent));
    fireEvent.input(await screen.findByPlaceholderText('盈余金额'), { target: { value: '1234.5' } });
    fireEvent.click(screen.getByText('算一算'));
    const answer = await screen.findByTestId('what-if-answer');
    expect(sent).toEqual([{ distributionId: 'dist_zhonghai_potato_2025_1', profitFen: 123450 }]);
    expect(answer.textContent).toContain('如果盈余是 1,234.50 元，您家分 2,117.64 元');
    expect(answer.textContent).toContain('实际：盈余 12,345.67 元，您家分 2,178.65 元');
  });

  test('"0.07" is 7 fen, not a rounded float', async () => {
    const sent: Record<string, unknown>[] = [];
    renderMine(whatIfAnswers(sent));
    fireEvent.input(await screen.findByPlaceholderText('盈余金额'), { target: { value: '0.07' } });
    fireEvent.click(screen.getByText('算一算'));
    await waitFor(() =>
      expect(sent).toEqual([{ distributionId: 'dist_zhonghai_potato_2025_1', profitFen: 7 }]),
    );
  });

  test('more than two decimals is refused before anything is sent', async () => {
    const sent: Record<string, unknown>[] = [];
    renderMine(whatIfAnswers(sent));
    fireEvent.input(await screen.findByPlaceholderText('盈余金额'), { target: { value: '12.345' } });
    fireEvent.click(screen.getByText('算一算'));
    expect(await screen.findByText('请填写金额（元），最多两位小数，如 1234.50')).toBeTruthy();
    expect(sent).toEqual([]);
  });
});
