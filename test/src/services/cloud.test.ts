import { call, NETWORK_MESSAGE } from '../../../src/services/cloud';
import { callFunction } from '../../../src/services/transport';

jest.mock('../../../src/services/transport', () => ({ callFunction: jest.fn(), initTransport: jest.fn() }));
const transport = jest.mocked(callFunction);

test('sends {action, ...input} to the named function and returns its result', async () => {
  transport.mockResolvedValueOnce({ ok: true, data: { status: 'unbound' } });
  expect(await call('members', 'me', {})).toEqual({ ok: true, data: { status: 'unbound' } });
  expect(transport).toHaveBeenCalledWith('members', { action: 'me' });
});

test('a structured error from the function is passed through', async () => {
  transport.mockResolvedValueOnce({
    ok: false,
    error: { code: 'FORBIDDEN', message: '您没有进行此操作的权限' },
  });
  expect(await call('members', 'listPending', {})).toEqual({
    ok: false,
    error: { code: 'FORBIDDEN', message: '您没有进行此操作的权限' },
  });
});

test('a failed network call becomes a Chinese message, never a throw', async () => {
  transport.mockRejectedValueOnce(new Error('request:fail timeout'));
  expect(await call('members', 'me', {})).toEqual({
    ok: false,
    error: { code: 'INTERNAL', message: NETWORK_MESSAGE },
  });
});

test('an answer that is not a result is INTERNAL', async () => {
  transport.mockResolvedValueOnce({ weird: true });
  expect(await call('members', 'me', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
});
