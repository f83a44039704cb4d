import {
  appealDeadline,
  boardId,
  canAppeal,
  canEditBoard,
  maskName,
  monthLabel,
  monthOf,
  restrictionEndsAt,
  restrictionState,
  shownName,
} from '../../../core/honor';

/** A moment written in China time. */
const china = (iso: string) => Date.parse(`${iso}+08:00`);

describe('restrictionEndsAt: 3 calendar months after publication, China time', () => {
  test.each([
    ['2026-11-10T10:00:00', '2027-02-10T10:00:00'],
    ['2026-01-31T09:30:00', '2026-04-30T09:30:00'],
    ['2026-11-30T10:00:00', '2027-02-28T10:00:00'],
    ['2027-11-30T10:00:00', '2028-02-29T10:00:00'],
    // 00:30 in 迤那 is the evening before in UTC: the month is counted in China time.
    ['2026-12-01T00:30:00', '2027-03-01T00:30:00'],
  ])('published %s → ends %s', (published, ends) => {
    expect(restrictionEndsAt(china(published))).toBe(china(ends));
  });
});

describe('restrictionState', () => {
  const r = { endsAt: china('2027-02-10T10:00:00'), liftedAt: null };
  test('active until the exact end, expired from it', () => {
    expect(restrictionState(r, r.endsAt - 1)).toBe('active');
    expect(restrictionState(r, r.endsAt)).toBe('expired');
  });
  test('lifted from the re-assessment on, even before the end', () => {
    const lifted = { ...r, liftedAt: china('2026-12-01T09:00:00') };
    expect(restrictionState(lifted, lifted.liftedAt - 1)).toBe('active');
    expect(restrictionState(lifted, lifted.liftedAt)).toBe('lifted');
    expect(restrictionState(lifted, r.endsAt + 1)).toBe('lifted');
  });
});

describe('the appeal window: 15 whole days after the day of publication', () => {
  const published = china('2026-11-01T10:00:00');
  test('ends at the end of the 15th day', () => {
    expect(appealDeadline(published)).toBe(china('2026-11-17T00:00:00'));
  });
  test('open until then, closed from then', () => {
    expect(canAppeal(published, china('2026-11-16T23:59:59'))).toBe(true);
    expect(canAppeal(published, china('2026-11-17T00:00:00'))).toBe(false);
  });
  test('a board published just before midnight still gives 15 whole days', () => {
    expect(appealDeadline(china('2026-11-01T23:59:00'))).toBe(china('2026-11-17T00:00:00'));
  });
});

describe('names on the black list', () => {
  test.each([
    ['张小明', '张*明'],
    ['欧阳修文', '欧**文'],
    ['张三', '张*'],
    ['禄', '*'],
    [' 王建国 ', '王*国'],
    ['𠀋小明', '𠀋*明'],
  ])('%s is masked as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
  test('red-list names are always in full; black-list names masked unless the village shows them', () => {
    expect(shownName('张小明', 'red', true)).toBe('张小明');
    expect(shownName('张小明', 'black', true)).toBe('张*明');
    expect(shownName('张小明', 'black', false)).toBe('张小明');
  });
});

describe('boards', () => {
  test('one board per village and month', () => {
    expect(boardId('zhonghai', '2026-11')).toBe('zhonghai_2026-11');
  });
  test('the month is China time', () => {
    expect(monthOf(china('2026-12-01T00:30:00'))).toBe('2026-12');
    expect(monthLabel('2026-03')).toBe('2026年3月');
  });
  test('only a draft can be changed', () => {
    expect(canEditBoard('draft')).toBe(true);
    expect(canEditBoard('pending')).toBe(false);
    expect(canEditBoard('published')).toBe(false);
  });
});
