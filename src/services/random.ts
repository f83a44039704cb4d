/**
 * Cryptographically random bytes, for ballot receipts made on the voter's own phone. Per-platform files:
 * `random.weapp.ts` (wx.getRandomValues); this file serves the H5 build and tests with Web Crypto.
 */
export async function randomBytes(length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}
