import { DAY_MS, inShanghai } from '../time';
import { APPEAL_DAYS, MONTH_PATTERN, RESTRICTION_MONTHS, type HonorList } from './contract';
import type { RestrictionState } from './views';

/** The honor domain's pure rules: months, the restriction and appeal windows, and masked names. */

// ------------------------------------------------------------------------------------------------ months

/** The month a moment falls in, China time: `2026-11`. */
export function monthOf(ms: number): string {
  return inShanghai(ms).format('YYYY-MM');
}

/** 2026年11月 */
export function monthLabel(month: string): string {
  const m = MONTH_PATTERN.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

/** A village's board of a month: one per village and month, so its id is deterministic. */
export const boardId = (villageId: string, month: string) => `${villageId}_${month}`;

// ------------------------------------------------------------------------------------------------ time rules

/**
 * When a black-list restriction ends: the same moment 3 calendar months after publication, in China time. A
 * day that the end month lacks is clamped to its last day (published 11月30日 → ends 2月28日 or 29日).
 */
export function restrictionEndsAt(publishedAt: number): number {
  return inShanghai(publishedAt).add(RESTRICTION_MONTHS, 'month').valueOf();
}

/**
 * Where a restriction stands at `now`: lifted (re-assessed, or its entry revoked on appeal), expired (it
 * lifts by itself at `endsAt`, exactly), or active.
 */
export function restrictionState(
  r: { endsAt: number; liftedAt: number | null },
  now: number,
): RestrictionState {
  if (r.liftedAt !== null && r.liftedAt <= now) return 'lifted';
  return now >= r.endsAt ? 'expired' : 'active';
}

/**
 * The last moment to appeal: the end of the 15th day after the day of publication, China time (published
 * 11月1日 10:00 → until 11月16日 24:00), so that a household always has 15 whole days.
 */
export function appealDeadline(publishedAt: number): number {
  return inShanghai(publishedAt).startOf('day').valueOf() + (APPEAL_DAYS + 1) * DAY_MS;
}

// ------------------------------------------------------------------------------------------------ names

/**
 * A name as the black list shows it when the village masks names (the default): the first and last
 * characters kept, the middle starred — 张小明 → 张*明, 欧阳修文 → 欧**文, 张三 → 张*. Characters, not UTF-16
 * units, so rare characters outside the basic plane count as one.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Red-list names are always shown in full; black-list names are masked unless the village decided otherwise. */
export function shownName(name: string, list: HonorList, maskBlackNames: boolean): string {
  return list === 'black' && maskBlackNames ? maskName(name) : name;
}
