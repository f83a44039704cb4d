import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Me from '../../../../src/pages/me/index';
import { memberView } from '../../../support/fake-members';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

const type = (placeholder: string, value: string) =>
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });

/** Fills the binding form and picks the first village (中海村) in the picker. */
function fillBindingForm(fields: { name: string; household: string; phone: string }): void {
  type('请填写身份证上的姓名', fields.name);
  type('请填写户号', fields.household);
  type('11 位手机号码', fields.phone);
  act(() => {
    fireEvent(
      screen.getByText('请选择').closest('[data-taro="Picker"]')!,
      new CustomEvent('change', { detail: { value: 0 } }),
    );
  });
}

beforeEach(() => {
  jest.mocked(Taro.getPrivacySetting).mockImplementation((async (opts: {
    success?: (r: unknown) => void;
  }) => {
    opts.success?.({ needAuthorization: false });
    return { needAuthorization: false, errMsg: 'ok' };
  }) as never);
});

test('a bound resident sees their record and the 村民 role', async () => {
  renderWithCloud(<Me />);
  expect(await screen.findByText('胡翠萍')).toBeTruthy();
  expect(screen.getByText('所在村（社区）：中海村')).toBeTruthy();
  expect(screen.getByText('村民')).toBeTruthy();
});

test('roles show with their Chinese labels', async () => {
  renderWithCloud(<Me />, { me: { status: 'bound', member: memberView({ rep: true }) } });
  expect(await screen.findByText('村民代表')).toBeTruthy();
});

test('an unbound user chooses between the form and a claim code', async () => {
  renderWithCloud(<Me />, { me: { status: 'unbound' } });
  expect(await screen.findByText('填写资料申请绑定')).toBeTruthy();
  expect(screen.getByText('我有村干部给的认领码')).toBeTruthy();
});

test('the form checks input with the cloud’s own rules before sending anything', async () => {
  const { transport } = renderWithCloud(<Me />, { me: { status: 'unbound' } });
  fireEvent.click(await screen.findByText('填写资料申请绑定'));
  await screen.findByText('申请绑定村民身份');
  type('请填写身份证上的姓名', '张');
  type('11 位手机号码', '123');
  fireEvent.click(screen.getByText('提交申请'));
  expect(screen.getByText('请填写真实姓名（至少两个字）')).toBeTruthy();
  expect(screen.getByText('请填写 11 位手机号码')).toBeTruthy();
  expect(actions(transport)).not.toContain('requestBinding');
});

test('a complete form is sent and the page shows the request under review', async () => {
  let submitted: Record<string, unknown> | null = null;
  const { transport } = renderWithCloud(<Me />, {
    me: () => ({
      ok: true,
      data: submitted
        ? {
            status: 'pending',
            request: {
              requestId: 'q1',
              name: '李春花',
              villageId: 'zhonghai',
              villageName: '中海村',
              household: '三组 018 号',
              phoneMasked: '138****5678',
              createdAt: 0,
              contentCheck: 'pass',
              possibleDuplicate: false,
            },
          }
        : { status: 'unbound' },
    }),
    requestBinding: (input) => {
      submitted = input;
      return { ok: true, data: { request: {} as never } };
    },
  });
  fireEvent.click(await screen.findByText('填写资料申请绑定'));
  await screen.findByText('申请绑定村民身份');
  fillBindingForm({ name: '李春花', household: '三组 018 号', phone: '13812345678' });
  fireEvent.click(screen.getByText('提交申请'));
  await waitFor(() =>
    expect(submitted).toEqual({
      name: '李春花',
      villageId: 'zhonghai',
      household: '三组 018 号',
      phone: '13812345678',
    }),
  );
  expect(await screen.findByText('身份审核中')).toBeTruthy();
  expect(actions(transport)).toEqual(['me', 'listVillages', 'requestBinding', 'me']);
});

