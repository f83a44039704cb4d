import { honorInput } from '../../../core/honor';
import { validate } from '../../../core/validation';

describe('inputs', () => {
  test.each([
    ['a month that is not YYYY-MM', honorInput.createBoard, { month: '2026-13' }, '月份格式应为 2026-11'],
    [
      'an appeal of under 10 characters',
      honorInput.appeal,
      { boardId: 'b', entryId: 'e', text: '不服' },
      '申诉理由至少 10 个字',
    ],
    [
      'a reason code with spaces',
      honorInput.saveRule,
      { code: 'a b', list: 'red', title: '孝老爱亲', article: '第一条', active: true },
      '原因代码为 1–12 位字母、数字或 -',
    ],
  ])('refused: %s', (_what, schema, value, message) => {
    expect(validate(schema as never, value)).toEqual({ ok: false, message });
  });
  test('an entry with a reward and a note is accepted', () => {
    expect(
      validate(honorInput.addEntry, {
        boardId: 'zhonghai_2026-11',
        residentId: 'r_resident_001',
        list: 'red',
        reasonCode: 'XL-1',
        note: '照顾瘫痪在床的婆婆十年',
        reward: '洗衣粉一袋',
      }).ok,
    ).toBe(true);
  });
});
