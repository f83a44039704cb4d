import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A deterministic, opaque id: the same input always gives the same document id (uniqueness by `_id`). */
export function derivedId(kind: string, ...parts: string[]): string {
  return createHash('sha256')
    .update([kind, ...parts].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/** A random id for new records. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(10).toString('hex')}`;
}

/** Uniformly random digits from a cryptographic source. */
export function randomDigits(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(randomInt(10));
  return out;
}
