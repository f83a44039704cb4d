/* eslint-disable @typescript-eslint/no-explicit-any -- documents are schemaless; callers narrow them. */
/**
 * wx-server-sdk 4.0.2's database API as the cloud functions use it: promise-only. The SDK's own typings return
 * `string | void | Promise<…>` unions (they also describe the old callback style), which typed code cannot use;
 * these describe what the SDK does when called without callbacks. Functions write `WxCloud.Database` etc.
 */
declare namespace WxCloud {
  type DocumentData = { _id?: string | number; [field: string]: any };

  interface Query {
    where(condition: object): Query;
    orderBy(field: string, order: 'asc' | 'desc'): Query;
    skip(n: number): Query;
    limit(n: number): Query;
    field(projection: Record<string, boolean | number | object>): Query;
    get(): Promise<{ data: DocumentData[]; errMsg: string }>;
    count(): Promise<{ total: number; errMsg: string }>;
    update(options: {
      data: object;
      multi?: boolean;
    }): Promise<{ stats: { updated: number }; errMsg: string }>;
    remove(options?: { multi?: boolean }): Promise<{ stats: { removed: number }; errMsg: string }>;
  }

  interface Document {
    field(projection: Record<string, boolean | number | object>): Document;
    get(): Promise<{ data: DocumentData; errMsg: string }>;
    set(options: {
      data: object;
    }): Promise<{ _id: string | number; stats: { updated: number; created: number }; errMsg: string }>;
    update(options: { data: object }): Promise<{ stats: { updated: number }; errMsg: string }>;
    remove(): Promise<{ stats: { removed: number }; errMsg: string }>;
  }

  interface Aggregate {
    [stage: string]: any;
    addFields(v: object): Aggregate;
    bucket(v: object): Aggregate;
    count(field: string): Aggregate;
    group(v: object): Aggregate;
    limit(n: number): Aggregate;
    lookup(v: object): Aggregate;
    match(v: object): Aggregate;
    project(v: object): Aggregate;
    replaceRoot(v: object): Aggregate;
    sample(v: object): Aggregate;
    skip(n: number): Aggregate;
    sort(v: object): Aggregate;
    sortByCount(v: any): Aggregate;
    unwind(v: any): Aggregate;
    end(): Promise<{ list: DocumentData[]; errMsg: string }>;
  }

  interface Collection extends Query {
    doc(id: string | number): Document;
    add(options: {
      data: object | object[];
    }): Promise<{ _id: string | number; _ids?: (string | number)[]; errMsg: string }>;
    aggregate(): Aggregate;
  }

  interface Transaction {
    collection(name: string): Collection;
    commit(): Promise<unknown>;
    rollback(reason?: unknown): Promise<unknown>;
  }

  interface Database {
    collection(name: string): Collection;
    /** db.command: query, update and aggregation operators (`_.inc`, `_.gt`, `_.aggregate.sum`, …). */
    command: any;
    serverDate(options?: { offset?: number }): unknown;
    RegExp(options: { regexp: string; options?: string }): unknown;
    Geo: any;
    createCollection(name: string): Promise<unknown>;
    startTransaction(): Promise<Transaction>;
    runTransaction<T>(fn: (transaction: Transaction) => Promise<T>, retries?: number): Promise<T>;
  }
}
