import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Residents from '../../../../src/packages/admin/pages/residents/index';
import { NO_ROLES } from '../../../../core/roles';
import { memberView } from '../../../support/fake-members';
import { actions, renderWithCloud } from '../../render';

jest.mock('../../../../src/services/transport', () => ({
  callFunction: jest.fn(),
  initTransport: jest.fn(),
}));

const admin = { status: 'bound' as const, member: memberView({ villageAdmin: true }, { name: '张小芳' }) };
const unbound = {
  residentId: 'r9',
  name: '禄正祥',
  household: '七组 044 号',
  phoneMasked: null,
  bound: false,
  roles: NO_ROLES,
  roleLabels: [],
};

test('opening the roster loads the admin’s village once', async () => {
  const { transport } = renderWithCloud(<Residents />, {
    me: admin,
    listResidents: { items: [unbound], nextCursor: null },
  });
  expect(await screen.findByText('未绑定微信')).toBeTruthy();
  expect(actions(transport).filter((a) => a === 'listResidents')).toHaveLength(1);
  expect(transport.mock.calls.find(([, d]) => d.action === 'listResidents')![1]).toEqual({
    action: 'listResidents',
    villageId: 'zhonghai',
  });
});

test('a new claim code for an unbound resident is asked for first, then shown to copy', async () => {
  const { transport } = renderWithCloud(<Residents />, {
    me: admin,
    listResidents: { items: [unbound], nextCursor: null },
    issueClaimCode: () => ({
      ok: true,
      data: { residentId: 'r9', code: '1234 5678', expiresAt: Date.UTC(2026, 11, 6) },
    }),
  });
  fireEvent.click(await screen.findByText('发认领码'));
  await waitFor(() => expect(actions(transport)).toContain('issueClaimCode'));
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发放认领码？' }));
  await waitFor(() =>
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '认领码', content: expect.stringContaining('1234 5678') }),
    ),
  );
});
