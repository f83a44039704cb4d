/* eslint-disable @typescript-eslint/no-explicit-any -- documents are schemaless; callers narrow them. */
/**
 * A promise-only view of wx-server-sdk 4.0.2's database API. The SDK's own typings return
 * `string | void | Promise<…>` unions (they also describe the old callback style), which typed code
 * cannot use; this interface describes what the SDK actually does when called without callbacks.
 */

export type DocumentData = { _id?: string | number; [field: string]: any };

export interface SdkQuery {
  where(condition: object): SdkQuery;
  orderBy(field: string, order: 'asc' | 'desc'): SdkQuery;
  skip(n: number): SdkQuery;
  limit(n: number): SdkQuery;
  field(projection: Record<string, boolean | number | object>): SdkQuery;
  get(): Promise<{ data: DocumentData[]; errMsg: string }>;
  count(): Promise<{ total: number; errMsg: string }>;
  update(options: { data: object; multi?: boolean }): Promise<{ stats: { updated: number }; errMsg: string }>;
  remove(options?: { multi?: boolean }): Promise<{ stats: { removed: number }; errMsg: string }>;
}

export interface SdkDocument {
  field(projection: Record<string, boolean | number | object>): SdkDocument;
  get(): Promise<{ data: DocumentData; errMsg: string }>;
  set(options: {
    data: object;
  }): Promise<{ _id: string | number; stats: { updated: number; created: number }; errMsg: string }>;
  update(options: { data: object }): Promise<{ stats: { updated: number }; errMsg: string }>;
  remove(): Promise<{ stats: { removed: number }; errMsg: string }>;
}

export interface SdkAggregate {
  [stage: string]: any;
  addFields(v: object): SdkAggregate;
  bucket(v: object): SdkAggregate;
  count(field: string): SdkAggregate;
  group(v: object): SdkAggregate;
  limit(n: number): SdkAggregate;
  lookup(v: object): SdkAggregate;
  match(v: object): SdkAggregate;
  project(v: object): SdkAggregate;
  replaceRoot(v: object): SdkAggregate;
  sample(v: object): SdkAggregate;
  skip(n: number): SdkAggregate;
  sort(v: object): SdkAggregate;
  sortByCount(v: any): SdkAggregate;
  unwind(v: any): SdkAggregate;
  end(): Promise<{ list: DocumentData[]; errMsg: string }>;
}

export interface SdkCollection extends SdkQuery {
  doc(id: string | number): SdkDocument;
  add(options: {
    data: object | object[];
  }): Promise<{ _id: string | number; _ids?: (string | number)[]; errMsg: string }>;
  aggregate(): SdkAggregate;
}

export interface SdkTransaction {
  collection(name: string): SdkCollection;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

export interface SdkDatabase {
  collection(name: string): SdkCollection;
  /** db.command: query, update and aggregation operators (`_.inc`, `_.gt`, `_.aggregate.sum`, …). */
  command: any;
  serverDate(options?: { offset?: number }): unknown;
  RegExp(options: { regexp: string; options?: string }): unknown;
  Geo: any;
  createCollection(name: string): Promise<unknown>;
  startTransaction(): Promise<SdkTransaction>;
  runTransaction<T>(fn: (transaction: SdkTransaction) => Promise<T>, retries?: number): Promise<T>;
}

/** wx-server-sdk 4.0.2's storage calls, as they resolve (they reject with `{errCode, errMsg}`). */
export interface SdkStorage {
  uploadFile(options: {
    cloudPath: string;
    fileContent: Buffer;
  }): Promise<{ fileID: string; statusCode: number }>;
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer; statusCode: number }>;
  getTempFileURL(options: { fileList: (string | { fileID: string; maxAge: number })[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string; status: number; errMsg: string; maxAge?: number }[];
  }>;
  deleteFile(options: { fileList: string[] }): Promise<{
    fileList: { fileID: string; status: number; errMsg: string }[];
  }>;
}
