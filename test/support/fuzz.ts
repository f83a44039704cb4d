import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { ACCESS, accessOf } from '../../core/access';
import { columnAllowed } from '../../scripts/tools/access-matrix';
import { AGENDA_ERROR_CODES, agendaInput } from '../../core/agenda';
import type { FunctionName } from '../../core/api';
import { briefingsInput } from '../../core/briefings';
import { DEMO_IDENTITIES, DEMO_VILLAGES } from '../../scripts/demo/identities';
import { dividendsInput } from '../../core/dividends';
import { GROUP_CODES } from '../../core/groups';
import { honorInput } from '../../core/honor';
import { membersInput } from '../../core/members';
import { noticesInput } from '../../core/notices';
import { BASE_ERROR_CODES, fail } from '../../core/result';
import type { InvocationReport, LocalCloud } from '../../local-cloud';
import { digest, startAppCloud } from './app-cloud';
import { pool } from './pool';

/**
 * Fuzzing every action of a cloud function (issue 9): random and malformed events, as random demo identities,
 * through the real wx-server-sdk against the local cloud. Events are drawn with fast-check from each action's
 * own input schema — the real field names with values of the right type (enum members, ids that exist, dates)
 * or wild ones (wrong types, huge strings, deep nesting, `__proto__`/`constructor`/`prototype` keys, unicode
 * edge cases), fields left out, extra fields added — so that many events pass validation and reach the
 * command's logic, and the rest probe the validation itself.
 *
 * Every answer must be the function's structured result: `{ok: true, data}` or `{ok: false, error: {code,
 * message}}` with a known code and a Chinese message, never INTERNAL (an exception the command did not expect),
 * never a crashed or timed-out invocation. A refused call must change no document: its request log shows no
 * write that changed anything, and the database digest is compared around every batch in which no call wrote.
 */

/** Events per action (the issue asks for at least 2,000); FUZZ_RUNS overrides, FUZZ_SEED explores other draws. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
/** Calls in flight at once (the runner keeps up to 8 instances of a function). */
const CONCURRENCY = 12;
/** Calls between two database digests. */
const BATCH = 1000;

export const FUNCTION_INPUTS: Record<FunctionName, Record<string, unknown>> = {
  members: membersInput,
  agenda: agendaInput,
  briefings: briefingsInput,
  honor: honorInput,
  notices: noticesInput,
  dividends: dividendsInput,
};

/**
 * Refusals that write on purpose, and where: counting a wrong claim code is what stops guessing (5 an hour),
 * so it must survive the refusal. Nothing else may write when it refuses.
 */
const REFUSAL_WRITES: Record<string, { codes: string[]; collections: string[] }> = {
  'members.claimWithCode': { codes: ['NOT_FOUND', 'CONFLICT'], collections: ['rateLimits'] },
};

export const FUZZ_IDENTITIES: (string | null)[] = [
  ...DEMO_IDENTITIES.map((d) => d.openid),
  'demo-resident-150',
  'fuzz-stranger',
  null,
];

const SPECIAL_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '$where',
  '$set',
  '_id',
  '_openid',
  'userInfo',
  'roles',
  'openid',
  'length',
  'then',
];

const ODD_TEXT = [
  '',
  ' ',
  '   中海村   ',
  '\u0000',
  '\uFEFF',
  '\u200B\u200D',
  '\u202Eevil',
  '\uD800',
  '\uDFFF',
  '𠀀𪚥',
  '👨‍👩‍👧‍👦',
  'e\u0301',
  '\n\r\t',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  "' OR 1=1 --",
  '../../etc/passwd',
  '{"$gt":""}',
  'NaN',
  '-0',
  '1e309',
  '0x10',
  'null',
  'undefined',
  '[object Object]',
];

const HUGE_TEXT = ['x'.repeat(70_000), '中'.repeat(20_000), '👍'.repeat(12_000), ' '.repeat(50_000)];

/** An object whose keys may be `__proto__` and friends as own properties (as JSON.parse makes them). */
function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const deep = fc.tuple(fc.integer({ min: 20, max: 1000 }), fc.boolean()).map(([depth, asArray]) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
});

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e21, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...ODD_TEXT),
);

const specialObject = (value: fc.Arbitrary<unknown>) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...SPECIAL_KEYS), fc.string({ maxLength: 10 })), value), {
      maxLength: 5,
    })
    .map(ownObject);

/** Anything a caller could put in a field: wrong types, huge strings, deep nesting, special keys. */
const wild: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_TEXT) },
  { weight: 1, arbitrary: deep },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 6 }) },
  { weight: 2, arbitrary: specialObject(scalar) },
  { weight: 1, arbitrary: specialObject(specialObject(scalar)) },
);

interface ZodDef {
  type: string;
  shape?: Record<string, { _zod: { def: ZodDef } }>;
  innerType?: { _zod: { def: ZodDef } };
  in?: { _zod: { def: ZodDef } };
  element?: { _zod: { def: ZodDef } };
  options?: { _zod: { def: ZodDef } }[];
  valueType?: { _zod: { def: ZodDef } };
  entries?: Record<string, string | number>;
  values?: unknown[];
}

