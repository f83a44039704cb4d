import { Engine, type WalOp } from './engine';
import { WriteAheadLog, type WalOptions } from './wal';
import { CloudError } from '../errors';

export interface StoreOpenInfo {
  /** Records replayed from the log (after the snapshot). */
  replayed: number;
  /** Bytes of an incomplete last log line that were dropped. */
  truncatedBytes: number;
}

/**
 * One environment's database: the in-memory engine, made durable by the write-ahead log.
 *
 * A write is planned against the engine (pure), then `commit` logs and applies it in the same
 * synchronous step, so concurrent requests serialize without locks and `_.inc` is atomic. The answer
 * waits for the fsync. Reads wait for `settled()`, so no caller ever sees a change that a crash could undo.
 */
export class Store {
  private constructor(
    readonly engine: Engine,
    private readonly wal: WriteAheadLog,
    readonly openInfo: StoreOpenInfo,
  ) {}

  static async open(dir: string, envId: string, options: WalOptions = {}): Promise<Store> {
    const recovered = await WriteAheadLog.recover(dir);
    const engine = new Engine(envId);
    for (const batch of recovered.batches) engine.apply(batch.ops, batch.lsn);
    const wal = await WriteAheadLog.open(
      dir,
      recovered.lastLsn,
      () => ({ lsn: engine.lsn, ops: engine.snapshotOps() }),
      options,
    );
    return new Store(engine, wal, { replayed: recovered.records, truncatedBytes: recovered.truncatedBytes });
  }

  /** Logs and applies `ops` as one atomic change; resolves once it is on disk. */
  commit(ops: WalOp[]): Promise<void> {
    if (this.wal.failure) throw new CloudError('LOCAL_CLOUD_STORAGE_FAILED', this.wal.failure.message);
    if (ops.length === 0) return this.settled();
    const lsn = this.engine.lsn + 1;
    this.wal.append({ lsn, at: Date.now(), ops });
    this.engine.apply(ops, lsn);
    return this.wal.waitDurable(lsn);
  }

  /** Resolves when everything applied so far is durable. */
  settled(): Promise<void> {
    if (this.wal.failure)
      return Promise.reject(new CloudError('LOCAL_CLOUD_STORAGE_FAILED', this.wal.failure.message));
    return this.wal.waitDurable(this.engine.lsn);
  }

  get walStats(): Readonly<WriteAheadLog['stats']> {
    return this.wal.stats;
  }

  compact(): Promise<void> {
    return this.wal.compact();
  }

  async close(options: { compact?: boolean } = {}): Promise<void> {
    if (options.compact && !this.wal.failure) await this.wal.compact();
    await this.wal.close();
  }
}
