import type { InputsOf, OutputsOf, ParsedInputsOf } from './action';
import { AGENDA_FIELD_LABELS, agendaActions } from './agenda';
import { BRIEFINGS_FIELD_LABELS, briefingsActions } from './briefings';
import { DIVIDENDS_FIELD_LABELS, dividendsActions } from './dividends';
import { HONOR_FIELD_LABELS, honorActions } from './honor';
import { MEMBER_FIELD_LABELS, membersActions } from './members';
import { NOTICE_FIELD_LABELS, noticesActions } from './notices';

/**
 * The contract: every cloud function, its actions (each declared once in core/<domain>/contract.ts with its
 * input schema, result type and audience) and the Chinese names of its input fields. The client's service
 * module, each function's router, its commands and the authorization matrix (core/access.ts) all read it.
 */
export const CONTRACT = {
  members: { actions: membersActions, labels: MEMBER_FIELD_LABELS },
  agenda: { actions: agendaActions, labels: AGENDA_FIELD_LABELS },
  briefings: { actions: briefingsActions, labels: BRIEFINGS_FIELD_LABELS },
  honor: { actions: honorActions, labels: HONOR_FIELD_LABELS },
  notices: { actions: noticesActions, labels: NOTICE_FIELD_LABELS },
  dividends: { actions: dividendsActions, labels: DIVIDENDS_FIELD_LABELS },
} as const;

type Contract = typeof CONTRACT;
export type FunctionName = keyof Contract;
export type ActionsOf<F extends FunctionName> = Contract[F]['actions'];
export type ActionOf<F extends FunctionName> = keyof ActionsOf<F> & string;
/** What the client sends. */
export type InputOf<F extends FunctionName, A extends ActionOf<F>> = InputsOf<ActionsOf<F>>[A];
/** What the command receives, once the schema has parsed (and defaulted) the input. */
export type ParsedInputOf<F extends FunctionName, A extends ActionOf<F>> = ParsedInputsOf<ActionsOf<F>>[A];
export type OutputOf<F extends FunctionName, A extends ActionOf<F>> = OutputsOf<ActionsOf<F>>[A];

/** Every function and action with its input and output types (derived from CONTRACT). */
export type Api = {
  [F in FunctionName]: { [A in ActionOf<F>]: { input: InputOf<F, A>; output: OutputOf<F, A> } };
};
