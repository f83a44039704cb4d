import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import Distribution from '../../../../src/packages/dividends/pages/distribution/index';
import { saveTextFile } from '../../../../src/services/save-file';
import {
  distributionSummary,
  distributionView,
  managedView,
  type DividendsAnswers,
} from '../../../support/fake-dividends';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));
jest.mock('../../../../src/services/save-file', () => ({ saveTextFile: jest.fn(async () => true) }));

const ID = 'dist_zhonghai_potato_2025_1';

beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(useRouter).mockReturnValue({ params: { id: ID }, path: '' } as never);
});

const done = (status: string) => () => ({ ok: true, data: { status } }) as never;

const renderDistribution = (answers: DividendsAnswers = {}) =>
  renderWithCloud(<Distribution />, {}, {}, {}, {}, {}, answers);

test('anyone sees the totals and pools, and their own household’s line', async () => {
  renderDistribution();
  const summary = await screen.findByTestId('summary');
  expect(summary.textContent).toContain('迤那镇中海村马铃薯股份经济合作社 2025年度分配');
  expect(within(summary).getByTestId('summary-figures').textContent).toContain('7,407.40 元股民分红');
  expect(within(summary).getByTestId('bar-members')).toBeTruthy();
  const mine = screen.getByTestId('dividend');
  expect(within(mine).getByTestId('amount').textContent).toBe('2,178.65 元');
  expect(within(mine).getByTestId('formula').textContent).toContain('本户折合股数 5.5000');
});

test('a resident gets no management and no other household’s amount', async () => {
  renderDistribution();
  await screen.findByTestId('summary');
  expect(screen.queryByTestId('steps')).toBeNull();
  expect(screen.queryByTestId('lines')).toBeNull();
  expect(document.body.textContent).not.toContain('安春梅');
});

test('declared: 核算 only, which computes', async () => {
  const { transport } = renderDistribution({
    getDistribution: managedView('declared'),
    compute: managedView('computed') as never,
  });
  const steps = await screen.findByTestId('steps');
  expect(within(steps).queryByText('复核通过')).toBeNull();
  expect(within(steps).queryByText('公布')).toBeNull();
  expect(within(steps).queryByText('导出表格')).toBeNull();
  fireEvent.click(within(steps).getByText('核算'));
  await waitFor(() => expect(actions(transport)).toContain('compute'));
  expect(transport.mock.calls.find(([, d]) => d.action === 'compute')![1]).toEqual({
    action: 'compute',
    distributionId: ID,
  });
});

test('computed: 复核通过 for a manager who may review, with every household’s amount', async () => {
  const { transport } = renderDistribution({
    getDistribution: managedView('computed', { canReview: true }),
    review: done('reviewed'),
  });
  const lines = await screen.findAllByTestId('line');
  expect(lines.map((l) => l.textContent)).toEqual([
    '胡翠萍（三组019号）2,178.65 元',
    '安春梅（四组004号）1,267.58 元',
    '中海村村集体（村集体）3,961.17 元',
  ]);
  const steps = screen.getByTestId('steps');
  expect(within(steps).queryByText('核算')).toBeNull();
  fireEvent.click(within(steps).getByText('复核通过'));
  await waitFor(() => expect(actions(transport)).toContain('review'));
});

test('computed: no 复核通过 for the manager who may not review', async () => {
  renderDistribution({ getDistribution: managedView('computed', { canReview: false }) });
  const steps = await screen.findByTestId('steps');
  expect(within(steps).queryByText('复核通过')).toBeNull();
  expect(within(steps).getByText('已核算，等待另一位管理员复核。')).toBeTruthy();
});

test('reviewed: 公布 asks first — it cannot be changed after — then publishes', async () => {
  const { transport } = renderDistribution({
    getDistribution: managedView('reviewed', { canPublish: true }),
    publish: done('published'),
  });
  fireEvent.click(await screen.findByText('公布'));
  await waitFor(() => expect(actions(transport)).toContain('publish'));
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({
      title: '公布分配方案？',
      content: expect.stringContaining('不能再修改'),
    }),
  );
  expect(transport.mock.calls.find(([, d]) => d.action === 'publish')![1]).toEqual({
    action: 'publish',
    distributionId: ID,
  });
});

test('reviewed: nothing is published when the manager cancels', async () => {
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never);
  const { transport } = renderDistribution({
    getDistribution: managedView('reviewed', { canPublish: true }),
    publish: done('published'),
  });
  fireEvent.click(await screen.findByText('公布'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect(actions(transport)).not.toContain('publish');
});

test('reviewed: no 公布 for a manager who may not publish', async () => {
  renderDistribution({ getDistribution: managedView('reviewed', { canPublish: false }) });
  const steps = await screen.findByTestId('steps');
  expect(within(steps).queryByText('公布')).toBeNull();
});

test('published: 更正 leads to a new version of the same distribution', async () => {
  renderDistribution({ getDistribution: managedView('published') });
  fireEvent.click(await screen.findByText('更正'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: `/packages/dividends/pages/declare/index?coopId=coop_zhonghai_potato&corrects=${ID}`,
  });
});

test('a corrected version offers no 更正, but the way to the newer one', async () => {
  renderDistribution({
    getDistribution: managedView('published', {
      summary: distributionSummary({ supersededBy: 'dist_v2' }),
    }),
  });
  fireEvent.click(await screen.findByText('查看更正后的一版'));
  expect(screen.queryByText('更正')).toBeNull();
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/dividends/pages/distribution/index?id=dist_v2',
  });
});

test('导出表格 saves the CSV the cloud made', async () => {
  renderDistribution({
    getDistribution: managedView('published'),
    exportDistribution: { filename: '2025年度分红.csv', csv: '\uFEFF户号,户主,金额（元）\r\n', rows: 3 },
  });
  fireEvent.click(await screen.findByText('导出表格'));
  await waitFor(() =>
    expect(saveTextFile).toHaveBeenCalledWith('2025年度分红.csv', '\uFEFF户号,户主,金额（元）\r\n'),
  );
});

test('a refusal is shown beside the steps', async () => {
  renderDistribution({
    getDistribution: managedView('declared'),
    compute: () => ({ ok: false, error: { code: 'INVALID_INPUT', message: '股东名册是空的' } }),
  });
  fireEvent.click(await screen.findByText('核算'));
  expect(await screen.findByText('股东名册是空的')).toBeTruthy();
});

test('someone off the roster sees no line of their own', async () => {
  renderDistribution({ getDistribution: distributionView({ mine: null }) });
  await screen.findByTestId('summary');
  expect(screen.queryByTestId('dividend')).toBeNull();
});
