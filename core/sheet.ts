import { strFromU8, unzipSync } from 'fflate';

/**
 * Reading a spreadsheet a village keeps — an Excel workbook (.xlsx) or a CSV saved by Excel or WPS (UTF-8, or
 * GBK as Chinese Excel writes it) — into rows of text cells. Pure: bytes in, rows out. Used by the dividends
 * roster (core/dividends/roster-file.ts) and the 村民名册 (core/members/roster.ts).
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
export function readSheetFile(filename: string, bytes: Uint8Array): Cell[][] {
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
