import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import EditBriefing from '../../../../src/packages/briefings/pages/edit/index';
import { briefingDetail } from '../../../support/fake-briefings';
import { memberView } from '../../../support/fake-members';
import { renderWithCloud } from '../../render';
import { uploadFile } from '../../../../src/services/files';
import { pickFile } from '../../../../src/services/pick-file';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));
jest.mock('../../../../src/services/pick-file', () => ({ pickFile: jest.fn() }));
jest.mock('../../../../src/services/files', () => ({ uploadFile: jest.fn() }));

const POLICY_LEADER = memberView({ groups: [{ group: 'policy', level: 'town', position: 'leader' }] });
const asLeader = { me: { status: 'bound' as const, member: POLICY_LEADER } };

beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(useRouter).mockReturnValue({ params: {}, path: '' } as never);
});

async function fillForm() {
  fireEvent.input(await screen.findByPlaceholderText('例如：2026年耕地地力保护补贴发放说明'), {
    target: { value: '城乡居民基本养老保险认证提醒' },
  });
  const [summary, body] = screen.getAllByRole('textbox').filter((e) => e.tagName === 'TEXTAREA');
  fireEvent.input(summary!, { target: { value: '年满六十周岁的参保村民每年要认证一次。' } });
  fireEvent.input(body!, { target: { value: '到村便民服务站，由工作人员帮助刷脸认证。' } });
}

test('a new briefing is checked as it is typed and not sent while a field is wrong', async () => {
  const { transport } = renderWithCloud(<EditBriefing />, asLeader);
  await screen.findByTestId('briefing-form');
  fireEvent.click(screen.getByText('发布'));
  expect(await screen.findByText('标题至少 4 个字')).toBeTruthy();
  expect(transport.mock.calls.some(([, d]) => d.action === 'publish')).toBe(false);
});

test('publishing sends the form, after confirming, and opens the new briefing', async () => {
  let sent: Record<string, unknown> | null = null;
  renderWithCloud(
    <EditBriefing />,
    asLeader,
    {},
    {
      publish: (input) => {
        sent = input;
        return { ok: true, data: { briefingId: 'b_new', version: 1 } };
      },
    },
  );
  await fillForm();
  fireEvent.click(screen.getByText('发布'));
  await waitFor(() => expect(sent).not.toBeNull());
  expect(sent).toEqual({
    title: '城乡居民基本养老保险认证提醒',
    summary: '年满六十周岁的参保村民每年要认证一次。',
    body: '到村便民服务站，由工作人员帮助刷脸认证。',
    categoryId: 'huinong',
    scope: { kind: 'town' },
    attachments: [],
    disclosure: null,
  });
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布这篇宣讲？' }));
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/briefings/pages/detail/index?id=b_new' }),
  );
});

test('the cloud’s refusal is shown on the form', async () => {
  renderWithCloud(
    <EditBriefing />,
    asLeader,
    {},
    {
      publish: () => ({
        ok: false,
        error: { code: 'CONTENT_REJECTED', message: '内容未通过安全检查，请修改后再提交' },
      }),
    },
  );
  await fillForm();
  fireEvent.click(screen.getByText('发布'));
  expect(await screen.findByText('内容未通过安全检查，请修改后再提交')).toBeTruthy();
  expect(Taro.redirectTo).not.toHaveBeenCalled();
});

test('editing starts from the current version and sends it back with the changes', async () => {
  jest.mocked(useRouter).mockReturnValue({ params: { id: 'b_gengdi' }, path: '' } as never);
  let sent: Record<string, unknown> | null = null;
  renderWithCloud(
    <EditBriefing />,
    asLeader,
    {},
    {
      get: briefingDetail({ version: 3, body: '## 补贴对象\n\n拥有承包耕地的农户。', canManage: true }),
      edit: (input) => {
        sent = input;
        return { ok: true, data: { version: 4 } };
      },
    },
  );
  const title = await screen.findByDisplayValue('2026年耕地地力保护补贴发放说明');
  fireEvent.input(title, { target: { value: '2026年耕地地力保护补贴发放说明（修订）' } });
  fireEvent.click(screen.getByText('保存修改'));
  await waitFor(() => expect(sent).not.toBeNull());
  expect(sent).toMatchObject({
    briefingId: 'b_gengdi',
    version: 3,
    title: '2026年耕地地力保护补贴发放说明（修订）',
    body: '## 补贴对象\n\n拥有承包耕地的农户。',
  });
});

test('a resident who may not publish is told so, with no form', async () => {
  renderWithCloud(<EditBriefing />);
  expect(await screen.findByText('您不能发布宣讲')).toBeTruthy();
  expect(screen.queryByTestId('briefing-form')).toBeNull();
});

test('an attachment is picked (any file), uploaded to storage and published by its file id', async () => {
  const FILE_ID = 'cloud://env.bucket/uploads/briefings/20261202/ab12-补贴标准.pdf';
  jest
    .mocked(pickFile)
    .mockResolvedValue({ name: '补贴标准.pdf', bytes: new Uint8Array(0), path: 'wxfile://tmp' });
  jest.mocked(uploadFile).mockResolvedValue(FILE_ID);
  let sent: Record<string, unknown> | null = null;
  renderWithCloud(
    <EditBriefing />,
    asLeader,
    {},
    {
      publish: (input) => {
        sent = input;
        return { ok: true, data: { briefingId: 'b_new', version: 1 } };
      },
    },
  );
  await fillForm();
  fireEvent.click(screen.getByText('添加附件'));
  expect(await screen.findByText('补贴标准.pdf')).toBeTruthy();
  expect(pickFile).toHaveBeenCalledWith({ extensions: [], read: false });
  expect(uploadFile).toHaveBeenCalledWith('briefings', expect.objectContaining({ name: '补贴标准.pdf' }));
  fireEvent.click(screen.getByText('发布'));
  await waitFor(() => expect(sent).not.toBeNull());
  expect(sent!.attachments).toEqual([{ fileId: FILE_ID, name: '补贴标准.pdf' }]);
});

test('a failed upload says so and adds nothing', async () => {
  jest.mocked(pickFile).mockResolvedValue({ name: 'a.pdf', bytes: new Uint8Array(0) });
  jest.mocked(uploadFile).mockRejectedValueOnce(new Error('network'));
  renderWithCloud(<EditBriefing />, asLeader);
  fireEvent.click(await screen.findByText('添加附件'));
  await waitFor(() =>
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '上传失败，请稍后再试' })),
  );
  expect(screen.queryByText('a.pdf')).toBeNull();
});
