/** The command every figure measured in the bench itself names. */
export const BENCH_COMMAND = 'npm run bench';

/** One row of the `npm run bench` report: what was measured, the figure, its goal, and whether it was met. */
export interface Figure {
  /** What was measured (a leading "  " marks a detail of the figure above). */
  name: string;
  /** The figure, formatted: "172", "11.9 (13.9)" for a median (p95), "200/200". */
  value: string;
  /** Its unit ('' for a count or a ratio). */
  unit: string;
  /** '—' for an informative figure. */
  goal: string;
  /** null: an informative figure without a goal. */
  met: boolean | null;
  /** How it was measured beyond the name (conditions, cross-checks); printed under the row. */
  note?: string;
  /** The command that measured it. */
  command: string;
}

/** A figure measured by `npm run bench` itself. */
export const figure = (f: Omit<Figure, 'command'> & { command?: string }): Figure => ({
  command: BENCH_COMMAND,
  ...f,
});

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

export const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;

export const p95 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
