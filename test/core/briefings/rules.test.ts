import {
  disclosureState,
  escapeRegExp,
  normalizeForSearch,
  searchTerms,
  snippet,
} from '../../../core/briefings';

test('search text: full-width letters and digits fold to half-width, lower case; Chinese punctuation stays', () => {
  expect(normalizeForSearch('采用 ＰＰＰ 模式，投资１２０万元')).toBe('采用 ppp 模式，投资120万元');
});

test('white space runs become one space', () => {
  expect(normalizeForSearch('  补贴\n\n 标准\t说明 ')).toBe('补贴 标准 说明');
});

test('a query is its words, normalized, without repeats, at most five, each at most 20 characters', () => {
  expect(searchTerms(' 养老  ＡＢ 养老 ')).toEqual(['养老', 'ab']);
  expect(searchTerms('一 二 三 四 五 六')).toHaveLength(5);
  expect(searchTerms('长'.repeat(30))[0]).toHaveLength(20);
});

test('regular-expression characters are matched literally', () => {
  expect(new RegExp(escapeRegExp('(每亩) 105.5')).test('标准 (每亩) 105.5 元')).toBe(true);
  expect(new RegExp(escapeRegExp('.*')).test('abc')).toBe(false);
});

test('an excerpt is cut around the first word found, with … where text was left out', () => {
  const text = `${'前'.repeat(100)}便民服务站${'后'.repeat(100)}`;
  const cut = snippet(text, ['便民服务站'], 30);
  expect(cut.startsWith('…')).toBe(true);
  expect(cut.endsWith('…')).toBe(true);
  expect(cut).toContain('便民服务站');
  expect(snippet('短文本', ['短'])).toBe('短文本');
});

test('a disclosure is upcoming, open, then ended', () => {
  const d = { startsAt: 1000, endsAt: 2000 };
  expect(disclosureState(d, 999)).toBe('upcoming');
  expect(disclosureState(d, 1000)).toBe('open');
  expect(disclosureState(d, 2000)).toBe('ended');
});
