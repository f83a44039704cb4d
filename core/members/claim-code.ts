/**
 * One-time claim codes for assisted registration: an admin creates a resident's record and hands them
 * a code on paper; the resident types it in once. Eight digits, so an elderly resident can type it on a
 * numeric keypad; shown as two groups of four.
 */
export const CLAIM_CODE_DIGITS = 8;
/** Days a claim code stays valid. */
export const CLAIM_CODE_TTL_DAYS = 14;
/** Wrong codes a WeChat user may try per hour before being slowed down. */
export const CLAIM_ATTEMPTS_PER_HOUR = 5;

/** Strips spaces and dashes people add when copying "1234 5678". Returns null when it cannot be a code. */
export function normalizeClaimCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{8}$/.test(digits) ? digits : null;
}

export function formatClaimCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}
