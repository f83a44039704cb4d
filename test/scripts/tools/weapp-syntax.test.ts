import { formatLater, laterSyntax } from '../../../scripts/tools/weapp-syntax';

test('ES5 passes', () => {
  expect(laterSyntax('var a = { b: 1 }; function f(x) { return x && x.b; }')).toEqual([]);
});

test('optional chaining is named with its line', () => {
  const later = laterSyntax('var a = {};\nvar b = a?.b;', 'pages/x.js');
  expect(later).toEqual([{ file: 'pages/x.js', line: 2, construct: 'optional chaining ?.' }]);
  expect(formatLater(later)).toBe('pages/x.js:2 optional chaining ?.');
});

test.each([
  ['var a = b ?? 1;', 'nullish coalescing ??'],
  ['var A = function () {}; class B { x = 1 }', 'class field'],
  ['class B {}', 'class'],
  ['var f = () => 1;', 'arrow function'],
  ['let a = 1;', 'let'],
  ['const a = 1;', 'const'],
  ['var s = `x`;', 'template literal'],
  ['var a = [...b];', 'spread ...'],
  ['var { a } = b;', 'destructuring'],
  ['async function f() {}', 'async function'],
  ['var a = 2 ** 3;', 'exponent **'],
  ['try {} catch {}', 'optional catch binding'],
  ['var n = 10n;', 'BigInt'],
  ['var o = { a };', 'shorthand property'],
  ['var r = /x/u;', 'regex flag'],
])('%s is refused as %s', (source, construct) => {
  expect(laterSyntax(source).map((l) => l.construct)).toContain(construct);
});
