/**
 * The cron expressions of WeChat cloud timer triggers (定时触发器): seven fields
 * `second minute hour day month weekday year`, each a comma-separated list of `*`, a value `n`, or a range `a-b`,
 * any of them optionally followed by a step `/s` (`1/10` = from 1 every 10; `*` + `/5` = every 5). Months may be
 * written JAN–DEC, weekdays SUN–SAT (0 = Sunday). When both day and weekday are restricted (not `*`), a date
 * matches if either does. Times are China time (UTC+8, no daylight saving), whatever the host's time zone.
 */

/** China Standard Time, the time zone of WeChat cloud timer triggers. */
export const TRIGGER_UTC_OFFSET_MS = 8 * 3_600_000;
/** How far `nextFire` looks ahead before it gives up. */
export const SEARCH_LIMIT_MS = 5 * 366 * 86_400_000;

export class CronError extends Error {
  override name = 'CronError';
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  /** Names standing for min, min + 1, … */
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'weekday', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: 2099 },
];

/** A parsed expression: the allowed values of each field. */
export interface CronSchedule {
  readonly expression: string;
  /** Allowed values per field, in field order (second … year). */
  readonly fields: readonly ReadonlySet<number>[];
  /** Day and weekday are both restricted, so either matching is enough. */
  readonly dayOrWeekday: boolean;
  /** Whether the whole second containing `ms` matches (in UTC+8). */
  matches(ms: number): boolean;
}

function parseValue(token: string, spec: FieldSpec, fail: (why: string) => never): number {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    if (n < spec.min || n > spec.max) fail(`${token} is outside ${spec.min}-${spec.max}`);
    return n;
  }
  const i = spec.names?.indexOf(token.toUpperCase()) ?? -1;
  if (i === -1) {
    fail(`"${token}" is not a number${spec.names ? ` or one of ${spec.names[0]}-${spec.names.at(-1)}` : ''}`);
  }
  return spec.min + i;
}

function parseField(text: string, spec: FieldSpec, expression: string): Set<number> {
  const fail: (why: string) => never = (why) => {
    throw new CronError(`cron "${expression}": ${spec.name} field "${text}": ${why}`);
  };
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|[A-Za-z0-9]+)(?:-([A-Za-z0-9]+))?(?:\/(\d+))?$/.exec(part);
    if (!m || (m[1] === '*' && m[2] !== undefined)) {
      fail(`"${part}" is not *, a value, a range a-b, or one of them with /step`);
    }
    const [, from, to, stepText] = m;
    const lo = from === '*' ? spec.min : parseValue(from!, spec, fail);
    const hi =
      to !== undefined ? parseValue(to, spec, fail) : from === '*' || stepText !== undefined ? spec.max : lo;
    if (lo > hi) fail(`range ${from}-${to} runs backwards`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1 || step > spec.max - spec.min + 1) {
      fail(`step ${stepText} must be from 1 to ${spec.max - spec.min + 1}`);
    }
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return values;
}

/** Parses a 7-field timer-trigger expression; throws CronError naming the field at fault. */
export function parseCron(expression: string): CronSchedule {
  if (typeof expression !== 'string') throw new CronError('a cron expression must be a string');
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== FIELDS.length || parts[0] === '') {
    throw new CronError(
      `cron "${expression}": needs 7 fields (second minute hour day month weekday year), got ${parts[0] === '' ? 0 : parts.length}`,
    );
  }
  const fields = parts.map((text, i) => parseField(text, FIELDS[i]!, expression));
  const schedule: CronSchedule = {
    expression,
    fields,
    dayOrWeekday: parts[3] !== '*' && parts[5] !== '*',
    matches(ms: number) {
      const local = new Date(ms + TRIGGER_UTC_OFFSET_MS);
      const [seconds, minutes, hours, , months, , years] = fields;
      return (
        years!.has(local.getUTCFullYear()) &&
        months!.has(local.getUTCMonth() + 1) &&
        dayMatches(schedule, local) &&
        hours!.has(local.getUTCHours()) &&
        minutes!.has(local.getUTCMinutes()) &&
        seconds!.has(local.getUTCSeconds())
      );
    },
  };
  return schedule;
}

/** Day and weekday of a UTC+8 wall-clock date (held in a Date's UTC fields). */
function dayMatches(schedule: CronSchedule, local: Date): boolean {
  const day = schedule.fields[3]!.has(local.getUTCDate());
  const weekday = schedule.fields[5]!.has(local.getUTCDay());
  return schedule.dayOrWeekday ? day || weekday : day && weekday;
}

/**
 * The first whole second strictly after `afterMs` (epoch ms) that the expression matches, as epoch ms; null
 * when none comes within SEARCH_LIMIT_MS (about five years) or before the year field's end (2099).
 */
export function nextFire(expression: string | CronSchedule, afterMs: number): number | null {
  const schedule = typeof expression === 'string' ? parseCron(expression) : expression;
  const [seconds, minutes, hours, , months, , years] = schedule.fields;
  const local = (y: number, mo: number, d = 1, h = 0, mi = 0, s = 0) =>
    Date.UTC(y, mo, d, h, mi, s) - TRIGGER_UTC_OFFSET_MS;
  const limit = afterMs + SEARCH_LIMIT_MS;
  let t = Math.floor(afterMs / 1000) * 1000 + 1000;
  while (t <= limit) {
    const d = new Date(t + TRIGGER_UTC_OFFSET_MS);
    const [y, mo, day, h, mi, s] = [
      d.getUTCFullYear(),
      d.getUTCMonth(),
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ];
    if (y > 2099) return null;
    if (!years!.has(y)) t = local(y + 1, 0);
    else if (!months!.has(mo + 1)) t = local(y, mo + 1);
    else if (!dayMatches(schedule, d)) t = local(y, mo, day + 1);
    else if (!hours!.has(h)) t = local(y, mo, day, h + 1);
    else if (!minutes!.has(mi)) t = local(y, mo, day, h, mi + 1);
    else if (!seconds!.has(s)) t = local(y, mo, day, h, mi, s + 1);
    else return t;
  }
  return null;
}
