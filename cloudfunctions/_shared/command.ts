import type { Schema } from '../../core/validation';
import { validate } from '../../core/validation';
import { accessOf, type Access } from '../../core/access';
import type { FunctionName } from '../../core/api';
import { allows } from '../../core/roles';
import { fail, isResult, ok, type Failure, type Result } from '../../core/result';
import { clockNow } from './clock';
import { callerOpenid } from './cloud';
import { AppError } from './errors';
import { loadMember, type MemberDoc } from './member';

/** What a command gets besides its input: who is calling, and the time of the call. */
export interface CommandContext {
  openid: string;
  /** The caller's member record (one read, loaded at most once per call), or null when not bound. */
  member(): Promise<MemberDoc | null>;
  /** Milliseconds since the epoch, fixed for the whole call. */
  now: number;
}

/**
 * One user intent. Who may call it is written in the authorization matrix (core/access.ts); the router
 * checks it before the input is looked at. `run` returns data (answered as `{ok: true, data}`) or throws
 * AppError (answered as `{ok: false, error}`); it may also return a Failure directly.
 */
export interface Command<I = unknown, O = unknown> {
  action: string;
  input: Schema<I>;
  run(ctx: CommandContext, input: I): Promise<O | Failure<string>>;
}

export function defineCommand<I, O>(command: Command<I, O>): Command<I, O> {
  return command;
}

/** Any command, its input type erased (the router validates input with the command's own schema). */
export interface AnyCommand {
  action: string;
  input: Schema<unknown>;
  run(ctx: CommandContext, input: never): Promise<unknown>;
}

/**
 * The function's `main`: dispatches on `event.action` to one command. Order of checks: caller identity
 * (UNAUTHENTICATED), the action (INVALID_INPUT), the caller's roles (NOT_BOUND / FORBIDDEN), the input
 * (INVALID_INPUT). Unexpected exceptions are logged and answered as INTERNAL without internals.
 */
export function createHandler(
  fn: FunctionName,
  commands: readonly AnyCommand[],
  fieldLabels: Record<string, string> = {},
): (event: unknown) => Promise<Result<unknown, string>> {
  const byAction = new Map<string, { command: AnyCommand; access: Access }>(
    commands.map((command) => {
      const access = accessOf(fn, command.action);
      // A command the matrix does not list would have no gate: the function refuses to load instead.
      if (!access)
        throw new Error(`${fn}.${command.action} is not in the authorization matrix (core/access.ts)`);
      return [command.action, { command, access }];
    }),
  );
  return async (event: unknown) => {
    const openid = callerOpenid();
    if (!openid) return fail('UNAUTHENTICATED');
    if (!event || typeof event !== 'object' || Array.isArray(event))
      return fail('INVALID_INPUT', '请求格式不正确');
    const { action, userInfo: _platform, ...payload } = event as Record<string, unknown>;
    const entry = typeof action === 'string' ? byAction.get(action) : undefined;
    if (!entry) return fail('INVALID_INPUT', typeof action === 'string' ? '不支持的操作' : '缺少操作类型');

    const { command, access } = entry;
    let cached: Promise<MemberDoc | null> | undefined;
    const ctx: CommandContext = {
      openid,
      member: () => (cached ??= loadMember(openid)),
      now: clockNow(),
    };
    try {
      if (!access.allow.includes('anyone')) {
        const member = await ctx.member();
        if (!allows(access.allow, member)) return member ? fail('FORBIDDEN') : fail('NOT_BOUND');
      }
      const parsed = validate(command.input, payload, fieldLabels);
      if (!parsed.ok) return fail('INVALID_INPUT', parsed.message);
      const out = await command.run(ctx, parsed.data as never);
      return isFailure(out) ? out : ok(out);
    } catch (e) {
      if (e instanceof AppError) return e.toFailure();
      console.error(`[${command.action}] unexpected error`, e);
      return fail('INTERNAL');
    }
  };
}

function isFailure(value: unknown): value is Failure<string> {
  return isResult(value) && value.ok === false;
}
