import type { AgendaInput, AgendaOutput } from './agenda';
import type { BriefingsInput, BriefingsOutput } from './briefings';
import type { DividendsInput, DividendsOutput } from './dividends';
import type { HonorInput, HonorOutput } from './honor';
import type { MembersInput, MembersOutput } from './members';
import type { NoticesInput, NoticesOutput } from './notices';

/**
 * Every cloud function and action the client may call, with input and output types. The client's service
 * module and each function's router are typed from this map.
 */
export interface Api {
  members: { [A in keyof MembersOutput]: { input: MembersInput[A]; output: MembersOutput[A] } };
  agenda: { [A in keyof AgendaOutput]: { input: AgendaInput[A]; output: AgendaOutput[A] } };
  briefings: { [A in keyof BriefingsOutput]: { input: BriefingsInput[A]; output: BriefingsOutput[A] } };
  honor: { [A in keyof HonorOutput]: { input: HonorInput[A]; output: HonorOutput[A] } };
  notices: { [A in keyof NoticesOutput]: { input: NoticesInput[A]; output: NoticesOutput[A] } };
  dividends: { [A in keyof DividendsOutput]: { input: DividendsInput[A]; output: DividendsOutput[A] } };
}

export type FunctionName = keyof Api;
export type ActionOf<F extends FunctionName> = keyof Api[F] & string;
export type InputOf<F extends FunctionName, A extends ActionOf<F>> = Api[F][A] extends { input: infer I }
  ? I
  : never;
export type OutputOf<F extends FunctionName, A extends ActionOf<F>> = Api[F][A] extends { output: infer O }
  ? O
  : never;
