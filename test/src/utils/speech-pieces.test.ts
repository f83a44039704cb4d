import { speechPieces } from '../../../src/utils/speech-pieces';

test('short text is one piece', () => {
  expect(speechPieces('补贴对象。拥有承包耕地的农户。')).toEqual(['补贴对象。拥有承包耕地的农户。']);
});

test('long text is cut at sentence ends, no piece over the limit, nothing lost', () => {
  const text = '这是一句政策说明。'.repeat(60);
  const pieces = speechPieces(text, 50);
  expect(pieces.every((p) => p.length <= 50)).toBe(true);
  expect(pieces.every((p) => p.endsWith('。'))).toBe(true);
  expect(pieces.join('')).toBe(text);
});

test('a sentence longer than the limit is split inside it', () => {
  const pieces = speechPieces('长'.repeat(450), 200);
  expect(pieces.map((p) => p.length)).toEqual([200, 200, 50]);
});

test('blank text has no pieces', () => {
  expect(speechPieces('   ')).toEqual([]);
});
