import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { RosterImportView } from '../../../../core/members';
import { ok, fail } from '../../../../core/result';
import ImportRoster from '../../../../src/packages/admin/pages/import/index';
import { uploadFile } from '../../../../src/services/files';
import { pickFile } from '../../../../src/services/pick-file';
import { memberView } from '../../../support/fake-members';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));
jest.mock('../../../../src/services/pick-file', () => ({ pickFile: jest.fn() }));
jest.mock('../../../../src/services/files', () => ({ uploadFile: jest.fn() }));

const FILE_ID = 'cloud://env.bucket/uploads/roster/20261202/ab12-名册.xlsx';
const admin = { status: 'bound' as const, member: memberView({ townAdmin: true }) };
const BYTES = new Uint8Array([1, 2, 3]);

const view = (over: Partial<RosterImportView> = {}): RosterImportView => ({
  importId: 'ri_1',
  filename: '名册.xlsx',
  status: 'applying',
  total: 3000,
  applied: 0,
  chunks: 3,
  chunksDone: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  codes: 0,
  repKept: 0,
  villages: [{ id: 'zhonghai', name: '中海村' }],
  startedAt: 0,
  startedBy: '张小芳',
  doneAt: null,
  ...over,
});

beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(pickFile).mockResolvedValue({ name: '名册.xlsx', bytes: BYTES });
  jest.mocked(uploadFile).mockResolvedValue(FILE_ID);
});

test('a good file is uploaded, checked, then applied chunk by chunk to the end with its summary', async () => {
  let applied = 0;
  const { transport } = renderWithCloud(<ImportRoster />, {
    me: admin,
    getRosterImport: { import: null },
    startRosterImport: { importId: 'ri_1', rows: 3000, problems: [], problemCount: 0, import: view() },
    continueRosterImport: () => {
      applied += 1000;
      return ok({
        import: view({
          applied,
          chunksDone: applied / 1000,
          status: applied === 3000 ? 'done' : 'applying',
          inserted: applied,
          codes: applied,
        }),
      });
    },
  });
  fireEvent.click(await screen.findByText('选择名册文件'));
  expect(await screen.findByTestId('done')).toBeTruthy();
  expect(screen.getByText('共 3000 人：新增 3000，更新 0，没有变化 0')).toBeTruthy();
  expect(uploadFile).toHaveBeenCalledWith('roster', { name: '名册.xlsx', bytes: BYTES });
  expect(actions(transport)).toEqual([
    'getRosterImport',
    'startRosterImport',
    'continueRosterImport',
    'continueRosterImport',
    'continueRosterImport',
  ]);
  expect(transport.mock.calls[1]![1]).toEqual({
    action: 'startRosterImport',
    fileID: FILE_ID,
    filename: '名册.xlsx',
  });
  fireEvent.click(screen.getByText('中海村认领码清单'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/admin/pages/claim-sheet/index?villageId=zhonghai',
  });
});

test('a file with problems lists every one by row and column and imports nothing', async () => {
  const { transport } = renderWithCloud(<ImportRoster />, {
    me: admin,
    getRosterImport: { import: null },
    startRosterImport: {
      importId: null,
      rows: 40,
      problemCount: 2,
      import: null,
      problems: [
        { row: 3, column: '姓名', reason: '缺少姓名' },
        { row: 9, column: '村（社区）', reason: '没有“不存在村”这个村（社区）' },
      ],
    },
  });
  fireEvent.click(await screen.findByText('选择名册文件'));
  expect(await screen.findByText('名册.xlsx：有 2 处问题，没有导入任何人')).toBeTruthy();
  expect(screen.getByText('第 3 行「姓名」：缺少姓名')).toBeTruthy();
  expect(screen.getByText('第 9 行「村（社区）」：没有“不存在村”这个村（社区）')).toBeTruthy();
  expect(actions(transport)).not.toContain('continueRosterImport');
});

test('reopening the page resumes the admin’s unfinished import', async () => {
  const { transport } = renderWithCloud(<ImportRoster />, {
    me: admin,
    getRosterImport: { import: view({ applied: 2000, chunksDone: 2 }) },
    continueRosterImport: { import: view({ applied: 3000, chunksDone: 3, status: 'done', inserted: 3000 }) },
  });
  expect(await screen.findByTestId('done')).toBeTruthy();
  expect(actions(transport)).toEqual(['getRosterImport', 'continueRosterImport']);
});

test('a lost connection pauses the bar with a 继续 button that picks up where it stopped', async () => {
  let calls = 0;
  renderWithCloud(<ImportRoster />, {
    me: admin,
    getRosterImport: { import: view({ applied: 1000, chunksDone: 1 }) },
    continueRosterImport: () => {
      calls += 1;
      if (calls === 1) return fail('INTERNAL', '网络异常');
      return ok({ import: view({ applied: 3000, chunksDone: 3, status: 'done' }) });
    },
  });
  expect(await screen.findByText('已导入 1000 / 3000 人')).toBeTruthy();
  fireEvent.click(await screen.findByText('继续'));
  expect(await screen.findByTestId('done')).toBeTruthy();
});

test('a failed upload says so and starts nothing', async () => {
  jest.mocked(uploadFile).mockRejectedValueOnce(new Error('network'));
  const { transport } = renderWithCloud(<ImportRoster />, { me: admin, getRosterImport: { import: null } });
  fireEvent.click(await screen.findByText('选择名册文件'));
  await waitFor(() =>
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '文件没有上传成功，请检查网络后重新选择' }),
    ),
  );
  expect(actions(transport)).toEqual(['getRosterImport']);
});
