import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date a resident sees is in China Standard Time, whatever the server's zone (WeChat cloud runs in UTC). */
export const TIME_ZONE = 'Asia/Shanghai';

export function inShanghai(ms: number | Date): dayjs.Dayjs {
  return dayjs(ms).tz(TIME_ZONE);
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
