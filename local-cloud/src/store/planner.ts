import { Query } from 'mingo';
import type { Options as MingoOptions } from 'mingo/types';
import { compare } from 'mingo/util';
import { isDocId, isPlainObject, type Doc } from '../values';
import { SortedIndex, type Row } from './sorted-index';

/** What the planner needs of a collection (engine.ts CollectionState). */
export interface Indexed {
  sorted: SortedIndex[];
  docs: Map<string, { doc: Doc; seq: number }>;
}

/**
 * An index read: `served` when the index gave the matches in the sort's order, skipped and limited (the final
 * answer before projection); otherwise `docs` are candidates, in insertion order, still to be filtered and
 * sorted like a scan's.
 */
export interface IndexRead {
  docs: Doc[];
  served: boolean;
  /** The index used (`_id_` for the implicit one). */
  index: string;
}

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

const isScalar = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date;

/** `_id` equality or `$in`: answered from the primary key map (engine.ts candidates), not here. */
const isIdLookup = (cond: unknown) =>
  isDocId(cond) ||
  (isPlainObject(cond) &&
    Object.keys(cond).length === 1 &&
    (isDocId(cond.$eq) || (Array.isArray(cond.$in) && cond.$in.every(isDocId))));

/** Top-level conditions, with `$and` conjuncts flattened (each still applies: the full query tests every row). */
function conditions(query: Record<string, unknown>, out: [string, unknown][] = []): [string, unknown][] {
  for (const [field, cond] of Object.entries(query)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) conditions(sub, out);
    } else if (!field.startsWith('$')) out.push([field, cond]);
  }
  return out;
}

/** Distinct values in mingo's order. */
function distinct(values: unknown[]): unknown[] {
  const sorted = [...values].sort((a, b) => compare(a as never, b as never));
  return sorted.filter((v, i) => i === 0 || compare(sorted[i - 1] as never, v as never) !== 0);
}

/** Index key combinations of the equality prefix: one per value of each field (`$in` lists several). */
const MAX_COMBINATIONS = 64;

/**
 * Chooses the index that serves a query as MongoDB's planner would for these shapes: equality (or `$in`) on a
 * prefix of its fields, then a range on the next field, then a sort on the following fields in the index's
 * directions. With `$in` the slices of each value are merged in the sort's order. Null when no index helps
 * (the engine scans). `$or` and conditions the index cannot use are left to the full query, which every
 * returned document still passes.
 */
