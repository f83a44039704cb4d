/**
 * Decimal numbers as people type them or spreadsheets hold them, in whole hundredths (fen of 元, basis points of
 * a percentage, hundredths of a share or a 亩) — read from the text, never through floating point. Pure.
 */

const FULL_WIDTH_DIGIT = /[０-９]/g;

/**
 * A decimal number as typed (`1234.5`, `0.07`, `60`) in hundredths — fen of an amount in 元, basis points of a
 * percentage, hundredths of a share — read from the string, never through floating point. Full-width digits
 * and a Chinese full stop are accepted (some keyboards give them); thousands separators and spaces are ignored.
 * Null when it is not a number with at most two decimals (or too long to be exact).
 */
export function parseHundredths(text: string): number | null {
  const clean = text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[。．]/g, '.')
    .replace(/[\s,，]/g, '');
  const match = /^(\d*)(?:\.(\d{0,2}))?$/.exec(clean);
  if (!match || (match[1] === '' && !match[2])) return null;
  const digits = `${match[1]}${(match[2] ?? '').padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return null;
  return Number(digits);
}

/** Hundredths back as the shortest decimal (`12345` → "123.45", `6000` → "60", `150` → "1.5"). */
export function fromHundredths(n: number): string {
  const int = Math.floor(n / 100);
  const frac = String(n % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${int}.${frac}` : `${int}`;
}
