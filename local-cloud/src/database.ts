import { CloudError } from './errors';
import type { Store } from './store/store';
import { validateCollectionName, type FindOptions } from './store/engine';
import { TransactionManager, type Transaction } from './store/transactions';
import {
  isDocId,
  isPlainObject,
  parseEJSON,
  resolveServerDates,
  toEJSON,
  type Doc,
  type DocId,
} from './values';

/** What a database action did, for the request log (the real cloud bills reads and writes per request). */
export interface DbEffect {
  kind: 'read' | 'write' | 'transaction' | 'admin';
  collection?: string;
  /** Documents returned (reads) or affected (writes). */
  docs: number;
}

export interface DbResult {
  body: Record<string, unknown>;
  effect: DbEffect;
}

/** Real limits of a cloud function's `get()`: 100 documents by default, at most 1000. */
export const GET_DEFAULT_LIMIT = 100;
export const GET_MAX_LIMIT = 1000;
/** Observed in production: `aggregate().end()` without `limit()` returns 20 documents; with it, up to 10000. */
export const AGGREGATE_DEFAULT_LIMIT = 20;
export const AGGREGATE_MAX_LIMIT = 10000;

const UNSUPPORTED_STAGES = new Set([
  '$out',
  '$merge',
  '$currentOp',
  '$listSessions',
  '$collStats',
  '$indexStats',
]);
const NOT_EMULATED_STAGES = new Set(['$geoNear']);

type Params = Record<string, unknown>;

/**
 * The `database.*` actions of the CloudBase HTTP API, as wx-server-sdk 4.0.2 sends them
 * (see local-cloud/README.md for the wire format).
 */
export class DatabaseService {
  readonly transactions: TransactionManager;

  constructor(private readonly store: Store) {
    this.transactions = new TransactionManager(store.engine);
  }

  private get engine() {
    return this.store.engine;
  }

