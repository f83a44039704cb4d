import { decimal } from '@core/dividends';
import { fromHundredths } from '@core/decimal';

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
