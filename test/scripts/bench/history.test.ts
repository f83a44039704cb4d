import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { numberOf, saveRun, type BenchRun } from '../../../scripts/bench/history';
import { figure } from '../../../scripts/bench/stats';

const run = (at: string, value: string): BenchRun => ({
  at,
  node: 'v20',
  cores: 2,
  load: { start: '0.10', end: '0.20' },
  seconds: 90,
  figures: [
    figure({ name: 'notices: push → all done', value, unit: 's', goal: '≤ 60 s', met: Number(value) <= 60 }),
    figure({ name: '  ratio <b>', value: '1.02', unit: '', goal: '≤ 1.5', met: true }),
  ],
});

test('numbers are read from the figures as the report prints them', () => {
  expect(numberOf('11.9 (13.9)')).toBe(11.9);
  expect(numberOf('> 5002')).toBe(5002);
  expect(numberOf('43464/43464')).toBe(43464);
  expect(numberOf('1,976')).toBe(1976);
  expect(numberOf('error')).toBeNull();
});

test('a run is saved as JSON and HTML, and the next run shows the previous one beside it', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-history-'));
  try {
    saveRun(run('2026-12-01T10:00:00Z', '27.9'), dir);
    const first = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(first).toContain('(none kept)');
    const { json, html } = saveRun(run('2026-12-02T10:00:00Z', '61.0'), dir);
    expect(JSON.parse(readFileSync(json, 'utf8')).figures[0].value).toBe('61.0');
    expect(JSON.parse(readFileSync(path.join(dir, 'previous.json'), 'utf8')).at).toBe('2026-12-01T10:00:00Z');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('the previous run (2026-12-01T10:00:00Z)');
    expect(page).toMatch(/<tr class="missed"><td>notices: push → all done<\/td><td class="num">61.0 s/);
    expect(page).toContain('<td class="num">27.9</td>');
    expect(page).toContain('ratio &lt;b&gt;');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
