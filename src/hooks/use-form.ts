import { useState } from 'react';
import type { Result } from '@core/result';
import { fieldProblems, type Schema } from '@core/validation';
import { confirm } from '../utils/feedback';

/** A confirmation asked before anything is sent. */
export interface Ask {
  title: string;
  content: string;
  confirmText: string;
}

export interface FormOptions<V, I, T> {
  initial: V | (() => V);
  /** The function's input made of the values (default: the values themselves). */
  input?: (values: V) => I;
  /** The schema the cloud function checks `input` with: the form shows the same problems, per field. */
  schema?: Schema<unknown>;
  labels?: Record<string, string>;
  /** Problems only the form can see (e.g. text that is not a number yet); they win over the schema's. */
  check?: (values: V) => Record<string, string | null | undefined>;
  /** A last check when 提交 is pressed: its message is reported (as a refusal is) and nothing is sent. */
  precheck?: (values: V) => string | null;
  /** Asked before sending (null: send at once). */
  ask?: (values: V, input: I) => Ask | null;
  send?: (input: I, values: V) => Promise<Result<T, string>>;
  /** After the cloud accepted. */
  done?: (data: T, values: V) => unknown;
  /** How a refusal (or the precheck's message) shows: as the form's `error` (default), or as this says. */
  onRefused?: (message: string) => void;
}

/**
 * A form's state machine, once for every form: the values, their problems by the cloud's own schema
 * (`fieldProblems`), shown once 提交 was pressed, the sending state and the cloud's refusal.
 * `form.field('title')` binds a TextField / TextArea / NumberField to one value.
 */
export function useForm<V extends object, I = V, T = unknown>(options: FormOptions<V, I, T>) {
  const [values, setValues] = useState<V>(options.initial);
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const input = (options.input ? options.input(values) : values) as I;
  const problems: Record<string, string> = options.schema
    ? fieldProblems(options.schema, input, options.labels)
    : {};
  for (const [key, problem] of Object.entries(options.check?.(values) ?? {})) {
    if (problem) problems[key] = problem;
  }
  const valid = Object.keys(problems).length === 0;
  const show = (key: string): string | null => (touched ? (problems[key] ?? null) : null);
  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));
  /** A setter for one value, e.g. for a list of chips: `onChange={form.on('kind')}`. */
  const on =
    <K extends keyof V>(key: K) =>
    (value: V[K]) =>
      set(key, value);
  const patch = (next: Partial<V>) => setValues((v) => ({ ...v, ...next }));

  /** Marks the form as tried and says whether it may be sent. */
  const validate = (): boolean => {
    setTouched(true);
    setError(null);
    return valid;
  };

  const submit = async (): Promise<boolean> => {
    if (!validate()) return false;
    const report = options.onRefused ?? setError;
    const stop = options.precheck?.(values) ?? null;
    if (stop) {
      report(stop);
      return false;
    }
    const ask = options.ask?.(values, input) ?? null;
    if (ask && !(await confirm(ask.title, ask.content, ask.confirmText))) return false;
    if (!options.send) return true;
    setSending(true);
    const result = await options.send(input, values);
    setSending(false);
    if (!result.ok) {
      report(result.error.message);
      return false;
    }
    await options.done?.(result.data, values);
    return true;
  };

  /** Starts again from `next` (e.g. after a save, or to edit another record). */
  const reset = (next: V) => {
    setValues(next);
    setTouched(false);
    setError(null);
  };

  /** The props that bind a text control to one value. */
  const field = <K extends keyof V & string>(key: K) => ({
    value: values[key] as string,
    onInput: (value: string) => set(key, value as V[K]),
    error: show(key),
  });

  return {
    values,
    set,
    on,
    patch,
    setValues,
    input,
    problems,
    valid,
    touched,
    show,
    sending,
    error,
    setError,
    validate,
    submit,
    reset,
    field,
  };
}
