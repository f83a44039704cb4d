import type { MemberDoc } from './documents';
import type { Schema } from '../../core/validation';
import { validate } from '../../core/validation';
import { accessOf, type Access } from '../../core/access';
import type { ActionSpec } from '../../core/action';
import {
  CONTRACT,
  type ActionOf,
  type FunctionName,
  type OutputOf,
  type ParsedInputOf,
} from '../../core/api';
import { allows } from '../../core/roles';
import { fail, isResult, ok, type Failure, type Result } from '../../core/result';
import { clockNow } from './runtime';
import { callerOpenid } from './cloud';
import { AppError } from './errors';
import { loadMember } from './member';

/** What a command gets besides its input: who is calling, and the time of the call. */
export interface CommandContext {
  openid: string;
  /** The caller's member record (one read, loaded at most once per call), or null when not bound. */
  member(): Promise<MemberDoc | null>;
  /** Milliseconds since the epoch, fixed for the whole call. */
  now: number;
}

/**
 * One user intent, declared against its `(function, action)` in the contract (core/api.ts): the router takes
 * the input schema, the field names and who may call it (core/access.ts) from there, and `run` is typed by
 * it. `run` returns data (answered as `{ok: true, data}`) or throws AppError (answered as `{ok: false, error}`);
 * it may also return a Failure directly.
 */
export interface Command<F extends FunctionName, A extends ActionOf<F>> {
  fn: F;
  action: A;
  run(ctx: CommandContext, input: ParsedInputOf<F, A>): Promise<OutputOf<F, A> | Failure<string>>;
}

export function defineCommand<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  // NoInfer: `action` alone fixes A, so `run` is typed (and its literals kept) by the contract.
  body: NoInfer<{
    run(ctx: CommandContext, input: ParsedInputOf<F, A>): Promise<OutputOf<F, A> | Failure<string>>;
  }>,
): Command<F, A> {
  return { fn, action, run: body.run };
}

/** A function's commands, one per action of its contract: a missing or an extra one is a type error. */
export type Commands<F extends FunctionName> = { [A in ActionOf<F>]: Command<F, A> };

/**
 * The function's `main`: dispatches on `event.action` to one command. Order of checks: caller identity
 * (UNAUTHENTICATED), the action (INVALID_INPUT), the caller's roles (NOT_BOUND / FORBIDDEN), the input
 * (INVALID_INPUT). Unexpected exceptions are logged and answered as INTERNAL without internals.
 */
export function createHandler<F extends FunctionName>(
  fn: F,
  commands: Commands<F>,
): (event: unknown) => Promise<Result<unknown, string>> {
  const contract = CONTRACT[fn];
  const actions = contract.actions as Record<string, ActionSpec>;
  const byAction = new Map<string, { run: AnyRun; schema: Schema<unknown>; access: Access }>(
    Object.entries(commands as Record<string, { action: string; run: AnyRun }>).map(([key, command]) => {
      const access = accessOf(fn, key);
      // A command filed under another action's name, or one the contract does not list, would have no gate.
      if (!access || command.action !== key || !Object.hasOwn(actions, key))
        throw new Error(`${fn}.${key} is not in the contract (core/${fn}/contract.ts)`);
      return [key, { run: command.run, schema: actions[key]!.input as Schema<unknown>, access }];
    }),
  );
  const fieldLabels: Record<string, string> = contract.labels;
  return async (event: unknown) => {
    const openid = callerOpenid();
    if (!openid) return fail('UNAUTHENTICATED');
    if (!event || typeof event !== 'object' || Array.isArray(event))
      return fail('INVALID_INPUT', '请求格式不正确');
    const { action, userInfo: _platform, ...payload } = event as Record<string, unknown>;
    const entry =
      typeof action === 'string' && Object.hasOwn(commands, action) ? byAction.get(action) : undefined;
    if (!entry) return fail('INVALID_INPUT', typeof action === 'string' ? '不支持的操作' : '缺少操作类型');

    const { run, schema, access } = entry;
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
      const parsed = validate(schema, payload, fieldLabels);
      if (!parsed.ok) return fail('INVALID_INPUT', parsed.message);
      const out = await run(ctx, parsed.data as never);
      return isFailure(out) ? out : ok(out);
    } catch (e) {
      if (e instanceof AppError) return e.toFailure();
      console.error(`[${String(action)}] unexpected error`, e);
      return fail('INTERNAL');
    }
  };
}

type AnyRun = (ctx: CommandContext, input: never) => Promise<unknown>;

function isFailure(value: unknown): value is Failure<string> {
  return isResult(value) && value.ok === false;
}

/** WeChat's timer trigger: `{Type: 'Timer', TriggerName, Time}` with no user. A mini-program call always has one. */
const isTimer = (event: unknown) =>
  !!event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer';

/**
 * A function's `main` with a timer trigger (config.json): a timer event runs `work` (its result, or INTERNAL
 * with the error in the log); every other event goes to the router.
 */
export function withTimer(
  handle: (event: unknown) => Promise<Result<unknown, string>>,
  label: string,
  work: () => Promise<unknown>,
): (event: unknown) => Promise<Result<unknown, string>> {
  return async (event) => {
    if (!isTimer(event) || callerOpenid()) return handle(event);
    try {
      return ok(await work());
    } catch (e) {
      console.error(`[${label}] unexpected error`, e);
      return fail('INTERNAL');
    }
  };
}
