import { randomBytes } from 'node:crypto';
import { CloudError, MESSAGES } from '../errors';
import { canonicalKey, cloneValue, type Doc, type DocId } from '../values';
import type { Engine, WalOp } from './engine';
import { idKey } from './engine';

/** The real cloud aborts a transaction that is not committed within 30 seconds. */
export const TRANSACTION_TTL_MS = 30_000;

interface Touched {
  collection: string;
  id: DocId;
  /** The transaction's view of the document: its own writes over what it first read. */
  doc: Doc | null;
  existedBefore: boolean;
  written: boolean;
}

export interface Transaction {
  id: string;
  /** Engine LSN when the transaction started: a document written by another commit after this conflicts. */
  startLsn: number;
  touched: Map<string, Touched>;
  timer: NodeJS.Timeout;
  expired: boolean;
}

/**
 * Transactions as WeChat cloud offers them: single-document reads and writes (`doc().get/set/update/remove`,
 * `collection.add`) buffered until commit. Snapshot-isolation conflict rule, first committer wins: a commit
 * fails with DATABASE_TRANSACTION_CONFLICT when a document it writes was changed by another commit after
 * it started; `db.runTransaction` then retries. Nothing is applied before commit, so a transaction that
 * throws or is rolled back leaves no trace.
 */
export class TransactionManager {
  private readonly active = new Map<string, Transaction>();

  constructor(private readonly engine: Engine) {}

  get count(): number {
    return this.active.size;
  }

  start(): Transaction {
    const id = randomBytes(16).toString('hex');
    const txn: Transaction = {
      id,
      startLsn: this.engine.lsn,
      touched: new Map(),
      expired: false,
      timer: setTimeout(() => {
        txn.expired = true;
        this.finish(txn);
      }, TRANSACTION_TTL_MS),
    };
    txn.timer.unref();
    this.active.set(id, txn);
    return txn;
  }

  get(id: unknown): Transaction {
    const txn = typeof id === 'string' ? this.active.get(id) : undefined;
    if (!txn) {
      throw new CloudError(
        'DATABASE_TRANSACTION_FAIL',
        `[FailedOperation.TransactionNotExist] transaction ${String(id)} does not exist, was committed, rolled back, or ran past ${TRANSACTION_TTL_MS / 1000}s`,
      );
    }
    return txn;
  }

  private view(txn: Transaction, collection: string, id: DocId): Touched {
    const key = `${collection}\u0000${idKey(id)}`;
    let entry = txn.touched.get(key);
    if (!entry) {
      const current = this.engine.getById(collection, id) ?? null;
      entry = {
        collection,
        id,
        doc: current ? cloneValue(current) : null,
        existedBefore: !!current,
        written: false,
      };
      txn.touched.set(key, entry);
    }
    return entry;
  }

  read(txn: Transaction, collection: string, id: DocId): Doc | null {
    const doc = this.view(txn, collection, id).doc;
    return doc ? cloneValue(doc) : null;
  }

  insert(txn: Transaction, collection: string, docs: Doc[]): void {
    for (const doc of docs) {
      const entry = this.view(txn, collection, doc._id);
      if (entry.doc) {
        throw new CloudError(
          'DATABASE_REQUEST_FAILED',
          MESSAGES.duplicateKey(this.engine.envId, collection, '_id_', `{ _id: ${JSON.stringify(doc._id)} }`),
        );
      }
      entry.doc = cloneValue(doc);
      entry.written = true;
    }
  }

  /** Writes a new image of one document (null deletes it). Returns whether the view changed. */
  write(txn: Transaction, collection: string, id: DocId, next: Doc | null): boolean {
    const entry = this.view(txn, collection, id);
    const changed = canonicalKey(entry.doc) !== canonicalKey(next);
    entry.doc = next ? cloneValue(next) : null;
    entry.written = true;
    return changed;
  }

  /** Validates and returns the ops to apply; throws a conflict or duplicate-key error (and forgets the transaction). */
  commit(txn: Transaction): WalOp[] {
    try {
      const ops: WalOp[] = [];
      for (const entry of txn.touched.values()) {
        if (!entry.written) continue;
        if (this.engine.version(entry.collection, entry.id) > txn.startLsn) {
          throw new CloudError('DATABASE_TRANSACTION_CONFLICT', MESSAGES.transactionConflict());
        }
        if (entry.doc) ops.push({ op: 'put', c: entry.collection, doc: entry.doc });
        else if (entry.existedBefore) ops.push({ op: 'del', c: entry.collection, id: entry.id });
      }
      this.engine.validate(ops);
      return ops;
    } finally {
      this.finish(txn);
    }
  }

  abort(txn: Transaction): void {
    this.finish(txn);
  }

  private finish(txn: Transaction): void {
    clearTimeout(txn.timer);
    this.active.delete(txn.id);
    let oldest = this.engine.lsn;
    for (const t of this.active.values()) oldest = Math.min(oldest, t.startLsn);
    this.engine.pruneTombstones(oldest);
  }
}
