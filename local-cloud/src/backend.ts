import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import { CloudError } from './errors';
import { checkPath, type StorageService } from './storage';
import type { DatabaseService, DbEffect } from './database';
import {
  decodeOpenApiRequest,
  encodeOpenApiReply,
  encodeOpenApiSystemError,
  type OpenApiService,
} from './openapi';
import type { Identity, InvocationRecord, Invocations, RequestKind } from './invocations';
import { sourceOf, type InvokeOutcome, type Runner } from './runner';
import type { Store } from './store/store';
import { isPlainObject, toEJSON } from './values';
import { DEV_UI_HTML } from './dev-ui';

const MAX_BODY_BYTES = 6 * 1024 * 1024;

export interface BackendDeps {
  envId: string;
  appid: string;
  secretId: string;
  store: Store;
  database: DatabaseService;
  openapi: OpenApiService;
  storage: StorageService;
  invocations: Invocations;
  runner: Runner;
  /** The answer (HTTP 400) to a dev-API body that is not a JSON object; default `{errCode, errMsg}`. */
  badDevRequest?: (reason: string) => unknown;
  /** Extra routes (e.g. the H5 app's static files) tried before the 404. */
  fallback?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;
}

/** What `wx.cloud.callFunction` rejects with when a function fails, with the mini-program SDK's codes. */
export function clientError(outcome: Exclude<InvokeOutcome, { ok: true }>): {
  errCode: number;
  errMsg: string;
} {
  switch (outcome.code) {
    case 'FUNCTIONS_TIME_LIMIT_EXCEEDED':
      return { errCode: -504003, errMsg: `cloud.callFunction:fail -504003 ${outcome.message}` };
    case 'FUNCTION_NOT_FOUND':
      return { errCode: -501000, errMsg: `cloud.callFunction:fail -501000 ${outcome.message}` };
    default:
      return {
        errCode: -504002,
        errMsg: `cloud.callFunction:fail -504002 functions execute fail | errMsg: ${outcome.message}`,
      };
  }
}

/**
 * One HTTP server on 127.0.0.1:
 * - `POST /tcb?env=…` — the CloudBase API that wx-server-sdk calls (reached through TCB_CONTEXT_CNFG);
 * - `POST /api/<function>` — invoke a function as a mini-program user (`X-Openid` header), for the H5 dev build;
 * - `/_local/…` — health, collections, outbox, grants, request log and a small dev UI.
 */
export class Backend {
  readonly server: http.Server;

