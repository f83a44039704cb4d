import { randomBytes, randomUUID } from 'node:crypto';

/** Who a function runs as: what WeChat puts in the function's context for a call from the mini-program. */
export interface Identity {
  openid?: string;
  appid?: string;
  unionid?: string;
  clientIp?: string;
  /** `getWXContext().SOURCE`: `wx_client` for mini-program calls (the default when an openid is given). */
  source?: string;
}

export type RequestKind = 'read' | 'write' | 'transaction' | 'admin' | 'openapi' | 'function' | 'storage';

/** One backend request, attributed to the invocation that made it (by its WX_API_TOKEN). */
export interface RequestLogEntry {
  seq: number;
  at: number;
  invocationId: string | null;
  functionName: string | null;
  openid: string | null;
  action: string;
  collection?: string;
  kind: RequestKind;
  /** Documents returned (reads) or affected (writes). */
  docs: number;
  ms: number;
  error?: string;
}

export interface InvocationRecord {
  id: string;
  functionName: string;
  identity: Identity;
  token: string;
  parentId: string | null;
  depth: number;
  startedAt: number;
  endedAt: number | null;
  status: 'running' | 'ok' | 'error' | 'timeout';
  requests: RequestLogEntry[];
  logs: string[];
}

const LOG_CAPACITY = 20_000;
const ENDED_CAPACITY = 5_000;

/**
 * Live invocations by token, so that the backend can attribute every request, and a bounded request log.
 * A request that arrives with the token of an invocation that already ended is refused: in WeChat cloud
 * the instance is frozen once `main` returns, so work that was not awaited may never run.
 */
export class Invocations {
  private readonly live = new Map<string, InvocationRecord>();
  private readonly ended = new Map<string, InvocationRecord>();
  private readonly log: RequestLogEntry[] = [];
  private seq = 0;

  begin(functionName: string, identity: Identity, parent: InvocationRecord | null): InvocationRecord {
    const record: InvocationRecord = {
      id: randomUUID(),
      functionName,
      identity,
      token: `lc_${randomBytes(18).toString('base64url')}`,
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      startedAt: Date.now(),
      endedAt: null,
      status: 'running',
      requests: [],
      logs: [],
    };
    this.live.set(record.token, record);
    return record;
  }

  end(record: InvocationRecord, status: InvocationRecord['status']): void {
    record.status = status;
    record.endedAt = Date.now();
    this.live.delete(record.token);
    this.ended.set(record.token, record);
    if (this.ended.size > ENDED_CAPACITY) this.ended.delete(this.ended.keys().next().value!);
  }

  lookup(token: string): { live: InvocationRecord } | { ended: InvocationRecord } | null {
    const live = this.live.get(token);
    if (live) return { live };
    const ended = this.ended.get(token);
    return ended ? { ended } : null;
  }

  get running(): number {
    return this.live.size;
  }

  record(entry: Omit<RequestLogEntry, 'seq'>, invocation: InvocationRecord | null): RequestLogEntry {
    const full = { seq: ++this.seq, ...entry };
    this.log.push(full);
    if (this.log.length > LOG_CAPACITY) this.log.splice(0, this.log.length - LOG_CAPACITY);
    invocation?.requests.push(full);
    return full;
  }

  requests(
    filter: { invocationId?: string; functionName?: string; sinceSeq?: number } = {},
  ): RequestLogEntry[] {
    return this.log.filter(
      (e) =>
        (filter.invocationId === undefined || e.invocationId === filter.invocationId) &&
        (filter.functionName === undefined || e.functionName === filter.functionName) &&
        (filter.sinceSeq === undefined || e.seq > filter.sinceSeq),
    );
  }

  get lastSeq(): number {
    return this.seq;
  }
}
