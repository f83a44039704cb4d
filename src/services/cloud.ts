import type { ActionOf, FunctionName, InputOf, OutputOf } from '@core/api';
import { fail, isResult, type Result } from '@core/result';
import { callFunction } from './transport';

/** Shown when the request never reached the cloud: weak signal is common in the villages. */
export const NETWORK_MESSAGE = '网络不给力，请检查网络后重试';

/**
 * The one way the app calls its cloud functions, typed from core/api.ts. Never throws: a network failure or
 * an unreadable answer becomes a Failure with a Chinese message, like any error the function returns.
 */
export async function call<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<Result<OutputOf<F, A>, string>> {
  let answer: unknown;
  try {
    answer = await callFunction(fn, { action, ...(input as object) });
  } catch {
    return fail('INTERNAL', NETWORK_MESSAGE);
  }
  return isResult(answer) ? (answer as Result<OutputOf<F, A>, string>) : fail('INTERNAL');
}