  constructor(private readonly deps: BackendDeps) {
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((e: unknown) => {
        console.error('[local-cloud] request failed:', e);
        if (!res.headersSent) sendJson(res, 500, { code: 'SYS_ERR', message: 'local-cloud internal error' });
        else res.destroy();
      });
    });
    this.server.keepAliveTimeout = 5000;
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const p = url.pathname;
    if (req.method === 'POST' && p === '/tcb') return this.handleSdk(req, res, url);
    if (req.method === 'POST' && p.startsWith('/api/'))
      return this.handleDevInvoke(req, res, decodeURIComponent(p.slice(5)));
    if (p.startsWith('/_storage/')) return this.deps.storage.serveObject(req, res, url);
    if (p.startsWith('/_files/')) return this.handleClientFile(req, res, url);
    if (p === '/_local' || p.startsWith('/_local/')) return this.handleAdmin(req, res, url);
    if (this.deps.fallback && (await this.deps.fallback(req, res))) return;
    sendJson(res, 404, { code: 'NOT_FOUND', message: `no route for ${req.method} ${p}` });
  }

  // ------------------------------------------------------------------ the SDK's protocol

  private async handleSdk(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const started = performance.now();
    const requestId = randomUUID();
    const reply = (body: Record<string, unknown>) => sendJson(res, 200, { requestId, ...body });

    // Only holders of this backend's key (the function instances and the test helper) get in; a browser
    // page cannot set this header cross-origin without a preflight, which is never answered.
    const auth = req.headers.authorization ?? '';
    if (!auth.includes(`Credential=${this.deps.secretId}/`)) {
      await drain(req);
      return sendJson(res, 403, { requestId, code: 'INVALID_REQUEST_SOURCE', message: 'unsigned request' });
    }

    let params: Record<string, unknown>;
    let requestData: Buffer | undefined;
    try {
      ({ params, requestData } = await readSdkBody(req));
    } catch (e) {
      return reply({ code: 'INVALID_PARAM', message: (e as Error).message });
    }
    const action = typeof params.action === 'string' ? params.action : '';
    const env = url.searchParams.get('env') || params.envName;
    const token = typeof params.wxCloudApiToken === 'string' ? params.wxCloudApiToken : '';
    const found = token ? this.deps.invocations.lookup(token) : null;
    const invocation = found && 'live' in found ? found.live : null;

    const log = (kind: RequestKind, collection: string | undefined, docs: number, error?: string) =>
      this.deps.invocations.record(
        {
          at: Date.now(),
          invocationId: invocation?.id ?? null,
          functionName: invocation?.functionName ?? null,
          openid: invocation?.identity.openid ?? null,
          action,
          collection,
          kind,
          docs,
          ms: Math.round((performance.now() - started) * 1000) / 1000,
          ...(error ? { error } : {}),
        },
        invocation,
      );

    try {
      if (env !== this.deps.envId) {
        throw new CloudError(
          'INVALIID_ENV',
          `env ${String(env)} is not served here (this backend serves ${this.deps.envId})`,
        );
      }
      if (token && !invocation) {
        const ended = found && 'ended' in found ? found.ended : null;
        throw new CloudError(
          'INVALID_REQUEST_SOURCE',
          ended
            ? `request from invocation ${ended.id} of ${ended.functionName} after it ${ended.status === 'timeout' ? 'timed out' : 'returned'}: ` +
                'in WeChat cloud the instance is frozen then and this work may never run. Await every cloud call before returning.'
            : 'unknown wxCloudApiToken',
        );
      }

      if (action.startsWith('database.')) {
        const { body, effect } = await this.deps.database.handle(action, params);
        logEffect(log, effect);
        return reply(body);
      }
      if (action.startsWith('storage.')) {
        const { body, files } = this.deps.storage.handle(action, params, baseUrl(req));
        log('storage', undefined, files);
        return reply(body);
      }
      if (action === 'wx.openApi')
        return await this.handleOpenApi(res, requestId, params, requestData, invocation, log);
      if (action === 'functions.invokeFunction') {
        const outcome = await this.invokeFromFunction(params, invocation);
        if (outcome.ok) {
          log('function', undefined, 0);
          return reply({ data: { response_data: JSON.stringify(outcome.result) } });
        }
        throw new CloudError(outcome.code, outcome.message);
      }
      throw new CloudError(
        'LOCAL_CLOUD_NOT_EMULATED',
        `local-cloud does not emulate ${action || '(no action)'}; see local-cloud/README.md for what is emulated`,
      );
    } catch (e) {
      const error = e instanceof CloudError ? e : new CloudError('SYS_ERR', (e as Error).message);
      if (!(e instanceof CloudError)) console.error('[local-cloud] unexpected error in', action, e);
      if (error.code === 'LOCAL_CLOUD_NOT_EMULATED') console.warn(`[local-cloud] ${error.message}`);
      log(
        kindOf(action),
        typeof params.collectionName === 'string' ? params.collectionName : undefined,
        0,
        error.code,
      );
      if (action === 'wx.openApi') {
        // The SDK reads a JSON error only under this exact content type.
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ requestId, code: error.code, message: error.message }));
        return;
      }
      return reply({ code: error.code, message: error.message });
    }
  }

  private async handleOpenApi(
    res: http.ServerResponse,
    requestId: string,
    params: Record<string, unknown>,
    requestData: Buffer | undefined,
    invocation: InvocationRecord | null,
    log: (kind: RequestKind, collection: string | undefined, docs: number, error?: string) => void,
  ): Promise<void> {
    const apiName = typeof params.apiName === 'string' ? params.apiName : '';
    if (!requestData) throw new CloudError('INVALID_PARAM', 'requestData is missing');
    const apiParams = decodeOpenApiRequest(requestData);
    const caller = invocation
      ? {
          functionName: invocation.functionName,
          invocationId: invocation.id,
          permissions: this.deps.runner.config(invocation.functionName)?.openapi ?? [],
        }
      : null;
    const outcome = await this.deps.openapi.handle(apiName, apiParams, caller);
    const body =
      'systemError' in outcome
        ? encodeOpenApiSystemError(outcome.systemError)
        : encodeOpenApiReply(outcome.reply);
    const errcode = 'systemError' in outcome ? outcome.systemError : Number(outcome.reply.errcode ?? 0);
    log('openapi', apiName, 0, errcode ? String(errcode) : undefined);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'x-request-id': requestId });
    res.end(body);
  }

  private async invokeFromFunction(
    params: Record<string, unknown>,
    caller: InvocationRecord | null,
  ): Promise<InvokeOutcome> {
    const name = params.function_name;
    if (typeof name !== 'string') throw new CloudError('INVALID_PARAM', 'function_name is required');
    let data: unknown = {};
    if (typeof params.request_data === 'string' && params.request_data !== '') {
      try {
        data = JSON.parse(params.request_data);
      } catch {
        throw new CloudError('INVALID_PARAM', 'request_data is not JSON');
      }
    }
    // The callee runs with the caller's user; SOURCE records the chain, e.g. "wx_client,scf".
    const identity: Identity = caller
      ? { ...caller.identity, source: `${sourceOf(caller.identity)},scf` }
      : { source: 'scf' };
    const { outcome } = await this.deps.runner.invoke(name, data, identity, caller);
    return outcome;
  }

  // ------------------------------------------------------------------ dev API for the H5 build

  private async handleDevInvoke(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    name: string,
  ): Promise<void> {
    // The body is read as JSON whatever the content type says (curl sends form encoding by default). A call
    // from a cross-site page cannot carry X-Openid without a preflight, which this server never grants.
    let event: unknown;
    let problem: string | null = null;
    try {
      event = await readJsonBody(req);
      if (!isPlainObject(event)) problem = 'the body must be a JSON object';
    } catch (e) {
      problem = (e as Error).message;
    }
    if (problem !== null) {
      return sendJson(
        res,
        400,
        this.deps.badDevRequest?.(problem) ?? { errCode: -1, errMsg: `cloud.callFunction:fail ${problem}` },
      );
    }
    const openid = header(req, 'x-openid');
    const identity: Identity = openid
      ? { openid, appid: this.deps.appid, unionid: header(req, 'x-unionid') }
      : { source: header(req, 'x-source') ?? 'wx_http' };
    const { outcome, record } = await this.deps.runner.invoke(
      name,
      event as Record<string, unknown>,
      identity,
    );
    res.setHeader('x-request-id', record.id);
    if (outcome.ok) return sendJson(res, 200, outcome.result);
    return sendJson(res, 502, clientError(outcome));
  }

  /**
   * The H5 build's stand-in for the mini-program's `wx.cloud.uploadFile` / `getTempFileURL`:
   * `PUT /_files/<cloudPath>` (X-Openid, the bytes as the body) → `{fileID}`;
   * `GET /_files/<cloudPath>` → a redirect to a temporary URL (storage's default rule: everyone may read).
   */
  private async handleClientFile(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ): Promise<void> {
    const { storage } = this.deps;
    let cloudPath: string;
    try {
      cloudPath = checkPath(decodeURIComponent(url.pathname.slice('/_files/'.length)));
    } catch (e) {
      await drain(req);
      return sendJson(res, 400, { errCode: -1, errMsg: `cloud.uploadFile:fail ${(e as Error).message}` });
    }
    if (req.method === 'PUT') {
      if (!header(req, 'x-openid')) {
        await drain(req);
        return sendJson(res, 401, { errCode: -1, errMsg: 'cloud.uploadFile:fail no user (X-Openid)' });
      }
      const outcome = await storage.receive(req, cloudPath);
      if (!outcome.ok)
        return sendJson(res, 400, { errCode: -1, errMsg: `cloud.uploadFile:fail ${outcome.message}` });
      return sendJson(res, 200, { fileID: storage.fileIdOf(cloudPath), statusCode: 200 });
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const temp = storage.tempUrl(cloudPath, 600, baseUrl(req));
      if (!temp) return sendJson(res, 404, { errCode: -1, errMsg: 'STORAGE_FILE_NONEXIST' });
      res.writeHead(302, { location: encodeURI(temp) });
      return void res.end();
    }
    await drain(req);
    sendJson(res, 405, { errCode: -1, errMsg: `${req.method} is not allowed on /_files/` });
  }

  // ------------------------------------------------------------------ admin and dev UI

  private async handleAdmin(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const { store, openapi, invocations, runner, envId } = this.deps;
    const p = url.pathname.replace(/\/+$/, '');
    const q = url.searchParams;
    if (req.method === 'GET' && (p === '/_local' || p === '/_local/ui')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(DEV_UI_HTML);
    }
    if (req.method === 'GET' && p === '/_local/health') {
      return sendJson(res, 200, {
        ok: true,
        envId,
        lsn: store.engine.lsn,
        collections: store.engine.collectionNames().filter((n) => !n.startsWith('$')).length,
        functions: runner.functionNames(),
        instances: runner.instanceCounts(),
        running: invocations.running,
        pid: process.pid,
      });
    }
    if (req.method === 'GET' && p === '/_local/collections') {
      const names = store.engine.collectionNames().filter((n) => !n.startsWith('$'));
      return sendJson(
        res,
        200,
        names.map((name) => ({
          name,
          count: store.engine.size(name),
          indexes: store.engine.indexesOf(name),
        })),
      );
    }
    if (req.method === 'GET' && p.startsWith('/_local/collections/')) {
      const name = decodeURIComponent(p.slice('/_local/collections/'.length));
      if (name.startsWith('$') || !store.engine.hasCollection(name)) {
        return sendJson(res, 404, {
          code: 'DATABASE_COLLECTION_NOT_EXIST',
          message: `no collection ${name}`,
        });
      }
      const docs = store.engine.find(name, {
        skip: Number(q.get('skip') ?? 0) || 0,
        limit: q.has('limit') ? Number(q.get('limit')) : undefined,
      });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return void res.end(toEJSON(docs));
    }
    if (req.method === 'GET' && p === '/_local/outbox') {
      const messages = openapi.outbox({
        touser: q.get('touser') ?? undefined,
        templateId: q.get('templateId') ?? undefined,
      });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return void res.end(toEJSON(messages));
    }
    if (req.method === 'GET' && p === '/_local/files') {
      return sendJson(res, 200, this.deps.storage.list());
    }
    if (req.method === 'GET' && p === '/_local/requests') {
      return sendJson(
        res,
        200,
        invocations.requests({
          invocationId: q.get('invocationId') ?? undefined,
          sinceSeq: q.has('since') ? Number(q.get('since')) : undefined,
        }),
      );
    }
    if (req.method === 'POST' && p === '/_local/grants') {
      if (!isJsonRequest(req))
        return sendJson(res, 415, { code: 'INVALID_PARAM', message: 'send application/json' });
      try {
        const body = await readJsonBody(req);
        if (!isPlainObject(body)) throw new CloudError('INVALID_PARAM', 'body must be an object');
        const remaining = await openapi.grant(
          String(body.openid ?? ''),
          String(body.templateId ?? ''),
          Number(body.count ?? 1),
        );
        return sendJson(res, 200, { ok: true, remaining });
      } catch (e) {
        const code = e instanceof CloudError ? e.code : 'INVALID_PARAM';
        return sendJson(res, 400, { code, message: (e as Error).message });
      }
    }
    if (req.method === 'POST' && p === '/_local/compact') {
      if (!isJsonRequest(req))
        return sendJson(res, 415, { code: 'INVALID_PARAM', message: 'send application/json' });
      await drain(req);
      await store.compact();
      return sendJson(res, 200, { ok: true, lsn: store.engine.lsn });
    }
    sendJson(res, 404, { code: 'NOT_FOUND', message: `no admin route ${req.method} ${p}` });
  }
}

