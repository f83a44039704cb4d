import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { CronError, nextFire, parseCron } from '../../local-cloud/src/cron';

/** Epoch ms of a China (UTC+8) wall-clock time; month 1-12. */
const cst = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The next `n` firings after `after`, as UTC ISO strings. */
function fires(expression: string, after: number, n: number): (string | null)[] {
  const out: (string | null)[] = [];
  let t: number | null = after;
  for (let i = 0; i < n && t !== null; i++) {
    t = nextFire(expression, t);
    out.push(iso(t));
  }
  return out;
}

describe('nextFire', () => {
  test('WeChat’s example: 02:00 on the 1st of every month, China time', () => {
    expect(fires('0 0 2 1 * * *', cst(2026, 3, 15, 12), 2)).toEqual([
      '2026-03-31T18:00:00.000Z', // 1 April 02:00 in Beijing
      '2026-04-30T18:00:00.000Z',
    ]);
  });

  test('is the next whole second strictly after the given time', () => {
    const t = cst(2026, 5, 1, 9, 30, 0);
    expect(nextFire('* * * * * * *', t)).toBe(t + 1000);
    expect(nextFire('* * * * * * *', t + 1)).toBe(t + 1000);
    expect(nextFire('* * * * * * *', t + 999)).toBe(t + 1000);
    expect(nextFire('0 30 9 * * * *', t)).toBe(cst(2026, 5, 2, 9, 30, 0));
    expect(nextFire('0 30 9 * * * *', t - 1)).toBe(t);
  });

  test('every wildcard form: *, */n, a/n, a-b, a-b/n, a,b,c', () => {
    const t = cst(2026, 1, 1, 10, 0, 0);
    expect(fires('*/5 * * * * * *', t + 3000, 3)).toEqual([iso(t + 5000), iso(t + 10_000), iso(t + 15_000)]);
    // 1/10 in the minute field: from minute 1, every 10 minutes.
    expect(fires('0 1/10 * * * * *', t, 7)).toEqual(
      [1, 11, 21, 31, 41, 51, 61].map((m) => iso(t + m * 60_000)),
    );
    // 1-15 in the day field: the 1st to the 15th.
    expect(fires('0 0 0 1-15 * * *', cst(2026, 1, 14), 3)).toEqual([
      iso(cst(2026, 1, 15)),
      iso(cst(2026, 2, 1)),
      iso(cst(2026, 2, 2)),
    ]);
    // 1,2,3 in the hour field.
    expect(fires('0 0 1,2,3 * * * *', cst(2026, 1, 1, 2, 30), 3)).toEqual([
      iso(cst(2026, 1, 1, 3)),
      iso(cst(2026, 1, 2, 1)),
      iso(cst(2026, 1, 2, 2)),
    ]);
    // A range with a step, and a list mixing forms.
    expect(fires('0 10-40/15 8 * * * *', cst(2026, 1, 1), 4)).toEqual([
      iso(cst(2026, 1, 1, 8, 10)),
      iso(cst(2026, 1, 1, 8, 25)),
      iso(cst(2026, 1, 1, 8, 40)),
      iso(cst(2026, 1, 2, 8, 10)),
    ]);
    expect(fires('0 0 0 1,10-11,28/2 * * *', cst(2026, 1, 1), 5)).toEqual([
      iso(cst(2026, 1, 10)),
      iso(cst(2026, 1, 11)),
      iso(cst(2026, 1, 28)),
      iso(cst(2026, 1, 30)),
      iso(cst(2026, 2, 1)),
    ]);
    // WeChat's common expressions.
    expect(nextFire('0 */30 9-17 * * * *', cst(2026, 1, 1, 17, 30))).toBe(cst(2026, 1, 2, 9));
    expect(nextFire('0 0 10,14,16 * * * *', cst(2026, 1, 1, 14))).toBe(cst(2026, 1, 1, 16));
  });

  test('month and weekday names, in any case', () => {
    // 2026-03-14 is a Saturday.
    expect(fires('0 15 10 * * MON-FRI *', cst(2026, 3, 13, 11), 2)).toEqual([
      iso(cst(2026, 3, 16, 10, 15)),
      iso(cst(2026, 3, 17, 10, 15)),
    ]);
    expect(nextFire('0 0 12 * * wed *', cst(2026, 3, 14))).toBe(cst(2026, 3, 18, 12));
    expect(nextFire('0 0 0 1 DEC * *', cst(2026, 3, 14))).toBe(cst(2026, 12, 1));
    expect(nextFire('0 0 0 1 jan,Jul * *', cst(2026, 3, 14))).toBe(cst(2026, 7, 1));
    // 0 is Sunday; SUN-SAT covers the week.
    expect(nextFire('0 0 0 * * 0 *', cst(2026, 3, 14))).toBe(cst(2026, 3, 15));
    expect(nextFire('0 0 0 * * SUN-SAT *', cst(2026, 3, 14))).toBe(cst(2026, 3, 15));
  });

  test('day and weekday both restricted are OR-ed; with one of them * only the other counts', () => {
    // From Friday 13 March 2026: every Friday, and every 13th.
    expect(fires('0 0 0 13 * FRI *', cst(2026, 3, 13), 6)).toEqual([
      iso(cst(2026, 3, 20)),
      iso(cst(2026, 3, 27)),
      iso(cst(2026, 4, 3)),
      iso(cst(2026, 4, 10)),
      iso(cst(2026, 4, 13)), // a Monday
      iso(cst(2026, 4, 17)),
    ]);
    expect(fires('0 0 0 * * FRI *', cst(2026, 4, 10), 2)).toEqual([
      iso(cst(2026, 4, 17)),
      iso(cst(2026, 4, 24)),
    ]);
    expect(fires('0 0 0 13 * * *', cst(2026, 3, 13), 2)).toEqual([
      iso(cst(2026, 4, 13)),
      iso(cst(2026, 5, 13)),
    ]);
    expect(parseCron('0 0 0 13 * FRI *').dayOrWeekday).toBe(true);
    expect(parseCron('0 0 0 * * FRI *').dayOrWeekday).toBe(false);
  });

  test('times are China time (UTC+8), including the date and weekday at midnight', () => {
    // Midnight in Beijing is 16:00 UTC the day before.
    expect(nextFire('0 0 0 * * * *', Date.UTC(2026, 0, 1, 0, 0, 0))).toBe(Date.UTC(2026, 0, 1, 16));
    // 07:00 Monday in Beijing is 23:00 Sunday in UTC.
    const monday7 = nextFire('0 0 7 * * MON *', Date.UTC(2026, 10, 22, 0))!;
    expect(iso(monday7)).toBe('2026-11-22T23:00:00.000Z');
    // The 1st of the month in Beijing starts on the last day of the previous month in UTC.
    expect(iso(nextFire('0 0 3 1 * * *', Date.UTC(2026, 10, 15)))).toBe('2026-11-30T19:00:00.000Z');
    expect(parseCron('0 0 7 * * MON *').matches(monday7)).toBe(true);
    expect(parseCron('0 0 7 * * MON *').matches(monday7 + 1000)).toBe(false);
    expect(parseCron('0 0 7 * * MON *').matches(monday7 + 999)).toBe(true);
  });

  test('does not depend on the host’s time zone', () => {
    const cron = path.join(__dirname, '..', '..', 'local-cloud', 'src', 'cron.ts');
    const script = `const { nextFire } = require(${JSON.stringify(cron)});
      const after = Date.UTC(2026, 2, 28, 12);
      process.stdout.write(JSON.stringify(['0 0 2 * * * *', '0 30 1 29 3 SUN *', '0 0 0 1 * * *'].map((e) => nextFire(e, after))));`;
    const here = ['0 0 2 * * * *', '0 30 1 29 3 SUN *', '0 0 0 1 * * *'].map((e) =>
      nextFire(e, Date.UTC(2026, 2, 28, 12)),
    );
    // Los Angeles and Berlin change to summer time around these dates; Shanghai itself has no DST.
    for (const TZ of ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Shanghai']) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
        env: { ...process.env, TZ },
        encoding: 'utf8',
      });
      expect(JSON.parse(out)).toEqual(here);
    }
    expect(here.map(iso)).toEqual([
      '2026-03-28T18:00:00.000Z',
      '2026-03-28T17:30:00.000Z',
      '2026-03-31T16:00:00.000Z',
    ]);
  });

  test('the year field: one year, a range, leap days, and none left', () => {
    expect(nextFire('0 0 0 1 1 * 2030', cst(2026, 6, 1))).toBe(cst(2030, 1, 1));
    expect(fires('0 0 12 1 1 * 2026-2027', cst(2025, 6, 1), 3)).toEqual([
      iso(cst(2026, 1, 1, 12)),
      iso(cst(2027, 1, 1, 12)),
      null,
    ]);
    expect(nextFire('0 0 0 29 2 * *', cst(2026, 1, 1))).toBe(cst(2028, 2, 29));
    expect(nextFire('0 0 0 1 1 * 2020', cst(2026, 1, 1))).toBeNull(); // in the past
    expect(nextFire('0 0 0 1 1 * 2099', cst(2026, 1, 1))).toBeNull(); // beyond the five-year search
    expect(nextFire('0 0 0 30 2 * *', cst(2026, 1, 1))).toBeNull(); // 30 February never comes
    expect(nextFire('0 0 0 31 12 * 2099', cst(2099, 12, 30))).toBe(cst(2099, 12, 31));
    expect(nextFire('* * * * * * *', cst(2099, 12, 31, 23, 59, 59))).toBeNull(); // after 2099
  });
});

