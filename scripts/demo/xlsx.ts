import { strToU8, zipSync } from 'fflate';

/**
 * A minimal .xlsx writer: one sheet of inline strings and numbers, as Excel and WPS read it (and as
 * core/sheet.ts reads it back). For the demo and bench rosters and the tests' files; cells that look like
 * plain numbers are written as numbers, the rest as text.
 */

const escapeXml = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** "A", "B", … "Z", "AA", … for a zero-based column. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function xlsx(rows: string[][], sheetName = 'Sheet1'): Uint8Array {
  const cell = (v: string, ref: string) =>
    /^\d{1,15}(\.\d+)?$/.test(v) && !/^0\d/.test(v)
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
  const body = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r.map((v, k) => (v === '' ? '' : cell(v, `${columnName(k)}${i + 1}`))).join('')}</row>`,
    )
    .join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}
