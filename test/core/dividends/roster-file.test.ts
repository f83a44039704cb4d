import { hundredths, rosterFromCells } from '../../../core/dividends/roster-file';
import { parseCsv } from '../../../core/sheet';

describe('cells in hundredths', () => {
  test.each([
    ['26000', 2_600_000],
    ['1,234.5', 123_450],
    ['２.５', 250],
    ['3 亩', 300],
    ['', 0],
  ])('typed text is read exactly: %s', (cell, expected) => {
    expect(hundredths(cell)).toBe(expected);
  });

  test('a double Excel stored is accepted when it is a whole hundredth', () => {
    expect(hundredths('2.4999999999999996')).toBe(250);
    expect(hundredths('1.5E3')).toBe(150_000);
  });

  test.each(['一万', '1.234', '-5', '1e400'])('not a number of hundredths: %s', (cell) => {
    expect(hundredths(cell)).toBeNull();
  });
});

test('quoted CSV fields keep their commas and quotes', () => {
  expect(parseCsv('户号,户主\r\n"一组,001号","王""老"""\n')).toEqual([
    ['户号', '户主'],
    ['一组,001号', '王"老"'],
  ]);
});

test('a roster without share columns is refused at the header', () => {
  expect(
    rosterFromCells(
      [
        ['户号', '户主'],
        ['1号', '王'],
      ],
      'zhonghai',
    ).problems,
  ).toEqual(['第 1 行（表头）至少要有一列股份：资金入股、土地入股、配股或村集体股']);
});
