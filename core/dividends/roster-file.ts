import { strFromU8, unzipSync } from 'fflate';
import { parseHundredths } from '../decimal';
import { ROSTER_MAX, type RosterRow } from './contract';

/**
 * Reading the shareholder roster a village keeps — an Excel workbook (.xlsx) or a CSV saved by Excel or WPS
 * (UTF-8, or GBK as Chinese Excel writes it) — into roster rows, with every problem named by its row in Chinese.
 * Pure: bytes in, rows or problems out.
 *
 * Columns are found by their header (first row): 户号 and 户主 are required; 资金入股（元）, 土地入股（亩）,
 * 配股（股）, 村集体股（股）, 交易额（元） are read when present (empty cells are 0). Amounts take at most two
 * decimals and become integers (fen, hundredths of a 亩 or of a share).
 */

export type Cell = string;

// ------------------------------------------------------------------------------------------------ CSV

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** UTF-8 (BOM or not) when the bytes are valid UTF-8, else GBK (GB18030), as Chinese Excel saves CSV. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

// ------------------------------------------------------------------------------------------------ XLSX

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(parseInt(e.slice(1), 10))
        : ENTITIES[e]!,
  );
}

/** All the text of the `<t>` elements inside a fragment (rich text runs are joined). */
const textOf = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join('');

/** "AB12" → 27 (zero-based column). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const isZip = (b: Uint8Array) =>
  b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The first worksheet of an .xlsx workbook as rows of text. Throws when the file is not a readable workbook. */
export function parseXlsx(bytes: Uint8Array): Cell[][] {
  const files = unzipSync(bytes, {
    filter: (f) =>
      f.name === 'xl/sharedStrings.xml' ||
      f.name === 'xl/workbook.xml' ||
      /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name) ||
      f.name === 'xl/_rels/workbook.xml.rels',
  });
  const shared = files['xl/sharedStrings.xml']
    ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
        textOf(m[1]!),
      )
    : [];
  // The first sheet in the workbook's order, through its relationship id.
  let sheetPath = Object.keys(files)
    .filter((n) => n.startsWith('xl/worksheets/'))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))[0];
  const workbook = files['xl/workbook.xml'] ? strFromU8(files['xl/workbook.xml']) : '';
  const rels = files['xl/_rels/workbook.xml.rels'] ? strFromU8(files['xl/_rels/workbook.xml.rels']) : '';
  const firstRid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = firstRid
    ? (new RegExp(`<Relationship\\b[^>]*Id="${firstRid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${firstRid}"`).exec(rels)?.[1])
    : undefined;
  if (target) {
    const candidate = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    if (files[candidate]) sheetPath = candidate;
  }
  if (!sheetPath) throw new Error('no worksheet');
  const sheet = strFromU8(files[sheetPath]!);
  const rows: Cell[][] = [];
  for (const r of sheet.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const rowNumber = Number(/\br="(\d+)"/.exec(r[1]!)?.[1] ?? rows.length + 1);
    const row: Cell[] = [];
    for (const c of r[2]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const body = c[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const col = ref ? columnIndex(ref) : row.length;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 's') text = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') text = textOf(body);
      else if (type === 'b') text = v === '1' ? 'TRUE' : 'FALSE';
      else text = v !== undefined ? unescapeXml(v) : '';
      row[col] = text;
    }
    rows[rowNumber - 1] = Array.from(row, (x) => x ?? '');
  }
  return Array.from(rows, (x) => x ?? []);
}

/** Rows of an .xlsx or a CSV file. Throws a Chinese message when the file cannot be read at all. */
export function readRosterFile(filename: string, bytes: Uint8Array): Cell[][] {
  if (isZip(bytes)) {
    try {
      return parseXlsx(bytes);
    } catch {
      throw new Error('无法读取这个 Excel 文件，请另存为 .xlsx 或 CSV 后重试');
    }
  }
  if (/\.xls$/i.test(filename))
    throw new Error('不支持旧版 .xls 文件，请在 Excel 或 WPS 里另存为 .xlsx 或 CSV');
  return parseCsv(decodeText(bytes));
}

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
