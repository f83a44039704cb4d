import { CONTRACT, type ActionOf, type FunctionName } from './api';
import type { Audience } from './roles';

/**
 * The authorization matrix: for every cloud function and action, who may call it. Each function's router
 * (cloudfunctions/_shared/command.ts) checks a call against this table before it looks at the input, so the
 * table is the one place where an action's audience is written. `rule` names the finer check the command
 * makes on the data itself (own village, the item's village, the notice's audience…) once the role lets the
 * call through; README's "Who may do what" is printed from it by scripts/tools/access-matrix.ts (`npm run access-table`).
 */
export interface Access {
  /** Any of these audiences may call the action (roles.ts `holds`). */
  allow: readonly Audience[];
  /** The further rule the command applies to the data, in words; none when the role is the whole rule. */
  rule?: string;
}

type AccessTable = { [F in FunctionName]: { [A in ActionOf<F>]: Access } };

/** The matrix, read from each action's entry in the contract (core/<domain>/contract.ts). */
export const ACCESS = Object.fromEntries(
  (Object.keys(CONTRACT) as FunctionName[]).map((fn) => [
    fn,
    Object.fromEntries(
      Object.entries(CONTRACT[fn].actions as Record<string, Access>).map(([action, spec]) => [
        action,
        spec.rule === undefined ? { allow: spec.allow } : { allow: spec.allow, rule: spec.rule },
      ]),
    ),
  ]),
) as AccessTable;

/** Who may call `fn`'s `action`, or undefined for an action the table does not know. */
export function accessOf(fn: string, action: string): Access | undefined {
  const actions = (ACCESS as Record<string, Record<string, Access>>)[fn];
  return actions && Object.hasOwn(actions, action) ? actions[action] : undefined;
}
