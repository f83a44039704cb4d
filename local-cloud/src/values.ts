import { BSONRegExp, EJSON } from 'bson';
import { CloudError } from './errors';

/** A stored document. `_id` is a string or a number, as in WeChat cloud. */
export type Doc = { _id: DocId; [field: string]: unknown };
export type DocId = string | number;

const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u']);

/** Parses the SDK's EJSON strings into plain JS values (numbers, Dates, RegExps). */
export function parseEJSON(text: string, what: string): unknown {
  let parsed: unknown;
  try {
    parsed = EJSON.parse(text, { relaxed: true });
  } catch (e) {
    throw new CloudError('INVALID_PARAM', `${what} is not valid EJSON: ${(e as Error).message}`);
  }
  return normalize(parsed);
}

function normalize(value: unknown): unknown {
  if (value instanceof BSONRegExp) {
    const flags = [...value.options].filter((f) => JS_REGEX_FLAGS.has(f)).join('');
    return new RegExp(value.pattern, flags);
  }
  if (Array.isArray(value)) return value.map(normalize);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalize(v);
    return out;
  }
  return value;
}

/** Replaces `{"$tcb_server_date": {"offset": ms}}` (what `db.serverDate()` sends) with the server's time. */
export function resolveServerDates(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveServerDates(v, now));
  if (isPlainObject(value)) {
    const marker = value.$tcb_server_date;
    if (marker !== undefined && Object.keys(value).length === 1) {
      const offset = isPlainObject(marker) && typeof marker.offset === 'number' ? marker.offset : 0;
      return new Date(now + offset);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveServerDates(v, now);
    return out;
  }
  return value;
}

/** Serializes a value for the wire or the log. Relaxed EJSON keeps Dates and RegExps lossless. */
export function toEJSON(value: unknown): string {
  return EJSON.stringify(value, { relaxed: true });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Deep copy of document values; Dates and RegExps are copied, other class instances (BSON types) are immutable and shared. */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneValue(v);
    return out as T;
  }
  return value;
}

/**
 * A string that is equal for two values exactly when MongoDB would call them equal
 * (type-tagged, so that 1 and "1" differ; key order of objects matters, as in MongoDB).
 */
export function canonicalKey(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'n:NaN' : `n:${value}`;
  if (typeof value === 'string') return `s:${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `b:${value}`;
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (value instanceof RegExp) return `r:${value.source}/${value.flags}`;
  if (Array.isArray(value)) return `a:[${value.map(canonicalKey).join(',')}]`;
  if (isPlainObject(value)) {
    return `o:{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalKey(v)}`)
      .join(',')}}`;
  }
  return `x:${toEJSON(value)}`;
}

export function isDocId(value: unknown): value is DocId {
  return (
    (typeof value === 'string' && value.length > 0) || (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * MongoDB refuses field names that start with `$` (they would be read as operators); so does the real
 * cloud. Checking here also keeps the write-ahead log unambiguous.
 */
export function assertStorable(doc: Record<string, unknown>, path = ''): void {
  for (const [key, value] of Object.entries(doc)) {
    if (key.startsWith('$')) {
      throw new CloudError(
        'DATABASE_REQUEST_FAILED',
        `[FailedOperation] The dollar ($) prefixed field '${path}${key}' is not valid for storage.`,
      );
    }
    if (isPlainObject(value)) assertStorable(value, `${path}${key}.`);
    else if (Array.isArray(value)) {
      for (const item of value) if (isPlainObject(item)) assertStorable(item, `${path}${key}.`);
    }
  }
}

/** 32 lowercase hex characters, like the ids the real cloud generates for `add()`. */
export function newDocId(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return seconds + Buffer.from(bytes).toString('hex');
}
