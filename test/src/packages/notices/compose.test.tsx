import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Compose from '../../../../src/packages/notices/pages/compose/index';
import type { NoticesOutput } from '../../../../core/notices';
import { renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

const OPTIONS: NoticesOutput['composeOptions'] = {
  options: [
    { audience: { kind: 'village', villageId: 'zhonghai' }, label: '中海村' },
    { audience: { kind: 'group', group: 'consult', villageId: 'zhonghai' }, label: '协商议事组（中海村）' },
  ],
  sentToday: 2,
  perDay: 10,
};

function renderCompose(push: (input: Record<string, unknown>) => unknown) {
  return renderWithCloud(
    <Compose />,
    {},
    {},
    {},
    {},
    {
      composeOptions: OPTIONS,
      push: push as never,
    },
  );
}

async function fill(title: string, body: string) {
  fireEvent.input(await screen.findByPlaceholderText('例如：周六召开党群圆桌会'), {
    target: { value: title },
  });
  fireEvent.input(screen.getByPlaceholderText('时间、地点、要做什么、联系谁'), { target: { value: body } });
}

const BODY = '本周六上午九点在村委会议室召开党群圆桌会，请各户派代表参加。';

test('offers the audiences the cloud allows, and how many pushes are left today', async () => {
  renderCompose(() => ({ ok: true, data: {} }));
  expect(await screen.findByText('协商议事组（中海村）')).toBeTruthy();
  expect(screen.getByText(/今天还可发送 8 条/)).toBeTruthy();
});

test('checks the text with the cloud rules before sending anything', async () => {
  const pushes: unknown[] = [];
  renderCompose((input) => (pushes.push(input), { ok: true, data: {} }));
  await fill('开会', '短');
  fireEvent.click(screen.getByText('发送'));
  expect(await screen.findByText('标题至少 4 个字')).toBeTruthy();
  expect(screen.getByText('内容至少 10 个字')).toBeTruthy();
  expect(pushes).toEqual([]);
});

test('asks before sending, sends to the chosen audience, then shows its coverage', async () => {
  const pushes: Record<string, unknown>[] = [];
  renderCompose((input) => {
    pushes.push(input);
    return { ok: true, data: { noticeId: 'n_new', status: 'sending', recipients: 5, households: 5 } };
  });
  fireEvent.click(await screen.findByText('协商议事组（中海村）'));
  fireEvent.click(screen.getByText('紧急'));
  await fill('周六召开党群圆桌会', BODY);
  fireEvent.click(screen.getByText('发送'));
  await waitFor(() => expect(pushes).toHaveLength(1));
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '发送给协商议事组（中海村）？' }),
  );
  expect(pushes[0]).toMatchObject({
    title: '周六召开党群圆桌会',
    body: BODY,
    urgency: 'urgent',
    kind: 'meeting',
    audience: { kind: 'group', group: 'consult', villageId: 'zhonghai' },
    requestId: expect.stringMatching(/^[0-9a-f]{24}$/),
  });
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/coverage/index?id=n_new' }),
  );
});

test('a refusal is shown, and sending again reuses the same request id (never two notices)', async () => {
  const pushes: Record<string, unknown>[] = [];
  renderCompose((input) => {
    pushes.push(input);
    return {
      ok: false,
      error: { code: 'CONTENT_REJECTED', message: '通知内容未通过微信内容安全检查，请修改后再发送' },
    };
  });
  await fill('周六召开党群圆桌会', BODY);
  fireEvent.click(screen.getByText('发送'));
  expect(await screen.findByText('通知内容未通过微信内容安全检查，请修改后再发送')).toBeTruthy();
  fireEvent.click(screen.getByText('发送'));
  await waitFor(() => expect(pushes).toHaveLength(2));
  expect(pushes[1]!.requestId).toBe(pushes[0]!.requestId);
});
