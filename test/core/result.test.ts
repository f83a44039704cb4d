import { fail, isResult, ok } from '../../core/result';

describe('results', () => {
  test('fail uses the default Chinese message of the code', () =>
    expect(fail('RATE_LIMITED')).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' },
    }));
  test('isResult recognises both shapes and nothing else', () => {
    expect(isResult(ok(1))).toBe(true);
    expect(isResult(fail('INTERNAL'))).toBe(true);
    expect(isResult({ ok: false, error: { code: 1 } })).toBe(false);
  });
});
