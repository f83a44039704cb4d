/**
 * The saved form of a `npm run bench` run: `build/bench/report.json` (the figures, the machine and its load) and
 * `build/bench/report.html` (the same as a page of bar charts, each figure beside the previous run's). Before a run
 * overwrites them, the previous JSON is kept as `build/bench/previous.json`, so two runs compare.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Figure } from './stats';

export interface BenchRun {
  at: string;
  node: string;
  cores: number;
  load: { start: string; end: string };
  seconds: number;
  figures: Figure[];
}

/** The number a figure's value starts with ("11.9 (13.9)" → 11.9, "> 5002" → 5002, "200/200" → 200), or null. */
export function numberOf(value: string): number | null {
  const m = /-?\d[\d,]*(\.\d+)?/.exec(value);
  return m ? Number(m[0].replace(/,/g, '')) : null;
}

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** One page: a row per figure with a bar for this run and one for the previous run of the same name. */
export function reportHtml(run: BenchRun, previous: BenchRun | null): string {
  const before = new Map((previous?.figures ?? []).map((f) => [f.name.trim(), f]));
  const rows = run.figures.map((f) => {
    const now = numberOf(f.value);
    const then = before.get(f.name.trim());
    const old = then ? numberOf(then.value) : null;
    const scale = Math.max(now ?? 0, old ?? 0) || 1;
    const bar = (v: number | null, cls: string) =>
      v === null ? '' : `<div class="bar ${cls}" style="width:${((100 * v) / scale).toFixed(1)}%"></div>`;
    const status = f.met === null ? 'info' : f.met ? 'met' : 'missed';
    return `<tr class="${status}"><td>${escape(f.name)}</td><td class="num">${escape(f.value)} ${escape(f.unit)}</td><td>${escape(f.goal)}</td><td>${status}</td><td class="chart">${bar(now, 'now')}${bar(old, 'then')}</td><td class="num">${then ? escape(then.value) : '—'}</td></tr>`;
  });
  return `<!doctype html><meta charset="utf-8"><title>Tongxin bench ${escape(run.at)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px}td{padding:3px 8px;border-bottom:1px solid #eee}.num{text-align:right;white-space:nowrap}
.chart{width:320px}.bar{height:8px;margin:2px 0}.now{background:#b3261e}.then{background:#bbb}.missed td{color:#b3261e;font-weight:600}</style>
<h1>npm run bench — ${escape(run.at)}</h1>
<p>node ${escape(run.node)}, ${run.cores} cores, load ${escape(run.load.start)} → ${escape(run.load.end)}, ${run.seconds.toFixed(0)} s.
Red bars: this run; grey: the previous run${previous ? ` (${escape(previous.at)})` : ' (none kept)'}.</p>
<table><tr><th>figure</th><th>value</th><th>goal</th><th>result</th><th>this run / previous</th><th>previous</th></tr>
${rows.join('\n')}
</table>
`;
}

/** Writes the run's JSON and HTML under `dir`, keeping the last JSON as previous.json; returns the paths. */
export function saveRun(run: BenchRun, dir: string): { json: string; html: string } {
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'report.json');
  const html = path.join(dir, 'report.html');
  const previousFile = path.join(dir, 'previous.json');
  let previous: BenchRun | null = null;
  if (existsSync(json)) {
    copyFileSync(json, previousFile);
    previous = JSON.parse(readFileSync(previousFile, 'utf8')) as BenchRun;
  }
  writeFileSync(json, `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(html, reportHtml(run, previous));
  return { json, html };
}