const defOf = (schema: unknown): ZodDef => (schema as { _zod: { def: ZodDef } })._zod.def;

/** Strings that mean something here: ids of what the database holds, villages, groups, dates. */
export interface Plausible {
  strings: string[];
}

/** A value the schema might accept (the right type, often a real id or enum member), or a wild one. */
function valueFor(def: ZodDef, plausible: Plausible, depth: number): fc.Arbitrary<unknown> {
  const typed = typedValue(def, plausible, depth);
  return fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: wild });
}

function typedValue(def: ZodDef, plausible: Plausible, depth: number): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return typedValue(defOf(def.innerType), plausible, depth);
    case 'pipe':
      return typedValue(defOf(def.in), plausible, depth);
    case 'string':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...plausible.strings) },
        { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_TEXT) },
      );
    case 'number':
    case 'int':
    case 'bigint':
      return fc.oneof(
        fc.integer({ min: -5, max: 1000 }),
        fc.integer(),
        fc.constantFrom(Date.now(), Date.now() + 3_600_000, Date.now() - 86_400_000, 1_600_000_000_000),
        fc.double(),
      );
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { none: 'none' }));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'array':
      return depth > 3
        ? wild
        : fc.array(typedValue(defOf(def.element), plausible, depth + 1), { maxLength: 5 });
    case 'object':
      return depth > 3 ? wild : objectFor(def, plausible, depth + 1);
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => typedValue(defOf(o), plausible, depth)));
    case 'record':
      return fc.dictionary(
        fc.constantFrom(...plausible.strings.slice(0, 20), '__proto__', 'constructor'),
        typedValue(defOf(def.valueType), plausible, depth + 1),
        { maxKeys: 4 },
      );
    default:
      return wild;
  }
}

/** The schema's fields, any of them left out, each typed or wild, and sometimes extra keys. */
function objectFor(def: ZodDef, plausible: Plausible, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const shape = def.shape ?? {};
  const fields = Object.fromEntries(
    Object.entries(shape).map(([k, s]) => [k, valueFor(defOf(s), plausible, depth)]),
  );
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant([] as [string, unknown][]) },
        {
          weight: 1,
          arbitrary: fc.array(fc.tuple(fc.constantFrom(...SPECIAL_KEYS, 'extra', 'x'), wild), {
            maxLength: 3,
          }),
        },
      ),
    )
    .map(([known, extra]) => ownObject([...Object.entries(known), ...extra]));
}

