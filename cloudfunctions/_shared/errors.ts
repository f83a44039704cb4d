import { fail, type BaseErrorCode, type Failure } from '../../core/result';

/** Thrown inside a command to answer with a structured error; the router turns it into `{ok: false, error}`. */
export class AppError<C extends string = BaseErrorCode> extends Error {
  constructor(
    readonly code: C,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }

  toFailure(): Failure<C> {
    return fail(this.code, this.message === this.code ? undefined : this.message);
  }
}

/** wx-server-sdk signals a duplicate `_id` or unique-index violation with -502001 and MongoDB's E11000 text. */
export function isDuplicateKey(e: unknown): boolean {
  const err = e as { errCode?: number; message?: string };
  return err?.errCode === -502001 && /E11000|duplicate key/i.test(err.message ?? '');
}
