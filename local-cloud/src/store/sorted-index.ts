import { compare } from 'mingo/util';
import { isPlainObject, type Doc } from '../values';

/**
 * A manifest index (or the implicit `_id` one) as the query planner uses it: the collection's documents sorted
 * by the index's fields in its directions, then by first insertion (what mingo's stable sort gives for equal
 * keys), so a query with equality on a prefix of the fields, a range on the next one and a sort on the rest
 * reads a slice in order and stops at its limit instead of sorting every match.
 *
 * Written here rather than taken from a B-tree package: the slice search is twenty lines over a sorted array,
 * the comparator must be mingo's own (`compare`, the order its `sort` uses) so that an index-served answer
 * equals a scanned one, and arrays of a town's size (tens of thousands) splice in microseconds.
 *
 * Built on first use and kept up to date from then on. A document with an array on an index path makes the
 * index multikey; the planner then leaves it alone (MongoDB's array semantics are mingo's to answer).
 */
export interface Row {
  key: unknown[];
  seq: number;
  doc: Doc;
}

export class SortedIndex {
  readonly fields: string[];
  readonly dirs: number[];
  private rows: Row[] | null = null;
  multikey = false;

  constructor(
    readonly name: string,
    keys: Record<string, number>,
  ) {
    this.fields = Object.keys(keys);
    this.dirs = this.fields.map((f) => (keys[f]! < 0 ? -1 : 1));
  }

  /** The index key of a document, or null when an index path meets an array. */
  keyOf(doc: Doc): unknown[] | null {
    const key: unknown[] = [];
    for (const field of this.fields) {
      let current: unknown = doc;
      for (const part of field.split('.')) {
        if (Array.isArray(current)) return null;
        current = isPlainObject(current) ? current[part] : undefined;
      }
      if (Array.isArray(current)) return null;
      key.push(current);
    }
    return key;
  }

  private cmp(a: Row, key: unknown[], seq: number): number {
    for (let i = 0; i < this.dirs.length; i++) {
      const c = compare(a.key[i] as never, key[i] as never) * this.dirs[i]!;
      if (c !== 0) return c;
    }
    return a.seq - seq;
  }

  /** First position in [lo, hi) where `pred` holds, for a predicate that is false and then true. */
  static firstWhere(rows: Row[], lo: number, hi: number, pred: (row: Row) => boolean): number {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pred(rows[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The sorted rows, building them from `docs` on first use; null once the index is multikey. */
  sorted(docs: () => Iterable<{ doc: Doc; seq: number }>): Row[] | null {
    if (this.multikey) return null;
    if (!this.rows) {
      const rows: Row[] = [];
      for (const { doc, seq } of docs()) {
        const key = this.keyOf(doc);
        if (!key) {
          this.multikey = true;
          return null;
        }
        rows.push({ key, seq, doc });
      }
      rows.sort((a, b) => this.cmp(a, b.key, b.seq));
      this.rows = rows;
    }
    return this.rows;
  }

  /** Keeps a built index current: `before` leaves it, `after` enters it (either may be absent). */
  change(before: { doc: Doc; seq: number } | undefined, after: { doc: Doc; seq: number } | undefined): void {
    const rows = this.rows;
    if (!rows || this.multikey) return;
    if (before) {
      const key = this.keyOf(before.doc)!;
      const at = SortedIndex.firstWhere(rows, 0, rows.length, (r) => this.cmp(r, key, before.seq) >= 0);
      if (rows[at]?.seq === before.seq) rows.splice(at, 1);
    }
    if (after) {
      const key = this.keyOf(after.doc);
      if (!key) {
        this.multikey = true;
        this.rows = null;
        return;
      }
      const at = SortedIndex.firstWhere(rows, 0, rows.length, (r) => this.cmp(r, key, after.seq) > 0);
      rows.splice(at, 0, { key, seq: after.seq, doc: after.doc });
    }
  }

  /** Forgets the rows (the collection's indexes were redefined). */
  reset(): void {
    this.rows = null;
    this.multikey = false;
  }
}
