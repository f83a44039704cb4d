/** A row of the `npm run bench` table: what was measured, the figure, its goal, and whether it was met. */
export interface Row {
  metric: string;
  value: string;
  goal: string;
  /** null: an informative figure without a goal. */
  ok: boolean | null;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

export const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;

export const p95 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
