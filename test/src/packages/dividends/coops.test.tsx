import { fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { BASIS_LABELS, LEGAL_FORM_LABELS } from '../../../../core/dividends';
import Cooperatives from '../../../../src/packages/dividends/pages/coops/index';
import { coopSummary, type DividendsAnswers } from '../../../support/fake-dividends';
import { memberView } from '../../../support/fake-members';
import type { MembersAnswers } from '../../../support/fake-members';
import { renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

beforeEach(() => jest.clearAllMocks());

const renderCoops = (answers: DividendsAnswers = {}, members: MembersAnswers = {}) =>
  renderWithCloud(<Cooperatives />, members, {}, {}, {}, {}, answers);

test('each cooperative with its legal form, basis, shareholders and latest published totals', async () => {
  renderCoops();
  const card = (await screen.findByTestId('coop')).textContent!;
  expect(card).toContain('迤那镇中海村马铃薯股份经济合作社');
  expect(card).toContain('中海村 · 马铃薯种植 · 股东 3 户');
  expect(card).toContain(`${LEGAL_FORM_LABELS.shareCoop}：${BASIS_LABELS.shares}`);
  expect(card).toContain('2025年度分配公示');
  const figures = screen.getByTestId('summary-figures').textContent!;
  for (const figure of [
    '12,345.67 元可分配盈余',
    '3,703.70 元运营保障',
    '1,234.57 元村集体',
    '7,407.40 元股民分红',
    '3 户股东',
    '396.1176 元/股每股分红（仅供说明）',
  ]) {
    expect(figures).toContain(figure);
  }
});

test('never a household’s amount or name', async () => {
  renderCoops();
  await screen.findByTestId('coop');
  expect(document.body.textContent).not.toContain('2,178.65');
  expect(document.body.textContent).not.toContain('胡翠萍');
  expect(document.body.textContent).not.toContain('三组019号');
});

test('a cooperative that has published nothing yet says so', async () => {
  renderCoops({ listCooperatives: { cooperatives: [coopSummary({ latest: null })] } });
  expect(await screen.findByText('还没有公布过分配方案')).toBeTruthy();
});

test('a tap opens the cooperative', async () => {
  renderCoops();
  fireEvent.click(await screen.findByTestId('coop'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/dividends/pages/coop/index?id=coop_zhonghai_potato',
  });
});

test('the empty state', async () => {
  renderCoops({ listCooperatives: { cooperatives: [] } });
  expect(await screen.findByText('还没有合作社公示')).toBeTruthy();
});

test('a village admin may register a cooperative for the village; a resident may not', async () => {
  renderCoops({}, { me: { status: 'bound', member: memberView({ villageAdmin: true }) } });
  fireEvent.click(await screen.findByText('登记合作社'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/dividends/pages/edit/index?villageId=zhonghai',
  });
});

test('a resident has no 登记合作社', async () => {
  renderCoops();
  await screen.findByTestId('coop');
  expect(screen.queryByText('登记合作社')).toBeNull();
});
