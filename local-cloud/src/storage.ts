import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { CloudError } from './errors';

/**
 * Cloud storage (云存储) as wx-server-sdk 4.0.2 reaches it: three JSON actions on the SDK endpoint and two
 * plain HTTP requests to the object store that stand in for COS.
 *
 * - `storage.getUploadMetadata {path}` → a signed PUT URL and the file's id; the SDK then PUTs the bytes there
 *   (success: empty body; failure: COS's XML `<Error>`).
 * - `storage.batchGetDownloadUrl {file_list: [{fileid, max_age}]}` → signed GET URLs that expire after max_age
 *   seconds (default and maximum one day, as the real service); `downloadFile` is this plus a GET.
 * - `storage.batchDeleteFile {fileid_list}`.
 *
 * Files live under `<envDir>/storage/<cloudPath>`: written to a temporary file, fsynced, then renamed into place
 * before the upload is acknowledged, so an acknowledged file survives a SIGKILL and a torn upload never shows.
 * Size, type and time come from the file itself: no second record can disagree with it.
 */

/** COS's limit for one simple upload (PUT Object): 5 GB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 ** 3;
/** getTempFileURL: "默认一天且最大不超过一天", at most 50 files per call. */
export const TEMP_URL_DEFAULT_SECONDS = 86_400;
export const TEMP_URL_MAX_SECONDS = 86_400;
export const MAX_FILES_PER_CALL = 50;
/** Upload URLs are good for as long as the real ones' signatures (an hour is plenty for one PUT). */
const UPLOAD_URL_SECONDS = 3_600;
/** COS object keys: at most 850 bytes. */
const MAX_PATH_BYTES = 850;

const TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

export interface StorageOptions {
  envDir: string;
  envId: string;
  /** Signs upload and download URLs (the backend's secret key). */
  secretKey: string;
  maxUploadBytes?: number;
  now?: () => number;
}

export type Received =
  { ok: true; size: number } | { ok: false; status: number; code: string; message: string };

export interface StoredFile {
  fileID: string;
  cloudPath: string;
  size: number;
  uploadedAt: number;
}

export class StorageService {
  readonly root: string;
  readonly bucket: string;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(private readonly options: StorageOptions) {
    this.root = path.join(options.envDir, 'storage');
    mkdirSync(this.root, { recursive: true });
    // Real buckets read `<hex of the env id's first two letters>-<env id>-<account number>`.
    this.bucket = `${Buffer.from(options.envId.slice(0, 2)).toString('hex')}-${options.envId}-1250000000`;
    this.maxBytes = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
    this.now = options.now ?? Date.now;
    this.removeTornUploads(this.root);
  }

