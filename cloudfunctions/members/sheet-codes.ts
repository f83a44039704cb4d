import { createHmac, randomBytes } from 'node:crypto';
import { SECRETS } from '../_shared/collections';
import { db } from '../_shared/cloud';
import { isDuplicateKey } from '../_shared/errors';
import { envText } from '../_shared/runtime';
import { findById } from '../_shared/store';

/**
 * The codes of the printed claim sheet. A code is not stored anywhere: it is derived from the resident's id and
 * a nonce kept on the claim-code document, with a secret key (HMAC-SHA256, first 48 bits, last 8 decimal digits).
 * The claim-code document's id is a hash of the code (as for codes issued one by one), so claimWithCode works
 * unchanged, and the sheet can be printed again by the function for an admin. The key comes from the function's
 * environment (`CLAIM_SHEET_SECRET`, set by deploy); where none is set, a random one is generated once and kept
 * in `secrets/claimSheet` (readable by the functions only), never a constant in code: a known key would let
 * anyone who knows a neighbour's name and household compute their code.
 */

let cached: string | null = null;

export async function sheetSecret(): Promise<string> {
  const fromEnv = envText('CLAIM_SHEET_SECRET', '');
  if (fromEnv.length >= 16) return fromEnv;
  if (cached) return cached;
  const stored = await findById(SECRETS, 'claimSheet');
  if (stored) return (cached = String(stored.value));
  const value = randomBytes(32).toString('hex');
  try {
    await db.collection(SECRETS).add({ data: { _id: 'claimSheet', value, createdAt: new Date() } });
    return (cached = value);
  } catch (e) {
    // Another instance generated it first: use theirs.
    if (!isDuplicateKey(e)) throw e;
    const theirs = await findById(SECRETS, 'claimSheet');
    return (cached = String(theirs!.value));
  }
}

/** The 8-digit code of a resident for a nonce. */
export function sheetCode(secret: string, residentId: string, nonce: string): string {
  const mac = createHmac('sha256', secret).update(`claim-sheet\u0000${residentId}\u0000${nonce}`).digest();
  return String(mac.readUIntBE(0, 6) % 100_000_000).padStart(8, '0');
}
