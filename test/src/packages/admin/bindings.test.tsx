import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Bindings from '../../../../src/packages/admin/pages/bindings/index';
import type { BindingRequestView } from '../../../../core/members';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

const request = (id: string, name: string): BindingRequestView => ({
  requestId: id,
  name,
  villageId: 'zhonghai',
  villageName: '中海村',
  household: '三组',
  phoneMasked: '138****5678',
  createdAt: Date.UTC(2026, 10, 20, 2),
  contentCheck: 'pass',
  possibleDuplicate: id === 'q2',
});

test('says so when nothing waits for review', async () => {
  renderWithCloud(<Bindings />);
  expect(await screen.findByText('没有待审核的申请')).toBeTruthy();
});

test('approving asks for confirmation, then removes the request', async () => {
  const { transport } = renderWithCloud(<Bindings />, {
    listPending: { items: [request('q1', '李春花'), request('q2', '王五')], nextCursor: null },
    approveBinding: () => ({ ok: true, data: { residentId: 'r1' } }),
  });
  expect(await screen.findByText('名册中已有同名同户号的村民，请核实是否重复')).toBeTruthy();
  fireEvent.click(screen.getAllByText('通过')[0]!);
  await waitFor(() => expect(screen.queryByText('李春花 · 中海村')).toBeNull());
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认通过？' }));
  expect(actions(transport)).toEqual(['listPending', 'approveBinding']);
});

test('nothing is approved when the admin cancels the confirmation', async () => {
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never);
  const { transport } = renderWithCloud(<Bindings />, {
    listPending: { items: [request('q1', '李春花')], nextCursor: null },
  });
  fireEvent.click(await screen.findByText('通过'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect(actions(transport)).toEqual(['listPending']);
  expect(screen.getByText('李春花 · 中海村')).toBeTruthy();
});

test('rejecting sends the reason the applicant will see', async () => {
  let sent: Record<string, unknown> | null = null;
  renderWithCloud(<Bindings />, {
    listPending: { items: [request('q1', '李春花')], nextCursor: null },
    rejectBinding: (input) => {
      sent = input;
      return { ok: true, data: { requestId: 'q1' } };
    },
  });
  fireEvent.click(await screen.findByText('不通过'));
  fireEvent.input(screen.getByPlaceholderText('请写明不通过的原因，申请人会看到'), {
    target: { value: '户号与村档案不符' },
  });
  fireEvent.click(screen.getByText('确认退回'));
  await waitFor(() => expect(sent).toEqual({ requestId: 'q1', reason: '户号与村档案不符' }));
});

test('more requests load page by page', async () => {
  const { transport } = renderWithCloud(<Bindings />, {
    listPending: (input) => ({
      ok: true,
      data: input.cursor
        ? { items: [request('q2', '王五')], nextCursor: null }
        : { items: [request('q1', '李春花')], nextCursor: 'c1' },
    }),
  });
  fireEvent.click(await screen.findByText('加载更多'));
  expect(await screen.findByText('王五 · 中海村')).toBeTruthy();
  expect(screen.getByText('李春花 · 中海村')).toBeTruthy();
  expect(transport.mock.calls[1]![1]).toEqual({ action: 'listPending', cursor: 'c1' });
});
