/** The `npm run bench` report: one table of figures, the note of each under its row. */
import type { Figure } from './stats';

/** Columns in a terminal: CJK characters take two. */
const width = (s: string) =>
  [...s].reduce(
    (w, c) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c)
        ? 2
        : 1),
    0,
  );
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

const result = (f: Figure) => (f.met === null ? '' : f.met ? 'met' : 'MISSED');
const valueWithUnit = (f: Figure) => (f.unit ? `${f.value} ${f.unit}` : f.value);

export function table(figures: Figure[]): string {
  const columns = {
    name: Math.max(6, ...figures.map((f) => width(f.name))),
    value: Math.max(5, ...figures.map((f) => width(valueWithUnit(f)))),
    goal: Math.max(4, ...figures.map((f) => width(f.goal))),
  };
  const line = (name: string, value: string, goal: string, res: string, command: string) =>
    `${padEnd(name, columns.name)}  ${padStart(value, columns.value)}  ${padEnd(goal, columns.goal)}  ${res.padEnd(6)}  ${command}`.trimEnd();
  const header = line('figure', 'value', 'goal', 'result', 'measured by');
  const rows = figures.flatMap((f) => [
    line(f.name, valueWithUnit(f), f.goal, result(f), f.command),
    ...(f.note ? [`${' '.repeat(f.name.length - f.name.trimStart().length)}    · ${f.note}`] : []),
  ]);
  return [header, '─'.repeat(width(header)), ...rows].join('\n');
}
