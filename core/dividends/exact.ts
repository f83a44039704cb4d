/**
 * Exact decimals of fen and shares, for core/dividends/rules.ts. No bigint literals (`2n`) and no `**` on
 * bigints: the mini-program is built to ES5 for old phones, and babel can lower neither (a literal stays ES2020
 * syntax; `**` becomes Math.pow, which throws on a BigInt).
 */

/** 10^places as a bigint. */
const POW10: bigint[] = [BigInt(1)];
for (let i = 1; i < 19; i++) POW10.push(POW10[i - 1]! * BigInt(10));
const pow10 = (places: number): bigint => {
  let p = POW10[Math.min(places, 18)]!;
  for (let i = 18; i < places; i++) p *= BigInt(10);
  return p;
};

const gcd = (a: bigint, b: bigint): bigint => (b === BigInt(0) ? a : gcd(b, a % b));
export const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/** Below this, `n · 10^places · 2 + d` is a safe integer for places ≤ 4 and d below it too (exact doubles). */
const SAFE = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / 40_000));

/** decimal() in doubles, where every value is an integer below 2^53 and so exact (`%` included). */
export function decimalOfNumbers(n: number, d: number, places: number): string {
  const scale = 10 ** places;
  const a = n * scale * 2 + d;
  const b = 2 * d;
  const q = (a - (a % b)) / b;
  const frac = q % scale;
  const int = (q - frac) / scale;
  return places ? `${int}.${String(frac).padStart(places, '0')}` : `${int}`;
}

/** `n / d` as a decimal string with `places` decimals, rounded half up (n, d ≥ 0, d > 0). */
export function decimal(n: bigint, d: bigint, places = 4): string {
  if (places <= 4 && n < SAFE && d < SAFE) return decimalOfNumbers(Number(n), Number(d), places);
  const scale = pow10(places);
  const q = (n * scale * BigInt(2) + d) / (BigInt(2) * d);
  const int = q / scale;
  const frac = (q % scale).toString().padStart(places, '0');
  return places ? `${int}.${frac}` : `${int}`;
}