  async handle(action: string, params: Params): Promise<DbResult> {
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(params);
      case 'database.calculateDocument':
        return this.count(params);
      case 'database.insertDocument':
        return this.insert(params);
      case 'database.modifyDocument':
        return this.modify(params, false);
      case 'database.modifyAndReturnDoc':
        return this.modify(params, true);
      case 'database.removeDocument':
        return this.remove(params);
      case 'database.aggregateDocuments':
        return this.aggregate(params);
      case 'database.addCollection':
        return this.addCollection(params);
      case 'database.startTransaction': {
        const txn = this.transactions.start();
        return { body: { transactionId: txn.id }, effect: { kind: 'transaction', docs: 0 } };
      }
      case 'database.commitTransaction': {
        const txn = this.transactions.get(params.transactionId);
        const ops = this.transactions.commit(txn);
        await this.store.commit(ops);
        return { body: {}, effect: { kind: 'transaction', docs: ops.length } };
      }
      case 'database.abortTransaction': {
        this.transactions.abort(this.transactions.get(params.transactionId));
        return { body: {}, effect: { kind: 'transaction', docs: 0 } };
      }
      default:
        throw new CloudError(
          'LOCAL_CLOUD_NOT_EMULATED',
          `local-cloud does not emulate ${action} (see local-cloud/README.md for what is emulated)`,
        );
    }
  }

  // ------------------------------------------------------------------ reads

  private async getDocument(params: Params): Promise<DbResult> {
    const collection = collectionName(params);
    const query = this.query(params);
    const projection = optionalObject(params.projection, 'projection');
    const txn = this.transaction(params);
    let docs: Doc[];
    if (txn) {
      const id = singleDocId(params, query);
      const doc = this.transactions.read(txn, collection, id);
      docs = doc ? this.engine.project([doc], projection) : [];
    } else {
      const limit = clampLimit(params.limit);
      const offset = nonNegativeInt(params.offset, 'offset');
      const sort = optionalObject(params.order, 'order') as FindOptions['sort'];
      docs = this.engine.find(collection, { query, sort, skip: offset, limit, projection });
    }
    const list = docs.map(toEJSON);
    await this.store.settled();
    return {
      body: { data: { list, limit: clampLimit(params.limit), offset: Number(params.offset ?? 0) } },
      effect: { kind: 'read', collection, docs: list.length },
    };
  }

  private async count(params: Params): Promise<DbResult> {
    const collection = collectionName(params);
    const total = this.engine.count(collection, this.query(params));
    await this.store.settled();
    return { body: { data: { total } }, effect: { kind: 'read', collection, docs: total } };
  }

  private async aggregate(params: Params): Promise<DbResult> {
    const collection = collectionName(params);
    if (!Array.isArray(params.stages)) throw new CloudError('INVALID_PARAM', 'stages must be an array');
    const now = Date.now();
    let hasLimit = false;
    const pipeline = params.stages.map((stage: unknown) => {
      if (
        !isPlainObject(stage) ||
        typeof stage.stageKey !== 'string' ||
        typeof stage.stageValue !== 'string'
      ) {
        throw new CloudError('INVALID_PARAM', 'each stage needs stageKey and stageValue');
      }
      const key = stage.stageKey.startsWith('$') ? stage.stageKey : `$${stage.stageKey}`;
      if (UNSUPPORTED_STAGES.has(key)) {
        throw new CloudError(
          'DATABASE_INVALID_OPERRATOR',
          `[InvalidParameter] aggregation stage ${key} is not supported`,
        );
      }
      if (NOT_EMULATED_STAGES.has(key)) {
        throw new CloudError('LOCAL_CLOUD_NOT_EMULATED', `local-cloud does not emulate geo stage ${key}`);
      }
      if (key === '$limit') hasLimit = true;
      return { [key]: resolveServerDates(parseEJSON(stage.stageValue, `stage ${key}`), now) };
    });
    const cap = hasLimit ? AGGREGATE_MAX_LIMIT : AGGREGATE_DEFAULT_LIMIT;
    const list = this.engine.aggregate(collection, pipeline).slice(0, cap).map(toEJSON);
    await this.store.settled();
    return { body: { data: { list } }, effect: { kind: 'read', collection, docs: list.length } };
  }

  // ------------------------------------------------------------------ writes

  private async insert(params: Params): Promise<DbResult> {
    const collection = collectionName(params);
    if (!Array.isArray(params.data) || params.data.length === 0) {
      throw new CloudError('INVALID_PARAM', 'data must be a non-empty array of documents');
    }
    const now = Date.now();
    const docs = params.data.map((text: unknown, i: number) => {
      if (typeof text !== 'string')
        throw new CloudError('INVALID_PARAM', `data[${i}] must be an EJSON string`);
      const doc = resolveServerDates(parseEJSON(text, `data[${i}]`), now);
      if (!isPlainObject(doc)) throw new CloudError('INVALID_PARAM', `data[${i}] must be an object`);
      return doc;
    });
    const txn = this.transaction(params);
    if (txn) {
      // Ids and checks exactly as outside a transaction; the write itself waits for commit.
      const planned = this.engine.planInsert(collection, docs);
      this.transactions.insert(
        txn,
        collection,
        planned.ops.map((op) => (op as { doc: Doc }).doc),
      );
      return {
        body: { data: { insertedIds: planned.ids } },
        effect: { kind: 'write', collection, docs: docs.length },
      };
    }
    const { ops, ids } = this.engine.planInsert(collection, docs);
    await this.store.commit(ops);
    return { body: { data: { insertedIds: ids } }, effect: { kind: 'write', collection, docs: ids.length } };
  }

  private async modify(params: Params, returnDoc: boolean): Promise<DbResult> {
    const collection = collectionName(params);
    const now = Date.now();
    const query = this.query(params);
    if (typeof params.data !== 'string')
      throw new CloudError('INVALID_PARAM', 'data must be an EJSON string');
    const spec = resolveServerDates(parseEJSON(params.data, 'data'), now);
    if (!isPlainObject(spec)) throw new CloudError('INVALID_PARAM', 'data must be an object');
    // `doc().set()` sends merge:false (replace the whole document) with upsert:true.
    const replace = params.merge === false;
    const upsert = params.upsert === true;
    const multi = returnDoc ? false : params.multi !== false;
    const txn = this.transaction(params);

    if (txn) {
      const id = singleDocId(params, query);
      const current = this.transactions.read(txn, collection, id);
      if (!current && !upsert) {
        return { body: { data: { updated: 0 } }, effect: { kind: 'write', collection, docs: 0 } };
      }
      const next = this.engine.computeUpdate(collection, current ?? { _id: id }, spec, query, replace);
      const changed = this.transactions.write(txn, collection, id, next);
      const body = current
        ? { data: { updated: changed ? 1 : 0, ...(returnDoc ? { doc: toEJSON(next) } : {}) } }
        : { data: { updated: 0, upsert_id: id } };
      return { body, effect: { kind: 'write', collection, docs: 1 } };
    }

    const upsertId = upsert && params.queryType === 'DOC' ? singleDocId(params, query) : undefined;
    const plan = this.engine.planUpdate(collection, query, spec, { multi, replace, upsertId });
    await this.store.commit(plan.ops);
    const data: Record<string, unknown> = { updated: plan.modified };
    if (plan.upsertedId !== undefined) data.upsert_id = plan.upsertedId;
    if (returnDoc) data.doc = plan.firstDoc ? toEJSON(plan.firstDoc) : null;
    return { body: { data }, effect: { kind: 'write', collection, docs: plan.ops.length } };
  }

  private async remove(params: Params): Promise<DbResult> {
    const collection = collectionName(params);
    const query = this.query(params);
    const txn = this.transaction(params);
    if (txn) {
      const id = singleDocId(params, query);
      const existed = this.transactions.read(txn, collection, id) !== null;
      this.transactions.write(txn, collection, id, null);
      return { body: { data: { deleted: existed ? 1 : 0 } }, effect: { kind: 'write', collection, docs: 1 } };
    }
    const { ops, deleted } = this.engine.planRemove(collection, query, params.multi !== false);
    await this.store.commit(ops);
    return { body: { data: { deleted } }, effect: { kind: 'write', collection, docs: deleted } };
  }

  private async addCollection(params: Params): Promise<DbResult> {
    const name = params.collectionName;
    validateCollectionName(name as string);
    if (typeof name !== 'string' || name.startsWith('$'))
      throw new CloudError('INVALID_PARAM', 'invalid collection name');
    if (this.engine.hasCollection(name)) {
      throw new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}`);
    }
    await this.store.commit(this.engine.planDefineCollection(name, []));
    return { body: {}, effect: { kind: 'admin', collection: name, docs: 0 } };
  }

  // ------------------------------------------------------------------ parameters

  private query(params: Params): Record<string, unknown> {
    if (params.query === undefined || params.query === '') return {};
    if (typeof params.query !== 'string')
      throw new CloudError('INVALID_PARAM', 'query must be an EJSON string');
    const query = resolveServerDates(parseEJSON(params.query, 'query'), Date.now());
    if (!isPlainObject(query)) throw new CloudError('INVALID_PARAM', 'query must be an object');
    return query;
  }

  private transaction(params: Params): Transaction | null {
    return params.transactionId ? this.transactions.get(params.transactionId) : null;
  }
}

function collectionName(params: Params): string {
  const name = params.collectionName;
  if (typeof name !== 'string' || name.length === 0)
    throw new CloudError('INVALID_PARAM', 'collectionName is required');
  // Names starting with `$` are local-cloud's own (outbox, grants); they do not exist for function code.
  if (name.startsWith('$'))
    throw new CloudError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
  return name;
}

function optionalObject(value: unknown, what: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'string' ? parseEJSON(value, what) : value;
  if (!isPlainObject(parsed)) throw new CloudError('INVALID_PARAM', `${what} must be an object`);
  return parsed;
}

function clampLimit(value: unknown): number {
  if (value === undefined || value === null) return GET_DEFAULT_LIMIT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CloudError('INVALID_PARAM', 'limit must be a non-negative integer');
  if (n === 0) return GET_DEFAULT_LIMIT;
  return Math.min(n, GET_MAX_LIMIT);
}

function nonNegativeInt(value: unknown, what: string): number {
  if (value === undefined || value === null) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CloudError('INVALID_PARAM', `${what} must be a non-negative integer`);
  return n;
}

/** Transactions accept single-document operations only, as in the real cloud. */
function singleDocId(params: Params, query: Record<string, unknown>): DocId {
  const id = query._id;
  if (params.queryType !== 'DOC' || !isDocId(id) || Object.keys(query).length !== 1) {
    throw new CloudError(
      'INVALID_PARAM',
      '[InvalidParameter] transactions and upserts only support single-document operations: doc(id).get/set/update/remove',
    );
  }
  return id;
}
