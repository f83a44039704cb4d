import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useRouter } from '@tarojs/taro';
import type { ClaimSheetPage } from '../../../../core/members';
import { ok } from '../../../../core/result';
import ClaimSheet from '../../../../src/packages/admin/pages/claim-sheet/index';
import { saveCloudFile } from '../../../../src/services/save-file';
import { memberView } from '../../../support/fake-members';
import { renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));
jest.mock('../../../../src/services/save-file', () => ({ saveCloudFile: jest.fn(async () => true) }));

const admin = { status: 'bound' as const, member: memberView({ villageAdmin: true }) };
const household = (n: number) => ({
  household: `00${n}号`,
  teamName: '第一组',
  people: [
    { residentId: `r${n}`, name: `王建国${n}`, code: `1234 567${n}`, expiresAt: Date.UTC(2027, 0, 31) },
  ],
});
const page = (households: ClaimSheetPage['households'], nextCursor: string | null): ClaimSheetPage => ({
  townName: '迤那镇',
  villageName: '中海村',
  households,
  totalHouseholds: 3,
  withoutCode: 1,
  nextCursor,
});

beforeEach(() => {
  jest.mocked(useRouter).mockReturnValue({ params: { villageId: 'zhonghai' }, path: '' } as never);
});

test('lists households with each person’s code in large type, pages on, and exports the whole sheet', async () => {
  const { transport } = renderWithCloud(<ClaimSheet />, {
    me: admin,
    claimSheet: (input) =>
      ok(input.cursor ? page([household(3)], null) : page([household(1), household(2)], '2')),
    exportClaimSheet: {
      fileID: 'cloud://x/exports/a.csv',
      url: 'http://x/a.csv',
      filename: '中海村认领码.csv',
      rows: 3,
    },
  });
  expect(await screen.findByText('迤那镇中海村 认领码清单')).toBeTruthy();
  expect(screen.getByText('1234 5671')).toBeTruthy();
  expect(screen.getByText('另有 1 位未绑定的村民没有认领码，可在村民名册里单独发放。')).toBeTruthy();
  fireEvent.click(screen.getByText('加载更多'));
  expect(await screen.findByText('1234 5673')).toBeTruthy();
  expect(screen.queryByText('加载更多')).toBeNull();
  fireEvent.click(screen.getByText('导出表格（可打印）'));
  await waitFor(() =>
    expect(saveCloudFile).toHaveBeenCalledWith(
      expect.objectContaining({ fileID: 'cloud://x/exports/a.csv', filename: '中海村认领码.csv' }),
    ),
  );
  expect(transport.mock.calls.filter(([, d]) => d.action === 'claimSheet').map(([, d]) => d)).toEqual([
    { action: 'claimSheet', villageId: 'zhonghai' },
    { action: 'claimSheet', villageId: 'zhonghai', cursor: '2' },
  ]);
});

test('an empty sheet says there is nobody left to bind', async () => {
  renderWithCloud(<ClaimSheet />, { me: admin, claimSheet: page([], null) });
  expect(await screen.findByText('没有待绑定的村民')).toBeTruthy();
});
