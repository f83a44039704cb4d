import { Aggregator, find as mingoFind, update as mingoUpdate } from 'mingo';
import type { Options as MingoOptions } from 'mingo/types';
import { jsonSchemaValidator } from './json-schema';
import { planIndexRead } from './planner';
import { SortedIndex } from './sorted-index';
import { CloudError, MESSAGES } from '../errors';
import {
  assertStorable,
  canonicalKey,
  cloneValue,
  isDocId,
  isPlainObject,
  newDocId,
  toEJSON,
  type Doc,
  type DocId,
} from '../values';

/** An index as declared in the collections manifest: `{name, keys: {field: 1 | -1}, unique}`. */
export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

/**
 * One physical change. A committed request or transaction is a list of these, logged as one line and
 * applied in one event-loop turn, so that it is all-or-nothing both live and on replay.
 */
export type WalOp =
  | { op: 'coll'; c: string; indexes: IndexSpec[] }
  | { op: 'drop'; c: string }
  | { op: 'put'; c: string; doc: Doc }
  | { op: 'del'; c: string; id: DocId };

export interface FindOptions {
  query?: Record<string, unknown>;
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

export interface UpdatePlan {
  ops: WalOp[];
  matched: number;
  modified: number;
  upsertedId?: DocId;
  /** The new image of the first modified document (for `updateAndReturn`). */
  firstDoc?: Doc;
}

interface Entry {
  doc: Doc;
  /** LSN of the write that produced this version; used for transaction conflict detection. */
  lsn: number;
  /** Order of first insertion (kept by updates, as the Map's own order is): ties in a sorted index. */
  seq: number;
}

/** MongoDB update operators that `db.command` can emit and the engine applies (through mingo). */
const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pull',
  '$pullAll',
  '$pop',
  '$addToSet',
  '$bit',
  '$currentDate',
]);

export const idKey = (id: DocId): string => canonicalKey(id);

export class CollectionState {
  readonly docs = new Map<string, Entry>();
  /** index name → (index key → doc key), for unique indexes only. */
  readonly unique = new Map<string, Map<string, string>>();
  /** Every manifest index and the implicit `_id` one, sorted on first use (sorted-index.ts). */
  sorted: SortedIndex[] = [];
  private arrayCache: Doc[] | null = null;
  private nextSeq = 0;

  constructor(
    readonly name: string,
    public indexes: IndexSpec[],
  ) {
    this.rebuildUnique();
  }

  uniqueIndexes(): IndexSpec[] {
    return this.indexes.filter((i) => i.unique);
  }

  rebuildUnique(): void {
    this.unique.clear();
    for (const index of this.uniqueIndexes()) {
      const map = new Map<string, string>();
      for (const [key, entry] of this.docs) map.set(indexKey(index, entry.doc), key);
      this.unique.set(index.name, map);
    }
    this.sorted = [
      new SortedIndex('_id_', { _id: 1 }),
      ...this.indexes
        .filter((i) => !(i.keys._id && Object.keys(i.keys).length === 1))
        .map((i) => new SortedIndex(i.name, i.keys)),
    ];
  }

  all(): Doc[] {
    this.arrayCache ??= Array.from(this.docs.values(), (e) => e.doc);
    return this.arrayCache;
  }

  put(key: string, doc: Doc, lsn: number): void {
    const old = this.docs.get(key);
    for (const index of this.uniqueIndexes()) {
      const map = this.unique.get(index.name)!;
      if (old) map.delete(indexKey(index, old.doc));
      map.set(indexKey(index, doc), key);
    }
    const entry = { doc, lsn, seq: old?.seq ?? this.nextSeq++ };
    for (const index of this.sorted) index.change(old, entry);
    this.docs.set(key, entry);
    this.arrayCache = null;
  }

  del(key: string): boolean {
    const old = this.docs.get(key);
    if (!old) return false;
    for (const index of this.uniqueIndexes()) this.unique.get(index.name)!.delete(indexKey(index, old.doc));
    for (const index of this.sorted) index.change(old, undefined);
    this.docs.delete(key);
    this.arrayCache = null;
    return true;
  }
}

function getPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)];
    else if (isPlainObject(current)) current = current[part];
    else return undefined;
  }
  return current;
}

