import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import Appeal from '../../../../src/packages/honor/pages/appeal/index';
import { standingEntry } from '../../../support/fake-honor';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

const REASON = '那几天我家在外地打工，垃圾不是我家倒的，邻居可以作证。';

function renderAppeal(onAppeal: (input: Record<string, unknown>) => void = () => {}) {
  return renderWithCloud(
    <Appeal />,
    {},
    {},
    {},
    {
      myStanding: {
        household: '四组004号',
        villageName: '中海村',
        restricted: null,
        entries: [standingEntry()],
      },
      appeal: (input) => {
        onAppeal(input);
        return { ok: true, data: { appealId: 'a_1' } };
      },
    },
  );
}

async function type(text: string) {
  fireEvent.input(await screen.findByPlaceholderText(/例如：那天我家在外地打工/), {
    target: { value: text },
  });
}

beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(useRouter).mockReturnValue({
    params: { boardId: 'zhonghai_2026-11', entryId: 'e_black' },
    path: '',
  } as never);
});

test('the appeal shows the entry and sends the text only after the resident confirms', async () => {
  let sent: Record<string, unknown> | null = null;
  renderAppeal((input) => (sent = input));
  expect(await screen.findByText('乱倒垃圾，屡教不改')).toBeTruthy();
  await type(REASON);
  fireEvent.click(screen.getByText('提交申诉'));
  await waitFor(() => expect(sent).not.toBeNull());
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '提交申诉？', content: expect.stringContaining('提交后不能修改') }),
  );
  expect(sent).toEqual({ boardId: 'zhonghai_2026-11', entryId: 'e_black', text: REASON });
  await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
});

test('nothing is sent when the resident cancels at the confirmation', async () => {
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never);
  const { transport } = renderAppeal();
  await type(REASON);
  fireEvent.click(screen.getByText('提交申诉'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect(actions(transport)).not.toContain('appeal');
});

test('an appeal under 10 characters is refused as it is typed and never sent', async () => {
  const { transport } = renderAppeal();
  await type('不是我家');
  expect(screen.getByText('申诉理由至少 10 个字')).toBeTruthy();
  fireEvent.click(screen.getByText('提交申诉'));
  expect(Taro.showModal).not.toHaveBeenCalled();
  expect(actions(transport)).not.toContain('appeal');
});
