import * as z from 'zod/mini';

/**
 * Input schemas are zod/mini (small enough for the mini-program bundle), shared by client forms and cloud
 * commands so both sides validate the same way. Messages are Chinese; a field of the wrong type (only a
 * broken or hostile client sends one) is reported as "<field>格式不正确".
 */
export type Schema<T> = z.ZodMiniType<T>;

export function firstProblem(error: z.core.$ZodError, labels: Record<string, string> = {}): string {
  const issue = error.issues[0];
  if (!issue) return '填写的内容有误';
  const field =
    issue.path.map(String).find((p) => labels[p]) ?? (issue.path.length ? String(issue.path[0]) : '');
  const label = labels[field] ?? (field ? field : '请求');
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value') {
    return `${label}格式不正确`;
  }
  // Our checks all carry Chinese messages; one of zod's own (e.g. an integer beyond the safe range) does not.
  return /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : `${label}格式不正确`;
}

const UNREADABLE = '请求格式不正确';

/**
 * `schema.safeParse`, safe against hostile values: zod's length checks read `value.length` of any value,
 * and comparing an object whose `toString`/`valueOf` are not functions throws. A value the schema cannot
 * even look at is invalid, not a crash.
 */
function safeParse<T>(schema: Schema<T>, value: unknown): ReturnType<Schema<T>['safeParse']> | null {
  try {
    return schema.safeParse(value);
  } catch {
    return null;
  }
}

/** Parses `value`; returns the data or a Chinese message for the first problem. */
export function validate<T>(
  schema: Schema<T>,
  value: unknown,
  labels?: Record<string, string>,
): { ok: true; data: T } | { ok: false; message: string } {
  const parsed = safeParse(schema, value);
  if (!parsed) return { ok: false, message: UNREADABLE };
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, message: firstProblem(parsed.error, labels) };
}

/** Every field's first problem, for showing next to the field in a form (same rules as the cloud applies). */
export function fieldProblems(
  schema: Schema<unknown>,
  value: unknown,
  labels: Record<string, string> = {},
): Record<string, string> {
  const parsed = safeParse(schema, value);
  if (!parsed) return { _: UNREADABLE };
  if (parsed.success) return {};
  const problems: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '_';
    problems[field] ??= firstProblem(new z.core.$ZodError([issue]), labels);
  }
  return problems;
}

/** Trimmed text between `min` and `max` characters, with Chinese messages naming the field. */
export const trimmedText = (what: string, min: number, tooShort: string, max: number) =>
  z.string().check(z.trim(), z.minLength(min, tooShort), z.maxLength(max, `${what}最多 ${max} 个字`));

/** Document ids as the cloud generates them or as seeded: short, URL-safe. */
export const idSchema = z
  .string()
  .check(z.minLength(1, '缺少编号'), z.maxLength(64, '编号无效'), z.regex(/^[A-Za-z0-9_-]+$/, '编号无效'));

/**
 * A file the client uploaded to cloud storage: client uploads live under `uploads/`
 * (`uploads/<kind>/<yyyymmdd>/<random>-<name>`), and the functions read nothing else on a caller's behalf.
 */
export const fileIdSchema = z
  .string()
  .check(
    z.maxLength(500, '文件编号无效'),
    z.regex(/^cloud:\/\/[^/\s]+\/uploads\/[^\s]+$/, '请先上传文件（文件编号无效）'),
  );

/** Keyset pagination: opaque cursor from the previous page, and a page size. */
export const pageSchema = {
  cursor: z.optional(z.string().check(z.maxLength(200, '分页参数无效'))),
  limit: z.optional(z.int().check(z.minimum(1, '每页至少 1 条'), z.maximum(50, '每页最多 50 条'))),
};
