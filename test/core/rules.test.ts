import { formatClaimCode, normalizeClaimCode } from '../../core/members/claim-code';
import { membersInput, MEMBER_FIELD_LABELS } from '../../core/members';
import { maskPhone } from '../../core/members/phone';
import { fail, isResult, ok } from '../../core/result';
import { formatDateTime } from '../../core/time';
import { validate } from '../../core/validation';

describe('claim codes', () => {
  test('spaces and dashes people copy are ignored', () =>
    expect(normalizeClaimCode(' 1234-5678 ')).toBe('12345678'));
  test('anything but 8 digits is not a code', () => {
    expect(normalizeClaimCode('1234567')).toBeNull();
    expect(normalizeClaimCode('1234567a')).toBeNull();
  });
  test('codes are shown as two groups of four', () => expect(formatClaimCode('12345678')).toBe('1234 5678'));
});

test('phone numbers are masked to 3 + 4 digits', () => expect(maskPhone('13812345678')).toBe('138****5678'));

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

describe('shared input validation', () => {
  test('names are trimmed', () => {
    const r = validate(membersInput.requestBinding, {
      name: ' 张三 ',
      villageId: 'v',
      household: '一组',
      phone: '13800000000',
    });
    expect(r.ok && r.data.name).toBe('张三');
  });
  test('the first problem is reported in Chinese, naming the field for a wrong type', () => {
    expect(validate(membersInput.approveBinding, { requestId: [] }, MEMBER_FIELD_LABELS)).toEqual({
      ok: false,
      message: '申请编号格式不正确',
    });
  });
});

test('times are shown in China Standard Time whatever the machine’s zone', () =>
  expect(formatDateTime(Date.UTC(2026, 10, 22, 16, 30))).toBe('2026年11月23日 00:30'));

test('China time is exact across a date line in the machine’s own zone', () => {
  expect(formatDateTime(Date.UTC(2026, 0, 1, 15, 59))).toBe('2026年1月1日 23:59');
  expect(formatDateTime(Date.UTC(2026, 0, 1, 16, 0))).toBe('2026年1月2日 00:00');
});
