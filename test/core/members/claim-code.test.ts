import { formatClaimCode, normalizeClaimCode } from '../../../core/members/claim-code';

describe('claim codes', () => {
  test('spaces and dashes people copy are ignored', () =>
    expect(normalizeClaimCode(' 1234-5678 ')).toBe('12345678'));
  test('anything but 8 digits is not a code', () => {
    expect(normalizeClaimCode('1234567')).toBeNull();
    expect(normalizeClaimCode('1234567a')).toBeNull();
  });
  test('codes are shown as two groups of four', () => expect(formatClaimCode('12345678')).toBe('1234 5678'));
});