  /** Uploads cut off by a crash left temporary files that were never acknowledged: they go. */
  private removeTornUploads(dir: string): void {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) this.removeTornUploads(full);
      else if (entry.name.startsWith('.upload-')) rmSync(full, { force: true });
    }
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.options.envId}.${this.bucket}/${cloudPath}`;
  }

  /** The cloud path of one of this environment's file ids, or null for anything else. */
  pathOf(fileID: unknown): string | null {
    const prefix = `cloud://${this.options.envId}.${this.bucket}/`;
    if (typeof fileID !== 'string' || !fileID.startsWith(prefix)) return null;
    try {
      return checkPath(fileID.slice(prefix.length));
    } catch {
      return null;
    }
  }

  /** Answers one `storage.*` action of the SDK; `base` is the URL this backend is reached at. */
  handle(
    action: string,
    params: Record<string, unknown>,
    base: string,
  ): { body: Record<string, unknown>; files: number } {
    switch (action) {
      case 'storage.getUploadMetadata': {
        const cloudPath = checkPath(params.path);
        const expires = Math.floor(this.now() / 1000) + UPLOAD_URL_SECONDS;
        const sign = this.sign('put', cloudPath, expires);
        return {
          files: 1,
          body: {
            data: {
              url: `${base}/_storage/${encodePath(cloudPath)}?expires=${expires}&sign=${sign}`,
              token: randomBytes(16).toString('hex'),
              authorization: sign,
              fileId: this.fileIdOf(cloudPath),
              cosFileId: randomBytes(12).toString('hex'),
            },
          },
        };
      }
      case 'storage.batchGetDownloadUrl': {
        const list = batch(params.file_list);
        return {
          files: list.length,
          body: {
            data: {
              download_list: list.map((item) => {
                const fileid = (item as { fileid?: unknown })?.fileid;
                const maxAge = clampAge((item as { max_age?: unknown })?.max_age);
                const cloudPath = this.pathOf(fileid);
                if (!cloudPath || !this.exists(cloudPath)) {
                  return {
                    fileID: fileid,
                    code: 'STORAGE_FILE_NONEXIST',
                    message: 'file not exist',
                    tempFileURL: '',
                    maxAge,
                  };
                }
                const tempFileURL = this.tempUrl(cloudPath, maxAge, base)!;
                return { fileID: fileid, code: 'SUCCESS', tempFileURL, maxAge };
              }),
            },
          },
        };
      }
      case 'storage.batchDeleteFile': {
        const list = batch(params.fileid_list);
        return {
          files: list.length,
          body: {
            data: {
              delete_list: list.map((fileid) => {
                const cloudPath = this.pathOf(fileid);
                if (!cloudPath || !this.exists(cloudPath))
                  return { fileID: fileid, code: 'STORAGE_FILE_NONEXIST' };
                rmSync(this.fileOf(cloudPath), { force: true });
                return { fileID: fileid, code: 'SUCCESS' };
              }),
            },
          },
        };
      }
      default:
        throw new CloudError('LOCAL_CLOUD_NOT_EMULATED', `local-cloud does not emulate ${action}`);
    }
  }

  /**
   * A signed download URL good for `maxAge` seconds, or null when there is no such file. As the real service's, its
   * path is not percent-encoded (the SDK's downloadFile runs it through encodeURI).
   */
  tempUrl(cloudPath: string, maxAge: number, base: string): string | null {
    if (!this.exists(cloudPath)) return null;
    const expires = Math.floor(this.now() / 1000) + maxAge;
    return `${base}/_storage/${cloudPath}?expires=${expires}&sign=${this.sign('get', cloudPath, expires)}`;
  }

  /** PUT (upload) and GET/HEAD (download) on the signed URLs this service hands out. */
  async serveObject(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    let cloudPath: string;
    try {
      cloudPath = checkPath(decodeURIComponent(url.pathname.slice('/_storage/'.length)));
    } catch {
      return cosError(res, 400, 'InvalidURI', 'Could not parse the specified URI.');
    }
    const method =
      req.method === 'PUT' ? 'put' : req.method === 'GET' || req.method === 'HEAD' ? 'get' : null;
    if (!method) return cosError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed.');
    const expires = Number(url.searchParams.get('expires'));
    if (!this.verify(method, cloudPath, expires, url.searchParams.get('sign') ?? '')) {
      req.resume();
      return cosError(res, 403, 'AccessDenied', 'Access Denied.');
    }
    if (expires * 1000 < this.now()) {
      req.resume();
      return cosError(res, 403, 'AccessDenied', 'Request has expired');
    }
    if (method === 'put') {
      const outcome = await this.receive(req, cloudPath);
      if (!outcome.ok) return cosError(res, outcome.status, outcome.code, outcome.message);
      res.writeHead(200, { 'content-length': 0, etag: `"${outcome.size}"` });
      return void res.end();
    }
    const file = this.fileOf(cloudPath);
    if (!this.exists(cloudPath)) return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    const size = statSync(file).size;
    res.writeHead(200, {
      'content-type': TYPES[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  /** Files as stored (for tests and the dev console). */
  list(): StoredFile[] {
    const out: StoredFile[] = [];
    const walk = (dir: string) => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (!entry.name.startsWith('.upload-')) {
          const cloudPath = path.relative(this.root, full).split(path.sep).join('/');
          const stat = statSync(full);
          out.push({
            fileID: this.fileIdOf(cloudPath),
            cloudPath,
            size: stat.size,
            uploadedAt: stat.mtimeMs,
          });
        }
      }
    };
    walk(this.root);
    return out.sort((a, b) => a.cloudPath.localeCompare(b.cloudPath));
  }

  /** Stores one upload's bytes durably: temporary file, fsync, rename, fsync of the folder. */
  receive(req: http.IncomingMessage, cloudPath: string): Promise<Received> {
    const tooBig = {
      ok: false,
      status: 400,
      code: 'EntityTooLarge',
      message: 'Your proposed upload exceeds the maximum allowed object size.',
    } as const;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBytes) {
      req.resume();
      return Promise.resolve(tooBig);
    }
    const target = this.fileOf(cloudPath);
    if (existsSync(target) && !statSync(target).isFile()) {
      req.resume();
      return Promise.resolve({
        ok: false,
        status: 409,
        code: 'PathConflict',
        message: `${cloudPath} is a folder`,
      });
    }
    mkdirSync(path.dirname(target), { recursive: true });
    const temp = path.join(path.dirname(target), `.upload-${randomBytes(6).toString('hex')}`);
    return new Promise((resolve) => {
      const out = createWriteStream(temp);
      let size = 0;
      let settled = false;
      const fail = (outcome: Received) => {
        if (settled) return;
        settled = true;
        req.unpipe(out);
        out.destroy();
        rmSync(temp, { force: true });
        req.resume();
        resolve(outcome);
      };
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > this.maxBytes) fail(tooBig);
      });
      const torn = () =>
        fail({
          ok: false,
          status: 400,
          code: 'IncompleteBody',
          message: 'The request body terminated unexpectedly',
        });
      req.on('error', torn);
      req.on('aborted', torn);
      out.on('error', (e) => fail({ ok: false, status: 500, code: 'InternalError', message: e.message }));
      req.pipe(out);
      out.on('finish', () => {
        if (settled) return;
        settled = true;
        // Durable before acknowledged: the bytes, then the name, then the folder entry.
        const fd = openSync(temp, 'r+');
        fsyncSync(fd);
        closeSync(fd);
        renameSync(temp, target);
        const dir = openSync(path.dirname(target), 'r');
        fsyncSync(dir);
        closeSync(dir);
        resolve({ ok: true, size });
      });
    });
  }

  private exists(cloudPath: string): boolean {
    const file = this.fileOf(cloudPath);
    return existsSync(file) && statSync(file).isFile();
  }

  private fileOf(cloudPath: string): string {
    return path.join(this.root, ...cloudPath.split('/'));
  }

  private sign(method: 'put' | 'get', cloudPath: string, expires: number): string {
    return createHmac('sha256', this.options.secretKey)
      .update(`${method}\n${cloudPath}\n${expires}`)
      .digest('hex');
  }

  private verify(method: 'put' | 'get', cloudPath: string, expires: number, sign: string): boolean {
    if (!Number.isInteger(expires) || !/^[0-9a-f]{64}$/.test(sign)) return false;
    return timingSafeEqual(
      Buffer.from(this.sign(method, cloudPath, expires), 'hex'),
      Buffer.from(sign, 'hex'),
    );
  }
}

