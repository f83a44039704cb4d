/**
 * One result shape for every cloud function: `{ok: true, data}` or `{ok: false, error: {code, message}}`,
 * with `message` in Chinese, ready to show to a resident.
 */
export const BASE_ERROR_CODES = [
  'UNAUTHENTICATED',
  'NOT_BOUND',
  'FORBIDDEN',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'INTERNAL',
] as const;

export type BaseErrorCode = (typeof BASE_ERROR_CODES)[number];

export interface Success<T> {
  ok: true;
  data: T;
}

export interface Failure<C extends string = BaseErrorCode> {
  ok: false;
  error: { code: C; message: string };
}

/** Features may add codes of their own (e.g. `ALREADY_VOTED`) through the second parameter. */
export type Result<T, C extends string = BaseErrorCode> = Success<T> | Failure<C>;

export const DEFAULT_MESSAGES: Record<BaseErrorCode, string> = {
  UNAUTHENTICATED: '请在微信小程序中打开',
  NOT_BOUND: '请先在“我的”页面绑定村民身份',
  FORBIDDEN: '您没有进行此操作的权限',
  INVALID_INPUT: '填写的内容有误，请检查后再提交',
  NOT_FOUND: '没有找到相关记录',
  CONFLICT: '操作与当前状态冲突，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONTENT_REJECTED: '内容未通过安全检查，请修改后再提交',
  INTERNAL: '系统繁忙，请稍后再试',
};

export function ok<T>(data: T): Success<T> {
  return { ok: true, data };
}

export function fail<C extends string>(code: C, message?: string): Failure<C> {
  const fallback = (DEFAULT_MESSAGES as Record<string, string>)[code] ?? DEFAULT_MESSAGES.INTERNAL;
  return { ok: false, error: { code, message: message ?? fallback } };
}

export function isResult(value: unknown): value is Result<unknown, string> {
  if (!value || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'data' in v;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error?.message === 'string';
}
