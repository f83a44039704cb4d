import type * as z from 'zod/mini';
import type { Audience } from './roles';

declare const RESULT: unique symbol;

/** An action's result type, carried by the type alone (the value is an empty object). */
export interface Returns<O> {
  readonly [RESULT]?: O;
}

/** `output: returns<ItemDetail>()` in an action's entry: what `{ok: true, data}` carries. */
export function returns<O>(): Returns<O> {
  return {};
}

/**
 * One action of a cloud function, declared once in its domain's contract (core/<domain>/contract.ts):
 * the input schema (the router validates with it, the client's forms too), the result type, who may call
 * it (the role gate every router checks, core/access.ts) and, in words, the finer rule the command applies
 * to the data once the role lets the call through.
 */
export interface ActionSpec {
  input: z.ZodMiniType;
  output: Returns<unknown>;
  allow: readonly Audience[];
  rule?: string;
}

export type ActionMap = Record<string, ActionSpec>;

/** What a client sends, per action. */
export type InputsOf<M extends ActionMap> = { [A in keyof M]: z.input<M[A]['input']> };
/** What a command receives once the schema has parsed the input, per action. */
export type ParsedInputsOf<M extends ActionMap> = { [A in keyof M]: z.output<M[A]['input']> };
/** What `{ok: true, data}` carries, per action. */
export type OutputsOf<M extends ActionMap> = {
  [A in keyof M]: M[A]['output'] extends Returns<infer O> ? O : never;
};

/** The input schemas alone, by action (forms validate with the same schema as the function). */
export function inputSchemas<M extends ActionMap>(actions: M): { [A in keyof M]: M[A]['input'] } {
  return Object.fromEntries(Object.entries(actions).map(([name, spec]) => [name, spec.input])) as {
    [A in keyof M]: M[A]['input'];
  };
}
