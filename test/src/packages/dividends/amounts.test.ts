import { fromHundredths, parseHundredths } from '../../../../core/decimal';
import { percentOf } from '../../../../src/packages/dividends/dividends';

test('amounts typed in 元 are read as exact fen', () => {
  expect(parseHundredths('1234.5')).toBe(123450);
  expect(parseHundredths('0.07')).toBe(7);
  expect(parseHundredths('0.1')).toBe(10);
  expect(parseHundredths('19.99')).toBe(1999);
  expect(parseHundredths('1000000000000')).toBe(100_000_000_000_000);
  expect(parseHundredths(' 12,345.67 ')).toBe(1_234_567);
  expect(parseHundredths('5.')).toBe(500);
  expect(parseHundredths('.5')).toBe(50);
  expect(parseHundredths('１２。３')).toBe(1230);
});

test('anything else is not an amount', () => {
  for (const text of ['', '.', '1.234', '-1', '1e3', 'abc', '12元', '1234567890123456'])
    expect(parseHundredths(text)).toBeNull();
});

test('hundredths and percentages back in words', () => {
  expect(fromHundredths(6000)).toBe('60');
  expect(fromHundredths(3333)).toBe('33.33');
  expect(fromHundredths(150)).toBe('1.5');
  expect(fromHundredths(7)).toBe('0.07');
  expect(percentOf(217_865, 740_740)).toBe('29.41');
  expect(percentOf(370_370, 1_234_567)).toBe('30');
  expect(percentOf(1, 0)).toBe('0');
});
