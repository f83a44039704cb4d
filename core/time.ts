import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Every date a resident sees is in China Standard Time, whatever the device's or server's zone (WeChat cloud
 * runs in UTC). China has kept UTC+8 all year since 1991, so a fixed offset is exact — and, unlike a named time
 * zone, needs no Intl time-zone data, which some phones' mini-program engines lack.
 */
export const TIME_ZONE = 'Asia/Shanghai';
const CHINA_OFFSET_MINUTES = 8 * 60;

export function inShanghai(ms: number | Date): dayjs.Dayjs {
  return dayjs(ms).utcOffset(CHINA_OFFSET_MINUTES);
}

/** 2026年11月22日 14:05 */
export function formatDateTime(ms: number): string {
  return inShanghai(ms).format('YYYY年M月D日 HH:mm');
}

/** 2026年11月22日 */
export function formatDate(ms: number): string {
  return inShanghai(ms).format('YYYY年M月D日');
}

export const DAY_MS = 86_400_000;

/** A date picker's `YYYY-MM-DD` and a time picker's `HH:mm`, read as China time; NaN when malformed. */
export function fromChinaPickers(date: string, time = '00:00'): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return NaN;
  return Date.parse(`${date}T${time}:00+08:00`);
}

/** The values a date picker and a time picker show for a moment, in China time. */
export function toChinaPickers(ms: number): { date: string; time: string } {
  const t = inShanghai(ms);
  return { date: t.format('YYYY-MM-DD'), time: t.format('HH:mm') };
}

/** A stored date (a Date from the database, or its JSON string) as milliseconds, as views send it. */
export const toMillis = (d: Date | string | number): number => new Date(d).getTime();

/** The same, keeping null (a date not set yet). */
export const toMillisOrNull = (d: Date | string | number | null): number | null =>
  d === null ? null : toMillis(d);