test('the cloud’s refusal is shown in Chinese', async () => {
  renderWithCloud(<Me />, {
    me: { status: 'unbound' },
    requestBinding: () => ({
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: '姓名或户号含有不允许的内容，请修改后再提交' },
    }),
  });
  fireEvent.click(await screen.findByText('填写资料申请绑定'));
  await screen.findByText('申请绑定村民身份');
  fillBindingForm({ name: '李春花', household: '赌博', phone: '13812345678' });
  fireEvent.click(screen.getByText('提交申请'));
  expect(await screen.findByText('姓名或户号含有不允许的内容，请修改后再提交')).toBeTruthy();
});

test('personal data is asked for only after consent to the privacy guide', async () => {
  jest.mocked(Taro.getPrivacySetting).mockImplementation((async (opts: {
    success?: (r: unknown) => void;
  }) => {
    opts.success?.({ needAuthorization: true });
    return { needAuthorization: true, errMsg: 'ok' };
  }) as never);
  const { transport } = renderWithCloud(<Me />, { me: { status: 'unbound' } });
  fireEvent.click(await screen.findByText('填写资料申请绑定'));
  const agree = await screen.findByText('同意并继续');
  expect(agree.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization');
  fillBindingForm({ name: '李春花', household: '三组', phone: '13812345678' });
  fireEvent.click(screen.getByText('提交申请'));
  expect(await screen.findByText('请先阅读并同意隐私保护指引')).toBeTruthy();
  expect(actions(transport)).not.toContain('requestBinding');
  act(() => {
    fireEvent(agree, new CustomEvent('agreeprivacyauthorization', { detail: {} }));
  });
  expect(screen.queryByText('同意并继续')).toBeNull();
});

test('a rejected request shows the reason', async () => {
  renderWithCloud(<Me />, {
    me: {
      status: 'rejected',
      reason: '户号与村档案不符',
      decidedAt: 0,
      request: {
        requestId: 'q',
        name: '李春花',
        villageId: 'zhonghai',
        villageName: '中海村',
        household: '三组',
        phoneMasked: '138****5678',
        createdAt: 0,
        contentCheck: 'pass',
        possibleDuplicate: false,
      },
    },
  });
  expect(await screen.findByText('原因：户号与村档案不符')).toBeTruthy();
});

test('a claim code that is not 8 digits is caught before it is sent', async () => {
  const { transport } = renderWithCloud(<Me />, { me: { status: 'unbound' } });
  fireEvent.click(await screen.findByText('我有村干部给的认领码'));
  type('例如 1234 5678', '123');
  fireEvent.click(screen.getByText('确认绑定'));
  expect(screen.getByText('认领码是 8 位数字，请核对后再输入')).toBeTruthy();
  expect(actions(transport)).not.toContain('claimWithCode');
});

test('the H5-only identity switcher is not in the mini-program build', async () => {
  renderWithCloud(<Me />);
  await screen.findByText('胡翠萍');
  expect(screen.queryByText('切换身份（本地开发）')).toBeNull();
});

test('the first town admin enters the setup code with their name and village, then is a member', async () => {
  let sent: Record<string, unknown> | null = null;
  const admin = memberView({ townAdmin: true }, { name: '王建国' });
  const { transport } = renderWithCloud(<Me />, {
    me: () => ({ ok: true, data: sent ? { status: 'bound', member: admin } : { status: 'unbound' } }),
    claimSetup: (input) => {
      sent = input;
      return { ok: true, data: { member: admin } };
    },
  });
  fireEvent.click(await screen.findByText('我是管理员，输入开通码'));
  await screen.findByText('开通（镇管理员）');
  fireEvent.click(screen.getByText('开通'));
  expect(await screen.findByText('开通码是 12 位字母和数字，请核对后再输入')).toBeTruthy();
  expect(actions(transport)).not.toContain('claimSetup');

  type('例如 ABCD-EFGH-JKMN', 'abcd-efgh-jkmn');
  type('请填写身份证上的姓名', '王建国');
  act(() => {
    fireEvent(
      screen.getByText('请选择').closest('[data-taro="Picker"]')!,
      new CustomEvent('change', { detail: { value: 0 } }),
    );
  });
  fireEvent.click(screen.getByText('开通'));
  await waitFor(() =>
    expect(sent).toEqual({ code: 'abcd-efgh-jkmn', name: '王建国', villageId: 'zhonghai' }),
  );
  expect(await screen.findByText('镇管理员')).toBeTruthy();
});
