/**
 * Errors the backend answers with, in the shape the CloudBase HTTP API uses: `{code, message, requestId}`.
 * wx-server-sdk maps the string `code` to the numeric `errCode` a function sees (e.g. -502005).
 */
export type CloudErrorCode =
  | 'DATABASE_COLLECTION_NOT_EXIST' // -502005
  | 'DATABASE_COLLECTION_ALREADY_EXIST' // -501001 (unmapped by the SDK)
  | 'DATABASE_REQUEST_FAILED' // -502001, e.g. duplicate key
  | 'DATABASE_INVALID_OPERRATOR' // -502002 (sic, the SDK's spelling)
  | 'DATABASE_TRANSACTION_CONFLICT' // retried by runTransaction
  | 'DATABASE_TRANSACTION_FAIL' // unknown or expired transaction
  | 'INVALID_PARAM' // -501007
  | 'INVALIID_ENV' // -501005 (sic, the SDK's spelling)
  | 'INVALID_REQUEST_SOURCE' // -501008
  | 'INVALID_ACTION'
  | 'FUNCTIONS_EXECUTE_FAIL' // -504002
  | 'FUNCTIONS_TIME_LIMIT_EXCEEDED'
  | 'FUNCTION_NOT_FOUND'
  | 'LOCAL_CLOUD_NOT_EMULATED'
  | 'LOCAL_CLOUD_STORAGE_FAILED'
  | 'SYS_ERR'; // -501001

export class CloudError extends Error {
  constructor(
    readonly code: CloudErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/** The real service's wording, kept so that logs and tests read like production. */
export const MESSAGES = {
  collectionNotExist: (name: string) =>
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  duplicateKey: (env: string, coll: string, index: string, key: string) =>
    `[FailedOperation] E11000 duplicate key error collection: ${env}.${coll} index: ${index} dup key: ${key}`,
  transactionConflict: () =>
    '[ResourceUnavailable.TransactionConflict] Transaction is conflicted, maybe resource is busy, please retry.',
};