export function planIndexRead(
  coll: Indexed,
  query: Record<string, unknown>,
  options: { sort?: Record<string, 1 | -1>; skip?: number; limit?: number },
  mingoOptions?: Partial<MingoOptions>,
): IndexRead | null {
  if (isIdLookup(query._id)) return null;
  const eq = new Map<string, unknown[]>();
  const range = new Map<string, Record<string, unknown>>();
  for (const [field, cond] of conditions(query)) {
    if (eq.has(field) || range.has(field)) continue;
    if (isScalar(cond)) eq.set(field, [cond]);
    else if (isPlainObject(cond)) {
      const ops = Object.keys(cond);
      if (ops.length === 1 && ops[0] === '$eq' && isScalar(cond.$eq)) eq.set(field, [cond.$eq]);
      else if (ops.length === 1 && ops[0] === '$in' && Array.isArray(cond.$in) && cond.$in.length > 0) {
        if (cond.$in.every(isScalar)) eq.set(field, distinct(cond.$in));
      } else if (ops.length > 0 && ops.every((o) => RANGE_OPS.has(o) && isScalar(cond[o])))
        range.set(field, cond);
    }
  }
  const sort = options.sort && Object.keys(options.sort).length > 0 ? options.sort : null;
  let best: { index: SortedIndex; k: number; useRange: boolean; serves: boolean; score: number } | null =
    null;
  for (const index of coll.sorted) {
    if (index.multikey) continue;
    let k = 0;
    let combinations = 1;
    while (k < index.fields.length && eq.has(index.fields[k]!)) {
      combinations *= eq.get(index.fields[k]!)!.length;
      if (combinations > MAX_COMBINATIONS) break;
      k++;
    }
    const next = index.fields[k];
    const useRange = next !== undefined && range.has(next);
    // The sort must be the index's next fields in its directions, down to its last field or to `_id`: rows
    // equal on the sort are then in insertion order, as a scan's stable sort leaves them.
    const keys = sort ? Object.keys(sort) : [];
    const serves =
      !!sort &&
      keys.every((f, i) => index.fields[k + i] === f && index.dirs[k + i] === (sort[f]! < 0 ? -1 : 1)) &&
      (k + keys.length === index.fields.length || keys.at(-1) === '_id');
    const score = k * 2 + (useRange ? 1 : 0) + (serves ? 1.5 : 0);
    if (score > 0 && (!best || score > best.score)) best = { index, k, useRange, serves, score };
  }
  if (!best) return null;
  const { index, k } = best;
  const rows = index.sorted(() => coll.docs.values());
  if (!rows) return null; // it turned out multikey while building
  let combos: unknown[][] = [[]];
  for (const field of index.fields.slice(0, k)) {
    combos = combos.flatMap((c) => eq.get(field)!.map((v) => [...c, v]));
  }
  const slices = combos.map((values) => slice(index, rows, k, values, best.useRange ? range : null));
  if (!best.serves) {
    const found = slices.flatMap(([lo, hi]) => rows.slice(lo, hi));
    found.sort((a, b) => a.seq - b.seq);
    return { docs: found.map((r) => r.doc), served: false, index: index.name };
  }
  const test = new Query(query, mingoOptions);
  let skip = options.skip ?? 0;
  const limit = options.limit ?? Infinity;
  const out: Doc[] = [];
  // Each slice is in (sort fields, insertion) order; merging them keeps that order across slices.
  const after = (a: Row, b: Row) => {
    for (let i = k; i < index.fields.length; i++) {
      const c = compare(a.key[i] as never, b.key[i] as never) * index.dirs[i]!;
      if (c !== 0) return c;
    }
    return a.seq - b.seq;
  };
  const heads = slices.map(([lo]) => lo);
  while (out.length < limit) {
    let pick = -1;
    for (let s = 0; s < slices.length; s++) {
      if (heads[s]! >= slices[s]![1]) continue;
      if (pick < 0 || after(rows[heads[s]!]!, rows[heads[pick]!]!) < 0) pick = s;
    }
    if (pick < 0) break;
    const doc = rows[heads[pick]!++]!.doc;
    if (!test.test(doc)) continue;
    if (skip > 0) skip--;
    else out.push(doc);
  }
  return { docs: out, served: true, index: index.name };
}

/** The rows [lo, hi) whose first k fields equal `values`, narrowed by the range on field k if any. */
function slice(
  index: SortedIndex,
  rows: Row[],
  k: number,
  values: unknown[],
  range: Map<string, Record<string, unknown>> | null,
): [number, number] {
  const prefix = (row: Row) => {
    for (let i = 0; i < k; i++) {
      const c = compare(row.key[i] as never, values[i] as never) * index.dirs[i]!;
      if (c !== 0) return c;
    }
    return 0;
  };
  let lo = SortedIndex.firstWhere(rows, 0, rows.length, (r) => prefix(r) >= 0);
  let hi = SortedIndex.firstWhere(rows, lo, rows.length, (r) => prefix(r) > 0);
  const bounds = range?.get(index.fields[k]!);
  if (bounds) {
    const dir = index.dirs[k]!;
    for (const [op, v] of Object.entries(bounds)) {
      const sat = (r: Row) => {
        const c = compare(r.key[k] as never, v as never);
        return op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0;
      };
      const lower = op === '$gt' || op === '$gte';
      // Along ascending keys a lower bound turns true and stays so; an upper bound turns false.
      if (lower === dir > 0) lo = SortedIndex.firstWhere(rows, lo, hi, sat);
      else hi = SortedIndex.firstWhere(rows, lo, hi, (r) => !sat(r));
    }
  }
  return [lo, hi];
}