/** Missing fields index as null, as in MongoDB (so a unique index allows one document without the field). */
function indexKey(index: IndexSpec, doc: Doc): string {
  const values = Object.keys(index.keys).map((f) => getPath(doc, f) ?? null);
  return canonicalKey(values.length === 1 ? values[0] : values);
}

function describeKey(index: IndexSpec, doc: Doc): string {
  const parts = Object.keys(index.keys).map((f) => `${f}: ${toEJSON(getPath(doc, f) ?? null)}`);
  return `{ ${parts.join(', ')} }`;
}

export class Engine {
  private readonly collections = new Map<string, CollectionState>();
  private readonly tombstones = new Map<string, number>();
  /** LSN of the last applied change. */
  lsn = 0;
  private readonly mingoOptions: Partial<MingoOptions>;

  constructor(readonly envId: string) {
    this.mingoOptions = {
      idKey: '_id',
      scriptEnabled: false,
      jsonSchemaValidator,
      collectionResolver: (name: string) =>
        name.startsWith('$') ? [] : (this.collections.get(name)?.all() ?? []),
    };
  }

  // ---------------------------------------------------------------- reading

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort();
  }

  indexesOf(name: string): IndexSpec[] {
    return this.require(name).indexes.map((i) => ({ ...i, keys: { ...i.keys } }));
  }

  size(name: string): number {
    return this.require(name).docs.size;
  }

  private require(name: string): CollectionState {
    const coll = this.collections.get(name);
    if (!coll) throw new CloudError('DATABASE_COLLECTION_NOT_EXIST', MESSAGES.collectionNotExist(name));
    return coll;
  }

  /** The stored document (shared, do not mutate) or undefined. */
  getById(collection: string, id: DocId): Doc | undefined {
    return this.require(collection).docs.get(idKey(id))?.doc;
  }

  /** Version of a document for conflict detection: the LSN of its last write or delete, 0 if never written. */
  version(collection: string, id: DocId): number {
    const key = idKey(id);
    const entry = this.collections.get(collection)?.docs.get(key);
    return entry?.lsn ?? this.tombstones.get(`${collection}\u0000${key}`) ?? 0;
  }

  /** Forgets deletions older than every running transaction: none of them can conflict with those. */
  pruneTombstones(olderThanLsn: number): void {
    for (const [k, lsn] of this.tombstones) if (lsn <= olderThanLsn) this.tombstones.delete(k);
  }

  /** Documents matching a query, in MongoDB semantics (shared objects, do not mutate). */
  find(collection: string, options: FindOptions = {}): Doc[] {
    const coll = this.require(collection);
    const query = options.query ?? {};
    assertEmulatedQuery(query);
    const plan = this.guard(() => planIndexRead(coll, query, options, this.mingoOptions));
    if (plan?.served) {
      // The index gave the matches in the sort's order, already skipped and limited.
      return options.projection ? this.project(plan.docs, options.projection) : plan.docs;
    }
    const source = plan ? plan.docs : this.candidates(coll, query);
    let cursor = mingoFind<Doc>(source, query, options.projection as never, this.mingoOptions);
    if (options.sort && Object.keys(options.sort).length > 0) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return this.guard(() => cursor.all());
  }

  /** How `find` answers a query: the index it uses (null: a scan) and whether that index gives the sort. */
  explain(collection: string, options: FindOptions = {}): { index: string | null; served: boolean } {
    const plan = planIndexRead(this.require(collection), options.query ?? {}, options, this.mingoOptions);
    return { index: plan?.index ?? null, served: plan?.served ?? false };
  }

  count(collection: string, query: Record<string, unknown> = {}): number {
    const coll = this.require(collection);
    if (Object.keys(query).length === 0) return coll.docs.size;
    assertEmulatedQuery(query);
    return this.guard(
      () =>
        mingoFind(
          planIndexRead(coll, query, {}, this.mingoOptions)?.docs ?? this.candidates(coll, query),
          query,
          undefined,
          this.mingoOptions,
        ).all().length,
    );
  }

  /**
   * Runs a pipeline on copies: mingo's stages (`$set` on a nested path, for one) may change their input in
   * place, and the input must never be the stored documents. A leading `$match` filters first, so only the
   * matching documents are copied; `$lookup` sees copies of the other collection.
   */
  aggregate(collection: string, pipeline: Record<string, unknown>[]): Record<string, unknown>[] {
    const coll = this.require(collection);
    const [first, ...rest] = pipeline;
    const leadingMatch = !!first && Object.keys(first).length === 1 && isPlainObject(first.$match);
    const source = leadingMatch
      ? this.find(collection, { query: first.$match as Record<string, unknown> })
      : coll.all();
    const options: Partial<MingoOptions> = {
      ...this.mingoOptions,
      collectionResolver: (name: string) =>
        name.startsWith('$') ? [] : (this.collections.get(name)?.all() ?? []).map((d) => cloneValue(d)),
    };
    const stages = leadingMatch ? rest : pipeline;
    return this.guard(
      () =>
        new Aggregator(stages, options).run(source.map((d) => cloneValue(d))) as Record<string, unknown>[],
    );
  }

  /** Applies a projection to documents that are already selected (transaction reads). */
  project(docs: Doc[], projection: Record<string, unknown> | undefined): Doc[] {
    if (!projection || Object.keys(projection).length === 0) return docs;
    return this.guard(() => mingoFind<Doc>(docs, {}, projection as never, this.mingoOptions).all());
  }

  /** The next image of one document under an update (`replace` for `set()`); used inside transactions. */
  computeUpdate(
    collection: string,
    current: Doc,
    spec: Record<string, unknown>,
    query: Record<string, unknown>,
    replace: boolean,
  ): Doc {
    this.require(collection);
    return replace ? replaceDoc(current._id, spec) : applyOperators(current, spec, query);
  }

  /**
   * `_id` equality (the common `doc(id)` and `where({_id})` cases) is answered from the primary key map;
   * everything else scans, as MongoDB does without a matching index.
   */
  private candidates(coll: CollectionState, query: Record<string, unknown>): Doc[] {
    const idCond = query._id;
    const ids: unknown[] | null = isDocId(idCond)
      ? [idCond]
      : isPlainObject(idCond) && Object.keys(idCond).length === 1 && isDocId(idCond.$eq)
        ? [idCond.$eq]
        : isPlainObject(idCond) && Object.keys(idCond).length === 1 && Array.isArray(idCond.$in)
          ? idCond.$in
          : null;
    if (!ids || !ids.every(isDocId)) return coll.all();
    const out: Doc[] = [];
    for (const id of new Set(ids as DocId[])) {
      const entry = coll.docs.get(idKey(id));
      if (entry) out.push(entry.doc);
    }
    return out;
  }

  /** mingo throws plain Errors for unknown operators and bad arguments: answer them as the cloud does. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof CloudError) throw e;
      throw new CloudError('DATABASE_INVALID_OPERRATOR', `[InvalidParameter] ${(e as Error).message}`);
    }
  }

  // ---------------------------------------------------------------- planning writes (pure)

  planDefineCollection(name: string, indexes: IndexSpec[]): WalOp[] {
    validateCollectionName(name);
    const seen = new Set<string>();
    for (const index of indexes) {
      if (!index.name || seen.has(index.name)) {
        throw new CloudError('INVALID_PARAM', `collection ${name}: index names must be present and distinct`);
      }
      seen.add(index.name);
      if (Object.keys(index.keys).length === 0) {
        throw new CloudError('INVALID_PARAM', `collection ${name}: index ${index.name} has no keys`);
      }
    }
    const existing = this.collections.get(name);
    if (existing) {
      // A new unique index over existing data must not find duplicates, as in MongoDB.
      for (const index of indexes.filter((i) => i.unique)) {
        const seenKeys = new Map<string, Doc>();
        for (const { doc } of existing.docs.values()) {
          const key = indexKey(index, doc);
          if (seenKeys.has(key)) {
            throw new CloudError(
              'DATABASE_REQUEST_FAILED',
              MESSAGES.duplicateKey(this.envId, name, index.name, describeKey(index, doc)),
            );
          }
          seenKeys.set(key, doc);
        }
      }
    }
    return [{ op: 'coll', c: name, indexes: indexes.map((i) => ({ ...i, keys: { ...i.keys } })) }];
  }

  planInsert(collection: string, docs: Record<string, unknown>[]): { ops: WalOp[]; ids: DocId[] } {
    const coll = this.require(collection);
    const ops: WalOp[] = [];
    const ids: DocId[] = [];
    for (const raw of docs) {
      if (!isPlainObject(raw)) throw new CloudError('INVALID_PARAM', 'document must be an object');
      const id = raw._id === undefined ? newDocId() : raw._id;
      if (!isDocId(id)) throw new CloudError('INVALID_PARAM', '_id must be a non-empty string or a number');
      const { _id: _given, ...rest } = cloneValue(raw);
      const doc = { _id: id, ...rest } as Doc;
      assertStorable(doc);
      ops.push({ op: 'put', c: collection, doc });
      ids.push(id);
    }
    this.validate(ops, { inserting: true, coll });
    return { ops, ids };
  }

  /**
   * Plans an update of the documents a query selects. `replace` is `doc().set()` (whole document,
   * upsert); otherwise `spec` holds update operators.
   */
  planUpdate(
    collection: string,
    query: Record<string, unknown>,
    spec: Record<string, unknown>,
    opts: { multi: boolean; replace: boolean; upsertId?: DocId },
  ): UpdatePlan {
    const targets = this.find(collection, { query, limit: opts.multi ? undefined : 1 });
    const ops: WalOp[] = [];
    let modified = 0;
    let firstDoc: Doc | undefined;
    for (const current of targets) {
      const next = opts.replace ? replaceDoc(current._id, spec) : applyOperators(current, spec, query);
      if (canonicalKey(next) === canonicalKey(current)) continue;
      ops.push({ op: 'put', c: collection, doc: next });
      modified += 1;
      firstDoc ??= next;
    }
    let upsertedId: DocId | undefined;
    if (targets.length === 0 && opts.upsertId !== undefined) {
      const doc = opts.replace
        ? replaceDoc(opts.upsertId, spec)
        : applyOperators({ _id: opts.upsertId }, spec, {});
      ops.push({ op: 'put', c: collection, doc });
      upsertedId = opts.upsertId;
      firstDoc = doc;
    }
    this.validate(ops, { inserting: false, coll: this.require(collection) });
    return { ops, matched: targets.length, modified, upsertedId, firstDoc };
  }

  planRemove(
    collection: string,
    query: Record<string, unknown>,
    multi: boolean,
  ): { ops: WalOp[]; deleted: number } {
    const targets = this.find(collection, { query, limit: multi ? undefined : 1 });
    return { ops: targets.map((d) => ({ op: 'del', c: collection, id: d._id })), deleted: targets.length };
  }

  /**
   * Checks a batch of puts and deletes against `_id` and unique indexes, as if applied in order.
   * Used for every plan and for transaction commits.
   */
  validate(ops: WalOp[], opts: { inserting?: boolean; coll?: CollectionState } = {}): void {
    const docsOverlay = new Map<string, Doc | null>();
    const uniqueOverlay = new Map<string, string | null>();
    for (const op of ops) {
      if (op.op !== 'put' && op.op !== 'del') continue;
      const coll = opts.coll?.name === op.c ? opts.coll : this.require(op.c);
      const key = idKey(op.op === 'put' ? op.doc._id : op.id);
      const overlayKey = `${op.c}\u0000${key}`;
      const before = docsOverlay.has(overlayKey)
        ? docsOverlay.get(overlayKey)!
        : (coll.docs.get(key)?.doc ?? null);
      if (op.op === 'put' && opts.inserting && before) {
        throw new CloudError(
          'DATABASE_REQUEST_FAILED',
          MESSAGES.duplicateKey(this.envId, op.c, '_id_', `{ _id: ${toEJSON(op.doc._id)} }`),
        );
      }
      for (const index of coll.uniqueIndexes()) {
        const map = coll.unique.get(index.name)!;
        const slot = (k: string) => `${op.c}\u0000${index.name}\u0000${k}`;
        if (before) {
          const oldKey = indexKey(index, before);
          uniqueOverlay.set(slot(oldKey), null);
        }
        if (op.op === 'put') {
          const newKey = indexKey(index, op.doc);
          const holder = uniqueOverlay.has(slot(newKey)) ? uniqueOverlay.get(slot(newKey)) : map.get(newKey);
          if (holder && holder !== key) {
            throw new CloudError(
              'DATABASE_REQUEST_FAILED',
              MESSAGES.duplicateKey(this.envId, op.c, index.name, describeKey(index, op.doc)),
            );
          }
          uniqueOverlay.set(slot(newKey), key);
        }
      }
      docsOverlay.set(overlayKey, op.op === 'put' ? op.doc : null);
    }
  }

  // ---------------------------------------------------------------- applying (the only mutation)

  apply(ops: WalOp[], lsn: number): void {
    for (const op of ops) {
      switch (op.op) {
        case 'coll': {
          const existing = this.collections.get(op.c);
          if (existing) {
            existing.indexes = op.indexes;
            existing.rebuildUnique();
          } else {
            this.collections.set(op.c, new CollectionState(op.c, op.indexes));
          }
          break;
        }
        case 'drop':
          this.collections.delete(op.c);
          break;
        case 'put':
          this.require(op.c).put(idKey(op.doc._id), op.doc, lsn);
          break;
        case 'del': {
          const key = idKey(op.id);
          if (this.require(op.c).del(key)) this.tombstones.set(`${op.c}\u0000${key}`, lsn);
          break;
        }
      }
    }
    this.lsn = lsn;
  }

  /** The whole state as ops, for a snapshot: each collection's definition, then its documents. */
  *snapshotOps(): Generator<WalOp> {
    for (const coll of this.collections.values()) {
      yield { op: 'coll', c: coll.name, indexes: coll.indexes };
      for (const { doc } of coll.docs.values()) yield { op: 'put', c: coll.name, doc };
    }
  }
}

