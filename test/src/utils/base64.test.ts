import fc from 'fast-check';
import { bytesToBase64 } from '../../../src/utils/base64';

test('the RFC 4648 test vectors', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ];
  for (const [text, encoded] of vectors)
    expect(bytesToBase64(new Uint8Array(Buffer.from(text, 'utf8')))).toBe(encoded);
});

test('agrees with Node’s encoder for any bytes, including every byte value and long inputs', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 20_000 }), (bytes) => {
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }),
    { numRuns: 200 },
  );
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
});
