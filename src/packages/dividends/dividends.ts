import { decimal } from '../../../core/dividends';

const PAGES = '/packages/dividends/pages';
export const mineUrl = `${PAGES}/mine/index`;
export const coopsUrl = `${PAGES}/coops/index`;
export const coopUrl = (coopId: string) => `${PAGES}/coop/index?id=${encodeURIComponent(coopId)}`;
export const distributionUrl = (distributionId: string) =>
  `${PAGES}/distribution/index?id=${encodeURIComponent(distributionId)}`;
export const declareUrl = (coopId: string, corrects?: string) =>
  `${PAGES}/declare/index?coopId=${encodeURIComponent(coopId)}${
    corrects ? `&corrects=${encodeURIComponent(corrects)}` : ''
  }`;
export const importUrl = (coopId: string) => `${PAGES}/import/index?coopId=${encodeURIComponent(coopId)}`;
export const editUrl = (target: { coopId: string } | { villageId: string }) =>
  'coopId' in target
    ? `${PAGES}/edit/index?coopId=${encodeURIComponent(target.coopId)}`
    : `${PAGES}/edit/index?villageId=${encodeURIComponent(target.villageId)}`;

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

/** Basis points as a percentage (`3000` → "30%", `3333` → "33.33%"). */
export const percentOfBp = (bp: number) => `${fromHundredths(bp)}%`;

/** `part` of `whole` as a percentage with up to 2 decimals (exact, rounded half up); 0 when `whole` is 0. */
export function percentOf(part: number, whole: number): string {
  if (whole <= 0) return '0';
  return decimal(BigInt(part) * BigInt(100), BigInt(whole), 2).replace(/\.?0+$/, '');
}

/** A share count as the cloud writes it (`2.5000`) without the trailing zeros (`2.5`). */
export const trimZeros = (n: string) => (n.includes('.') ? n.replace(/\.?0+$/, '') : n);

/** Whether a share count as the cloud writes it is zero (`0.0000`). */
export const isZeroShares = (n: string) => /^0(\.0*)?$/.test(n);

export { useAction } from '../../hooks/use-action';