const GEO_OPERATORS = new Set(['$near', '$nearSphere', '$geoWithin', '$geoIntersects', '$geometry']);

/** Geo queries and `$text` are not emulated: say so instead of answering wrongly. */
function assertEmulatedQuery(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(assertEmulatedQuery);
  if (!isPlainObject(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (GEO_OPERATORS.has(key)) {
      throw new CloudError('LOCAL_CLOUD_NOT_EMULATED', `local-cloud does not emulate geo queries (${key})`);
    }
    if (key === '$text') {
      // The real cloud has no text indexes to create, so MongoDB's own answer applies.
      throw new CloudError(
        'DATABASE_INVALID_OPERRATOR',
        '[InvalidParameter] text index required for $text query',
      );
    }
    assertEmulatedQuery(inner);
  }
}

export function validateCollectionName(name: string): void {
  if (typeof name !== 'string' || !/^[A-Za-z0-9_$][A-Za-z0-9_\-.$]{0,63}$/.test(name)) {
    throw new CloudError('INVALID_PARAM', `invalid collection name: ${String(name)}`);
  }
}

function replaceDoc(id: DocId, data: Record<string, unknown>): Doc {
  const { _id: _ignored, ...rest } = data;
  const doc = { _id: id, ...cloneValue(rest) } as Doc;
  assertStorable(doc);
  return doc;
}

function applyOperators(current: Doc, spec: Record<string, unknown>, query: Record<string, unknown>): Doc {
  const modifier: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    if (key.startsWith('$')) {
      if (!UPDATE_OPERATORS.has(key)) {
        throw new CloudError(
          'DATABASE_INVALID_OPERRATOR',
          `[InvalidParameter] unknown update operator ${key}`,
        );
      }
      if (!isPlainObject(value)) {
        throw new CloudError('DATABASE_INVALID_OPERRATOR', `[InvalidParameter] ${key} needs an object`);
      }
      modifier[key] = { ...((modifier[key] as object) ?? {}), ...value };
    } else {
      // A plain field in a merge update means "set it", as the SDK itself encodes plain objects.
      modifier.$set = { ...((modifier.$set as object) ?? {}), [key]: value };
    }
  }
  for (const ops of Object.values(modifier) as Record<string, unknown>[]) {
    if (Object.keys(ops).some((path) => path === '_id' || path.startsWith('_id.'))) {
      throw new CloudError(
        'DATABASE_REQUEST_FAILED',
        "[FailedOperation] Performing an update on the path '_id' would modify the immutable field '_id'",
      );
    }
  }
  const next = cloneValue(current);
  try {
    mingoUpdate(next, modifier as never, undefined, query as never, { cloneMode: 'deep' });
  } catch (e) {
    throw new CloudError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${(e as Error).message}`);
  }
  assertStorable(next);
  return next;
}
