/**
 * local-cloud: an offline WeChat cloud for wx-server-sdk 4.0.2 functions. See README.md.
 */
export {
  LocalCloud,
  LocalCloudCallError,
  startLocalCloud,
  connectDatabase,
  connectCloud,
  readLiveLock,
  type LockInfo,
  DEFAULT_APPID,
  DEFAULT_ENV_ID,
  type CloudDatabase,
  type InvocationReport,
  type LocalCloudOptions,
  type SeedData,
} from './src/local-cloud';
export { loadManifest, validateManifest, type CollectionsManifest } from './src/manifest';
export type { Identity, RequestLogEntry, RequestKind } from './src/invocations';
export type { IndexSpec } from './src/store/engine';
export type { OutboxMessage, SecurityWord, SubscribeTemplate, TemplateFieldKind } from './src/openapi';
export {
  readFunctionConfig,
  parseFunctionConfig,
  FunctionConfigError,
  DEFAULT_MEMORY_MB,
  DEFAULT_TIMEOUT_S,
  type FunctionConfig,
} from './src/function-config';
export {
  GET_DEFAULT_LIMIT,
  GET_MAX_LIMIT,
  AGGREGATE_DEFAULT_LIMIT,
  AGGREGATE_MAX_LIMIT,
} from './src/database';
export type {
  SdkDatabase,
  SdkCollection,
  SdkQuery,
  SdkDocument,
  SdkAggregate,
  SdkTransaction,
  SdkStorage,
  DocumentData,
} from './src/sdk-types';
export {
  StorageService,
  checkPath,
  MAX_UPLOAD_BYTES,
  TEMP_URL_DEFAULT_SECONDS,
  TEMP_URL_MAX_SECONDS,
  MAX_FILES_PER_CALL,
  type StoredFile,
} from './src/storage';