describe('parseCron rejects what WeChat does not accept', () => {
  test.each([
    ['', /needs 7 fields .*got 0/],
    ['0 0 2 1 *', /needs 7 fields .*got 5/],
    ['0 0 2 1 * *', /needs 7 fields .*got 6/],
    ['0 0 2 1 * * * *', /needs 7 fields .*got 8/],
    ['60 * * * * * *', /second field "60": 60 is outside 0-59/],
    ['* 60 * * * * *', /minute field "60": 60 is outside 0-59/],
    ['* * 24 * * * *', /hour field "24": 24 is outside 0-23/],
    ['* * * 0 * * *', /day field "0": 0 is outside 1-31/],
    ['* * * 32 * * *', /day field "32": 32 is outside 1-31/],
    ['* * * * 13 * *', /month field "13": 13 is outside 1-12/],
    ['* * * * 0 * *', /month field "0": 0 is outside 1-12/],
    ['* * * * * 7 *', /weekday field "7": 7 is outside 0-6/],
    ['* * * * * * 1969', /year field "1969": 1969 is outside 1970-2099/],
    ['* * * * * * 2100', /year field "2100"/],
    ['*/0 * * * * * *', /second field "\*\/0": step 0 must be from 1 to 60/],
    ['*/61 * * * * * *', /step 61 must be from 1 to 60/],
    ['* * 5-1 * * * *', /hour field "5-1": range 5-1 runs backwards/],
    ['* * * ? * * *', /day field "\?"/],
    ['* * * L * * *', /day field "L": "L" is not a number/],
    ['* * * * FOO * *', /month field "FOO": "FOO" is not a number or one of JAN-DEC/],
    ['* * * * MON * *', /month field "MON"/],
    ['* * * * * JAN *', /weekday field "JAN": .*SUN-SAT/],
    ['1,,2 * * * * * *', /second field "1,,2": "" is not/],
    ['1- * * * * * *', /second field "1-"/],
    ['*-5 * * * * * *', /second field "\*-5"/],
    ['-1 * * * * * *', /second field "-1"/],
    ['1.5 * * * * * *', /second field "1.5"/],
  ])('%j', (expression, message) => {
    expect(() => parseCron(expression)).toThrow(CronError);
    expect(() => parseCron(expression)).toThrow(message);
  });

  test('accepts extra spaces between fields', () => {
    expect(nextFire('  0  0 2   1 * *  * ', cst(2026, 3, 15))).toBe(cst(2026, 4, 1, 2));
  });
});
