const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Bytes to standard base64 (with `=` padding). The mini-program has neither Buffer nor a dependable `btoa`
 * (and `wx.arrayBufferToBase64` is deprecated), so this is done by hand; pure, for files of a few MB.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  const whole = bytes.length - (bytes.length % 3);
  let chunk = '';
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
    // Strings joined once at the end: repeated concatenation of one huge string is slow on old phones.
    if (chunk.length >= 8192) {
      out.push(chunk);
      chunk = '';
    }
  }
  const left = bytes.length - whole;
  if (left === 1) {
    const n = bytes[whole]! << 16;
    chunk += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}==`;
  } else if (left === 2) {
    const n = (bytes[whole]! << 16) | (bytes[whole + 1]! << 8);
    chunk += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}${ALPHABET[(n >> 6) & 63]!}=`;
  }
  out.push(chunk);
  return out.join('');
}