const WRITE_ACTIONS = new Set([
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
]);
const TRANSACTION_ACTIONS = new Set([
  'database.startTransaction',
  'database.commitTransaction',
  'database.abortTransaction',
]);

function kindOf(action: string): RequestKind {
  if (WRITE_ACTIONS.has(action)) return 'write';
  if (TRANSACTION_ACTIONS.has(action)) return 'transaction';
  if (action === 'database.addCollection') return 'admin';
  if (action.startsWith('database.')) return 'read';
  if (action === 'wx.openApi') return 'openapi';
  if (action.startsWith('functions.')) return 'function';
  if (action.startsWith('storage.')) return 'storage';
  return 'admin';
}

function logEffect(
  log: (kind: RequestKind, collection: string | undefined, docs: number, error?: string) => void,
  effect: DbEffect,
): void {
  log(effect.kind, effect.collection, effect.docs);
}

/** The address this request reached the backend at (what signed storage URLs are built on). */
function baseUrl(req: http.IncomingMessage): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s ? s : undefined;
}

function isJsonRequest(req: http.IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').startsWith('application/json');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function drain(req: http.IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.resume();
    req.on('end', resolve);
    req.on('error', () => resolve());
  });
}

function readRaw(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body exceeds ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  const raw = await readRaw(req);
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new Error('the body is not valid JSON');
  }
}