/**
 * A cloud path as the real service takes it: relative (a leading slash is refused by wx.cloud too), no empty,
 * `.` or `..` segments, no control characters, at most 850 bytes.
 */
export function checkPath(value: unknown): string {
  if (typeof value !== 'string' || value === '')
    throw new CloudError('INVALID_PARAM', 'cloudPath is required');
  if (Buffer.byteLength(value) > MAX_PATH_BYTES)
    throw new CloudError('INVALID_PARAM', `cloudPath longer than ${MAX_PATH_BYTES} bytes`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value))
    throw new CloudError('INVALID_PARAM', 'cloudPath has control characters');
  // The real service takes these but its URLs cannot carry them unescaped (WeChat advises against them).
  if (/[?#]/.test(value)) throw new CloudError('INVALID_PARAM', 'cloudPath must not contain ? or #');
  const segments = value.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.upload-'))) {
    throw new CloudError('INVALID_PARAM', `cloudPath ${JSON.stringify(value)} is not a valid file path`);
  }
  return value;
}

function batch(list: unknown): unknown[] {
  if (!Array.isArray(list) || list.length === 0)
    throw new CloudError('INVALID_PARAM', 'fileList必须是非空的数组');
  if (list.length > MAX_FILES_PER_CALL)
    throw new CloudError('INVALID_PARAM', `fileList 最多 ${MAX_FILES_PER_CALL} 个`);
  return list;
}

function clampAge(value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return TEMP_URL_DEFAULT_SECONDS;
  return Math.min(Math.floor(n), TEMP_URL_MAX_SECONDS);
}

const encodePath = (cloudPath: string) => cloudPath.split('/').map(encodeURIComponent).join('/');

function cosError(res: http.ServerResponse, status: number, code: string, message: string): void {
  const body =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${message}</Message>\n` +
    `<Resource>/</Resource>\n<RequestId>${randomBytes(12).toString('hex')}</RequestId>\n<TraceId>local</TraceId>\n</Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
