import { closeSync, fsyncSync, openSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';
import type { WalOp } from './engine';

/**
 * Durability for one environment's data directory.
 *
 * - `wal-<lsn>.log`: one relaxed-EJSON line per committed request or transaction: `{"lsn":N,"at":ms,"ops":[...]}`.
 *   Lines are appended in LSN order and fsynced (group commit: every line appended in the same turn of the
 *   event loop shares one fsync) before the request that wrote them is answered.
 * - `snapshot.ejson`: a header line `{"format":..,"lsn":N}` then one op per line; written to a temp file,
 *   fsynced, renamed over the old one, and the directory fsynced. Log segments it covers are then deleted.
 *
 * On open, the snapshot is loaded and every log record after it replayed. A last line that is incomplete
 * (no newline, or not parseable) is a write torn by a crash: it was never acknowledged, so it is dropped
 * and cut off the file. An unreadable line anywhere else is corruption and stops the start, loudly.
 */

export const SNAPSHOT_FORMAT = 'tongxin-local-cloud/1';
const SNAPSHOT = 'snapshot.ejson';
const SEGMENT_RE = /^wal-(\d{16})\.log$/;

export interface WalRecord {
  lsn: number;
  at: number;
  ops: WalOp[];
}

export interface RecoveredState {
  /** Ops that rebuild the state: the snapshot's, then each record's, in order. */
  batches: { lsn: number; ops: WalOp[] }[];
  lastLsn: number;
  /** Bytes of torn tail that were cut off, if any. */
  truncatedBytes: number;
  records: number;
}

export interface WalOptions {
  /** fsync before acknowledging (default true). Turning it off is only for throwaway benchmarks. */
  fsync?: boolean;
  /** Compact into a snapshot when the active segment grows past this many bytes (default 64 MiB). */
  compactAfterBytes?: number;
}

interface Waiter {
  lsn: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

const segmentName = (startLsn: number) => `wal-${String(startLsn).padStart(16, '0')}.log`;

function parseLine(line: string): unknown {
  return EJSON.parse(line, { relaxed: true });
}

export class WriteAheadLog {
  private fh: fsp.FileHandle | null = null;
  private segmentBytes = 0;
  /** Counters for tests and benchmarks: records written and fsyncs done (group commit shares one). */
  readonly stats = { records: 0, flushes: 0, snapshots: 0 };
  private pending: { lsn: number; line: string }[] = [];
  private waiters: Waiter[] = [];
  private flushing = false;
  private durableLsn: number;
  private appendedLsn: number;
  private compactRequested: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};
  /** Set when a write or fsync failed: the in-memory state is then ahead of the disk, so nothing more is accepted. */
  failure: Error | null = null;
  private readonly fsync: boolean;
  private readonly compactAfterBytes: number;

  private constructor(
    readonly dir: string,
    lastLsn: number,
    private snapshotProvider: () => { lsn: number; ops: Iterable<WalOp> },
    options: WalOptions,
  ) {
    this.durableLsn = lastLsn;
    this.appendedLsn = lastLsn;
    this.fsync = options.fsync ?? true;
    this.compactAfterBytes = options.compactAfterBytes ?? 64 * 1024 * 1024;
  }

  /** Reads what the directory holds. Does not write, except to cut off a torn tail. */
  static async recover(dir: string): Promise<RecoveredState> {
    await fsp.mkdir(dir, { recursive: true });
    await fsp.rm(path.join(dir, `${SNAPSHOT}.tmp`), { force: true });
    const batches: RecoveredState['batches'] = [];
    let lastLsn = 0;
    let truncatedBytes = 0;
    let records = 0;

    const snapshotPath = path.join(dir, SNAPSHOT);
    const snapshotText = await fsp.readFile(snapshotPath, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
    if (snapshotText !== null) {
      const lines = snapshotText.split('\n');
      const header = parseLine(lines[0] ?? '') as { format?: string; lsn?: number };
      if (header.format !== SNAPSHOT_FORMAT || typeof header.lsn !== 'number') {
        throw new Error(`local-cloud: ${snapshotPath} is not a ${SNAPSHOT_FORMAT} snapshot`);
      }
      const ops: WalOp[] = [];
      for (let i = 1; i < lines.length; i++) {
        if (lines[i] === '') continue;
        try {
          ops.push(parseLine(lines[i]!) as WalOp);
        } catch (e) {
          throw new Error(
            `local-cloud: snapshot ${snapshotPath} line ${i + 1} is corrupt: ${(e as Error).message}`,
          );
        }
      }
      batches.push({ lsn: header.lsn, ops });
      lastLsn = header.lsn;
    }

    const segments = (await fsp.readdir(dir)).filter((f) => SEGMENT_RE.test(f)).sort();
    for (const [si, name] of segments.entries()) {
      const file = path.join(dir, name);
      const buf = await fsp.readFile(file);
      const isLast = si === segments.length - 1;
      let offset = 0;
      let lineNo = 0;
      while (offset < buf.length) {
        lineNo += 1;
        const nl = buf.indexOf(0x0a, offset);
        const end = nl === -1 ? buf.length : nl;
        const text = buf.subarray(offset, end).toString('utf8');
        let record: WalRecord | null = null;
        if (nl !== -1) {
          try {
            record = parseLine(text) as WalRecord;
          } catch {
            record = null;
          }
        }
        if (!record || typeof record.lsn !== 'number' || !Array.isArray(record.ops)) {
          const atTail = isLast && (nl === -1 || nl === buf.length - 1);
          if (!atTail) {
            throw new Error(
              `local-cloud: write-ahead log ${file} line ${lineNo} is corrupt; refusing to start`,
            );
          }
          truncatedBytes = buf.length - offset;
          await fsp.truncate(file, offset);
          break;
        }
        if (record.lsn > lastLsn) {
          if (lastLsn !== 0 && record.lsn !== lastLsn + 1) {
            throw new Error(
              `local-cloud: write-ahead log ${file} jumps from LSN ${lastLsn} to ${record.lsn}`,
            );
          }
          batches.push({ lsn: record.lsn, ops: record.ops });
          lastLsn = record.lsn;
          records += 1;
        }
        offset = end + 1;
      }
    }
    return { batches, lastLsn, truncatedBytes, records };
  }

  /** Opens the log for appending after recovery. `snapshotProvider` captures the state synchronously. */
  static async open(
    dir: string,
    lastLsn: number,
    snapshotProvider: () => { lsn: number; ops: Iterable<WalOp> },
    options: WalOptions = {},
  ): Promise<WriteAheadLog> {
    const wal = new WriteAheadLog(dir, lastLsn, snapshotProvider, options);
    const segments = (await fsp.readdir(dir)).filter((f) => SEGMENT_RE.test(f)).sort();
    const name = segments.at(-1) ?? segmentName(lastLsn + 1);
    wal.fh = await fsp.open(path.join(dir, name), 'a');
    wal.segmentBytes = (await wal.fh.stat()).size;
    if (!segments.length) await fsyncDir(dir);
    return wal;
  }

  /** Queues a committed record. Synchronous, so that apply order and log order are the same. */
  append(record: WalRecord): void {
    if (this.failure) throw this.failure;
    if (record.lsn !== this.appendedLsn + 1) {
      throw new Error(`local-cloud: LSN ${record.lsn} appended after ${this.appendedLsn}`);
    }
    this.appendedLsn = record.lsn;
    this.pending.push({ lsn: record.lsn, line: `${EJSON.stringify(record, { relaxed: true })}\n` });
    this.kick();
  }

  /** Resolves once every record up to `lsn` is on disk. */
  waitDurable(lsn: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (lsn <= this.durableLsn) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ lsn, resolve, reject }));
  }

  get lastDurableLsn(): number {
    return this.durableLsn;
  }

  /** Writes a snapshot of the current state and drops the log segments it covers. */
  compact(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.compactRequested.push({ resolve, reject });
      this.kick();
    });
  }

  /** Flushes everything queued and closes the file. */
  async close(): Promise<void> {
    await this.idle;
    await this.fh?.close();
    this.fh = null;
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = true;
    this.idle = new Promise((r) => (this.markIdle = r));
    // setImmediate lets every request handled in this turn join the same write and fsync.
    setImmediate(() => void this.flushLoop());
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length > 0 || this.compactRequested.length > 0) {
        if (this.pending.length > 0) {
          const batch = this.pending;
          this.pending = [];
          const data = batch.map((p) => p.line).join('');
          await this.fh!.write(data);
          if (this.fsync) await this.fh!.datasync();
          this.stats.records += batch.length;
          this.stats.flushes += 1;
          this.segmentBytes += Buffer.byteLength(data);
          this.markDurable(batch[batch.length - 1]!.lsn);
        }
        if (this.compactRequested.length > 0 || this.segmentBytes >= this.compactAfterBytes) {
          const requests = this.compactRequested;
          this.compactRequested = [];
          await this.writeSnapshot();
          for (const r of requests) r.resolve();
        }
      }
    } catch (e) {
      const error = new Error(
        `local-cloud: storage failed, refusing further writes: ${(e as Error).message}`,
      );
      this.failure = error;
      for (const w of this.waiters) w.reject(error);
      for (const r of this.compactRequested) r.reject(error);
      this.waiters = [];
      this.compactRequested = [];
    } finally {
      this.flushing = false;
      this.markIdle();
    }
  }

  private markDurable(lsn: number): void {
    this.durableLsn = Math.max(this.durableLsn, lsn);
    let i = 0;
    while (i < this.waiters.length && this.waiters[i]!.lsn <= this.durableLsn) {
      this.waiters[i]!.resolve();
      i += 1;
    }
    if (i > 0) this.waiters.splice(0, i);
  }

  private async writeSnapshot(): Promise<void> {
    // Captured synchronously: the state at `lsn`, including records still queued (they are covered by it).
    const { lsn, ops } = this.snapshotProvider();
    const lines: string[] = [
      EJSON.stringify({ format: SNAPSHOT_FORMAT, lsn, at: Date.now() }, { relaxed: true }),
    ];
    for (const op of ops) lines.push(EJSON.stringify(op, { relaxed: true }));
    const text = `${lines.join('\n')}\n`;

    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`);
    const handle = await fsp.open(tmp, 'w');
    try {
      await handle.write(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmp, path.join(this.dir, SNAPSHOT));
    await fsyncDir(this.dir);

    // Queued records up to `lsn` are in the snapshot; later ones go to a fresh segment.
    this.pending = this.pending.filter((p) => p.lsn > lsn);
    const old = (await fsp.readdir(this.dir)).filter((f) => SEGMENT_RE.test(f));
    await this.fh!.close();
    this.fh = await fsp.open(path.join(this.dir, segmentName(lsn + 1)), 'a');
    this.segmentBytes = 0;
    for (const name of old)
      if (name !== segmentName(lsn + 1)) await fsp.rm(path.join(this.dir, name), { force: true });
    await fsyncDir(this.dir);
    this.stats.snapshots += 1;
    this.markDurable(lsn);
  }
}

async function fsyncDir(dir: string): Promise<void> {
  // A directory fsync makes renames and new files durable; it is a no-op where unsupported.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported on this platform */
  }
}