/** The payload of one event for `schema` (the action is added by the caller). */
export function payloadFor(schema: unknown, plausible: Plausible): fc.Arbitrary<Record<string, unknown>> {
  const def = defOf(schema);
  const shaped = def.type === 'object' ? objectFor(def, plausible, 0) : typedValue(def, plausible, 0);
  return fc.oneof(
    { weight: 6, arbitrary: shaped as fc.Arbitrary<Record<string, unknown>> },
    { weight: 2, arbitrary: specialObject(wild) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

/** What the demo database holds that an event might name: every document id, plus villages, groups, months. */
export function plausibleOf(cloud: LocalCloud): Plausible {
  const ids = new Set<string>([
    ...DEMO_VILLAGES.map((v) => v.id),
    ...GROUP_CODES,
    ...DEMO_IDENTITIES.map((d) => d.openid),
    '2025-11',
    '2026-10',
    '2025',
    'town',
    'village:zhonghai',
    '12345678',
  ]);
  for (const name of cloud.store.engine.collectionNames()) {
    if (name.startsWith('$')) continue;
    for (const doc of cloud.dump(name).slice(0, 40)) {
      if (typeof doc._id === 'string') ids.add(doc._id);
    }
  }
  return { strings: [...ids] };
}

export interface FuzzEvent {
  openid: string | null;
  event: Record<string, unknown>;
}

/** The events for one action, the same on every run (seeded by the action's name). */
export function eventsFor(fn: FunctionName, action: string, plausible: Plausible): FuzzEvent[] {
  const schema = FUNCTION_INPUTS[fn][action];
  if (!schema) throw new Error(`no input schema for ${fn}.${action}`);
  const arb = fc.record({
    openid: fc.constantFrom(...FUZZ_IDENTITIES),
    payload: payloadFor(schema, plausible),
  });
  const seed = (SEED ^ createHash('sha256').update(`${fn}.${action}`).digest().readInt32LE(0)) | 0;
  return fc.sample(arb, { numRuns: FUZZ_RUNS, seed }).map(({ openid, payload }) => ({
    openid,
    event: ownObject([...Object.entries(payload), ['action', action]]),
  }));
}

const KNOWN_CODES = new Set<string>([...BASE_ERROR_CODES, ...AGENDA_ERROR_CODES]);

/** Why one answer breaks the rules, or null when it is fine. */
export function problemOf(fn: string, action: string, report: InvocationReport): string | null {
  if (!report.ok) return `the invocation failed: ${report.error?.code} ${report.error?.message}`;
  const result = report.result as {
    ok?: unknown;
    data?: unknown;
    error?: { code?: unknown; message?: unknown };
  };
  if (!result || typeof result !== 'object') return `not a result: ${JSON.stringify(result)}`;
  if (result.ok === true) return 'data' in result ? null : 'ok without data';
  if (result.ok !== false) return `not a result: ${JSON.stringify(result).slice(0, 200)}`;
  const { code, message } = result.error ?? {};
  if (code === 'INTERNAL')
    return `INTERNAL (an unexpected exception): ${report.logs.join(' ').slice(0, 400)}`;
  if (typeof code !== 'string' || !KNOWN_CODES.has(code)) return `unknown error code ${String(code)}`;
  if (typeof message !== 'string' || !/[\u4e00-\u9fff]/.test(message))
    return `no Chinese message: ${String(message)}`;
  const writes = writesOf(report);
  if (writes.length) {
    const allowed = REFUSAL_WRITES[`${fn}.${action}`];
    const onPurpose = allowed?.codes.includes(code) && writes.every((c) => allowed.collections.includes(c));
    if (!onPurpose) return `refused with ${code} but wrote to ${writes.join(', ')}`;
  }
  return null;
}

/** Collections an invocation changed (its request log: writes and transaction commits that changed documents). */
function writesOf(report: InvocationReport): string[] {
  return report.requests
    .filter((r) => (r.kind === 'write' || r.kind === 'transaction') && r.docs > 0)
    .map((r) => r.collection ?? 'transaction');
}

export interface FuzzSummary {
  calls: number;
  accepted: number;
  refusedByCode: Record<string, number>;
  /** Batches whose digest was compared (no call in them wrote). */
  batchesCompared: number;
  problems: string[];
}

/** Sends the events, CONCURRENCY at a time, and checks every answer and the digest around write-free batches. */
export async function fuzzAction(
  cloud: LocalCloud,
  fn: FunctionName,
  action: string,
  events: FuzzEvent[],
): Promise<FuzzSummary> {
  const summary: FuzzSummary = { calls: 0, accepted: 0, refusedByCode: {}, batchesCompared: 0, problems: [] };
  for (let start = 0; start < events.length; start += BATCH) {
    const batch = events.slice(start, start + BATCH);
    const before = digest(cloud);
    let wrote = false;
    await pool(batch, CONCURRENCY, async ({ openid, event }) => {
      const report = await cloud.invoke(fn, event, openid ? { openid } : {});
      summary.calls += 1;
      if (writesOf(report).length) wrote = true;
      const result = report.result as { ok?: boolean; error?: { code: string } } | undefined;
      if (result?.ok) summary.accepted += 1;
      else if (result?.error)
        summary.refusedByCode[result.error.code] = (summary.refusedByCode[result.error.code] ?? 0) + 1;
      const problem = problemOf(fn, action, report);
      if (problem && summary.problems.length < 20) {
        summary.problems.push(
          `${fn}.${action} as ${openid}: ${problem}\n  event: ${JSON.stringify(event).slice(0, 300)}`,
        );
      }
    });
    if (!wrote) {
      summary.batchesCompared += 1;
      if (digest(cloud) !== before)
        summary.problems.push(`${fn}.${action}: the database changed in a batch where no call wrote`);
    }
  }
  return summary;
}

/** Every action of `fn` the authorization matrix lists. */
export const actionsOf = (fn: FunctionName): string[] => Object.keys(ACCESS[fn]);

/**
 * The fuzz suite of one function: FUZZ_RUNS events for each of its actions, on one local cloud with the demo
 * data (the state the events leave behind carries over, as it would in production), then a check that the
 * instances that took the hostile events still refuse a plain resident what the matrix denies them (nothing
 * like a polluted prototype granted a role).
 */
export function describeFuzz(fn: FunctionName): void {
  let cloud: LocalCloud;
  let plausible: Plausible;
  const summaries: string[] = [];
  let compared = 0;
  beforeAll(async () => {
    cloud = await startAppCloud();
    plausible = plausibleOf(cloud);
  });
  afterAll(async () => {
    console.log(`fuzz ${fn}: accepted / refused by code per action\n${summaries.join('\n')}`);
    await cloud.stop();
  });

  describe.each(actionsOf(fn))(`${fn}.%s`, (action) => {
    test(`${FUZZ_RUNS} random and malformed events: structured answers, refusals change nothing`, async () => {
      const summary = await fuzzAction(cloud, fn, action, eventsFor(fn, action, plausible));
      summaries.push(`  ${action}: ${summary.accepted} ok, ${JSON.stringify(summary.refusedByCode)}`);
      expect(summary.problems).toEqual([]);
      expect(summary.calls).toBe(FUZZ_RUNS);
      compared += summary.batchesCompared;
    }, 120_000);
  });

  test('the database digest was compared around write-free batches', () => {
    expect(compared).toBeGreaterThan(0);
  });

  test('after the fuzzing, a resident is still refused what the matrix denies residents', async () => {
    const denied = actionsOf(fn).filter((a) => !columnAllowed(accessOf(fn, a)!, 'resident'));
    for (const action of denied) {
      const res = await cloud.call(fn, { action }, { openid: 'demo-resident-001' });
      expect([action, res]).toEqual([action, fail('FORBIDDEN')]);
    }
  });
}