/** The SDK posts JSON for database and functions actions, multipart for wx.openApi. */
async function readSdkBody(
  req: http.IncomingMessage,
): Promise<{ params: Record<string, unknown>; requestData?: Buffer }> {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    return new Promise((resolve, reject) => {
      const params: Record<string, unknown> = {};
      let requestData: Buffer | undefined;
      let size = 0;
      const bb = busboy({
        headers: req.headers,
        limits: { fileSize: MAX_BODY_BYTES, fieldSize: MAX_BODY_BYTES },
        // requestData is binary protobuf, sent without a filename: read it as a file so no charset touches it.
        isPartAFile: (name: string) => name === 'requestData',
      } as busboy.BusboyConfig);
      bb.on('field', (name, value) => {
        params[name] = value;
      });
      bb.on('file', (_name, stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => {
          size += c.length;
          chunks.push(c);
        });
        stream.on('end', () => {
          requestData = Buffer.concat(chunks);
        });
      });
      bb.on('error', reject);
      bb.on('close', () =>
        size > MAX_BODY_BYTES ? reject(new Error('body too large')) : resolve({ params, requestData }),
      );
      req.pipe(bb);
    });
  }
  const body = await readJsonBody(req);
  if (!isPlainObject(body)) throw new Error('the body must be a JSON object');
  return { params: body };
}
