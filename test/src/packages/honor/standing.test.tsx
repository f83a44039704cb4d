import { fireEvent, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MyStanding from '../../../../src/packages/honor/pages/standing/index';
import { standingEntry } from '../../../support/fake-honor';
import { renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

beforeEach(() => jest.clearAllMocks());

const standing = (restricted: { until: number; reasonTitle: string } | null) => ({
  myStanding: { household: '四组004号', villageName: '中海村', restricted, entries: [standingEntry()] },
});

test('a restricted household sees until when and why, in a banner above its history', async () => {
  renderWithCloud(
    <MyStanding />,
    {},
    {},
    {},
    standing({ until: Date.UTC(2027, 1, 3, 2, 0, 0), reasonTitle: '乱倒垃圾，屡教不改' }),
  );
  const banner = await screen.findByTestId('restricted');
  expect(banner.textContent).toContain('2027年2月3日');
  expect(banner.textContent).toContain('原因：乱倒垃圾，屡教不改');
  expect(screen.queryByTestId('not-restricted')).toBeNull();
  expect(screen.getByTestId('standing-entry').textContent).toContain('2026年11月 · 黑榜');
});

test('a household with no restriction is told so plainly', async () => {
  renderWithCloud(<MyStanding />, {}, {}, {}, standing(null));
  expect((await screen.findByTestId('not-restricted')).textContent).toContain('您家目前没有受到限制');
});

test('申诉 on an appealable black entry opens the appeal form for that entry, with the deadline shown', async () => {
  renderWithCloud(<MyStanding />, {}, {}, {}, standing(null));
  const entry = await screen.findByTestId('standing-entry');
  expect(entry.textContent).toContain('可以申诉，截止到 2026年11月18日（含当天）');
  fireEvent.click(screen.getByText('申诉'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/honor/pages/appeal/index?boardId=zhonghai_2026-11&entryId=e_black',
  });
});
