import { formatDateTime } from '../../core/time';

test('times are shown in China Standard Time whatever the machine’s zone', () =>
  expect(formatDateTime(Date.UTC(2026, 10, 22, 16, 30))).toBe('2026年11月23日 00:30'));

test('China time is exact across a date line in the machine’s own zone', () => {
  expect(formatDateTime(Date.UTC(2026, 0, 1, 15, 59))).toBe('2026年1月1日 23:59');
  expect(formatDateTime(Date.UTC(2026, 0, 1, 16, 0))).toBe('2026年1月2日 00:00');
});
