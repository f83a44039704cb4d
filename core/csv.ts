/** Spreadsheet exports (the unread households of a notice, a cooperative's distribution). Pure. */

/**
 * One CSV cell: quoted when needed; a leading = + - @ (a formula to Excel/WPS) is neutralised with a quote
 * mark, so a name cannot run code in the spreadsheet of whoever opens the export.
 */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV file as Excel and WPS open it in China: UTF-8 with a BOM, CRLF line ends. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
