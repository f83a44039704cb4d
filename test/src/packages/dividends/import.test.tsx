import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import ImportRoster from '../../../../src/packages/dividends/pages/import/index';
import { pickFile } from '../../../../src/services/pick-file';
import { uploadFile } from '../../../../src/services/files';
import { renderWithCloud } from '../../render';
import type { DividendsAnswers } from '../../../support/fake-dividends';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));
jest.mock('../../../../src/services/pick-file', () => ({ pickFile: jest.fn() }));
jest.mock('../../../../src/services/files', () => ({ uploadFile: jest.fn() }));

const FILE_ID = 'cloud://tongxin-local.bucket/uploads/dividends/20261202/ab12-股东名册.csv';

const CSV =
  '户号,户主,资金入股（元）,土地入股（亩）,配股（股）,村集体股（股）,交易额（元）\n三组019号,胡翠萍,2000,3.5,0,0,0\n';
const BYTES = new Uint8Array(Buffer.from(CSV, 'utf8'));

beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(useRouter).mockReturnValue({ params: { coopId: 'coop_zhonghai_potato' }, path: '' } as never);
  jest.mocked(pickFile).mockResolvedValue({ name: '股东名册.csv', bytes: BYTES });
  jest.mocked(uploadFile).mockResolvedValue(FILE_ID);
});

function renderImport(answers: DividendsAnswers) {
  const sent: Record<string, unknown>[] = [];
  const importRoster = answers.importRoster;
  const view = renderWithCloud(
    <ImportRoster />,
    {},
    {},
    {},
    {},
    {},
    {
      importRoster: (input) => {
        sent.push(input);
        return typeof importRoster === 'function' ? importRoster(input) : { ok: true, data: importRoster! };
      },
    },
  );
  return { ...view, sent };
}

test('explains the seven columns and the header row', () => {
  renderImport({ importRoster: { rows: 1, households: 1 } });
  const columns = screen.getByTestId('columns').textContent!;
  expect(columns).toContain('第一行是表头');
  for (const title of [
    '户号',
    '户主',
    '资金入股（元）',
    '土地入股（亩）',
    '配股（股）',
    '村集体股（股）',
    '交易额（元）',
  ]) {
    expect(columns).toContain(title);
  }
});

test('uploads the file to cloud storage, sends its file id and name, then says how many households and goes back', async () => {
  const { sent } = renderImport({ importRoster: { rows: 120, households: 118 } });
  fireEvent.click(screen.getByText('选择文件'));
  await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  expect(sent).toEqual([
    {
      coopId: 'coop_zhonghai_potato',
      filename: '股东名册.csv',
      fileID: FILE_ID,
    },
  ]);
  expect(uploadFile).toHaveBeenCalledWith('dividends', { name: '股东名册.csv', bytes: BYTES });
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已导入 118 户' }));
});

test('row errors are shown in full, and that nothing was imported', async () => {
  const message = '第 3 行：户号不能为空\n第 7 行：资金入股（元）不是数字：两千\n第 12 行：三组019号 重复';
  renderImport({
    importRoster: () => ({ ok: false, error: { code: 'INVALID_INPUT', message } }),
  });
  fireEvent.click(screen.getByText('选择文件'));
  expect(await screen.findByText('没有导入任何数据，请改正后重新选择文件')).toBeTruthy();
  const shown = screen.getByText((_, el) => el?.className === 'pre');
  expect(shown.textContent).toBe(message);
  expect(Taro.navigateBack).not.toHaveBeenCalled();
});

test('a failed upload says so and sends nothing', async () => {
  jest.mocked(uploadFile).mockRejectedValueOnce(new Error('network'));
  const { sent } = renderImport({ importRoster: { rows: 1, households: 1 } });
  fireEvent.click(screen.getByText('选择文件'));
  expect(await screen.findByText('文件没有上传成功，请检查网络后重新选择')).toBeTruthy();
  expect(sent).toEqual([]);
});

test('nothing is sent when the user closes the picker', async () => {
  jest.mocked(pickFile).mockResolvedValueOnce(null);
  const { sent } = renderImport({ importRoster: { rows: 1, households: 1 } });
  fireEvent.click(screen.getByText('选择文件'));
  await waitFor(() => expect(pickFile).toHaveBeenCalled());
  expect(sent).toEqual([]);
  expect(screen.queryByTestId('import-failure')).toBeNull();
});
