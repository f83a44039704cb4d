import { parseHundredths } from '../decimal';
import type { Cell } from '../sheet';
import { ROSTER_MAX, type RosterRow } from './contract';

/**
 * The shareholder roster a village keeps (an .xlsx or CSV read by core/sheet.ts) into roster rows, with every
 * problem named by its row in Chinese. Pure: cells in, rows or problems out.
 *
 * Columns are found by their header (first row): 户号 and 户主 are required; 资金入股（元）, 土地入股（亩）,
 * 配股（股）, 村集体股（股）, 交易额（元） are read when present (empty cells are 0). Amounts take at most two
 * decimals and become integers (fen, hundredths of a 亩 or of a share).
 */

// ------------------------------------------------------------------------------------------------ rows → roster

type Column = 'household' | 'name' | 'capital' | 'land' | 'allocated' | 'collective' | 'volume';

const HEADERS: [Column, RegExp][] = [
  ['household', /户号|户编号/],
  ['name', /户主|姓名/],
  ['capital', /资金|现金/],
  ['land', /土地/],
  ['allocated', /配股/],
  ['collective', /集体/],
  ['volume', /交易/],
];

const COLUMN_LABELS: Record<Column, string> = {
  household: '户号',
  name: '户主',
  capital: '资金入股（元）',
  land: '土地入股（亩）',
  allocated: '配股（股）',
  collective: '村集体股（股）',
  volume: '交易额（元）',
};

/**
 * A cell in hundredths: text as typed is read exactly (core/decimal.ts, the same rule as the app's forms); a
 * number Excel stored as a double (`2.4999999999999996`, `1.5E3`) is accepted when it is within a millionth of
 * a whole hundredth. Units (元, 亩, 股) are ignored; empty is 0; null when it is not such a number.
 */
export function hundredths(raw: string): number | null {
  const s = raw.replace(/元|亩|股/g, '').trim();
  if (s === '') return 0;
  const exact = parseHundredths(s);
  if (exact !== null) return exact;
  if (!/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  const cents = Math.round(n * 100);
  if (!Number.isSafeInteger(cents) || Math.abs(n * 100 - cents) > 1e-6) return null;
  return cents;
}

export interface RosterParse {
  rows: RosterRow[];
  problems: string[];
}

/** Turns the file's rows into roster rows of one village, or lists every problem (row numbers as in Excel). */
export function rosterFromCells(cells: Cell[][], villageId: string): RosterParse {
  const problems: string[] = [];
  const header = (cells[0] ?? []).map((h) => h.trim());
  const at = new Map<Column, number>();
  for (const [column, pattern] of HEADERS) {
    const i = header.findIndex((h, k) => pattern.test(h) && ![...at.values()].includes(k));
    if (i >= 0) at.set(column, i);
  }
  for (const required of ['household', 'name'] as const) {
    if (!at.has(required)) problems.push(`第 1 行（表头）缺少“${COLUMN_LABELS[required]}”列`);
  }
  if (!['capital', 'land', 'allocated', 'collective'].some((c) => at.has(c as Column))) {
    problems.push('第 1 行（表头）至少要有一列股份：资金入股、土地入股、配股或村集体股');
  }
  if (problems.length) return { rows: [], problems };

  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  cells.slice(1).forEach((cellsOfRow, k) => {
    const line = k + 2;
    const get = (c: Column) => (at.has(c) ? (cellsOfRow[at.get(c)!] ?? '').trim() : '');
    if (cellsOfRow.every((x) => (x ?? '').trim() === '')) return;
    const household = get('household');
    const name = get('name');
    const rowProblems: string[] = [];
    if (!household) rowProblems.push('缺少户号');
    else if (household.length > 30) rowProblems.push('户号太长');
    if (!name) rowProblems.push('缺少户主姓名');
    else if (name.length > 20) rowProblems.push('户主姓名太长');
    const amount = (c: Column): number => {
      const raw = get(c);
      const v = hundredths(raw);
      if (v === null) {
        rowProblems.push(`${COLUMN_LABELS[c]}“${raw}”不是不小于 0、最多两位小数的数`);
        return 0;
      }
      return v;
    };
    const capitalFen = amount('capital');
    const landCentiMu = amount('land');
    const allocatedCentiShares = amount('allocated');
    const collectiveCentiShares = amount('collective');
    const volumeFen = amount('volume');
    if (household && seen.has(household))
      rowProblems.push(`户号“${household}”和第 ${seen.get(household)} 行重复`);
    if (household) seen.set(household, line);
    if (rowProblems.length) {
      problems.push(`第 ${line} 行：${rowProblems.join('；')}`);
      return;
    }
    rows.push({
      householdId: household,
      household,
      villageId,
      name,
      capitalFen,
      landCentiMu,
      allocatedCentiShares,
      collectiveCentiShares,
      volumeFen,
    });
  });
  if (rows.length === 0 && problems.length === 0) problems.push('文件里没有股东数据（第 2 行起）');
  if (rows.length > ROSTER_MAX) problems.push(`股东最多 ${ROSTER_MAX} 户`);
  return { rows, problems };
}
