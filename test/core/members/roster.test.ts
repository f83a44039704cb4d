import { readSheetFile } from '../../../core/sheet';
import {
  idTailOf,
  phoneMaskedOf,
  problemText,
  residentsFromCells,
  validIdNumber,
  type RosterVillage,
} from '../../../core/members/roster';
import { ROSTER_HEADER, rosterRows, rosterXlsx } from '../../../scripts/demo/roster';

const VILLAGES: RosterVillage[] = [
  {
    id: 'zhonghai',
    name: '中海村',
    teams: [
      { id: 'zhonghai-t01', name: '一组' },
      { id: 'zhonghai-t02', name: '二组' },
    ],
  },
  { id: 'wuxing', name: '五星村', teams: [{ id: 'wuxing-t01', name: '一组' }] },
  { id: 'yinashequ', name: '迤那社区', teams: [] },
];
const town = { villages: VILLAGES, manages: () => true };
const zhonghaiAdmin = { villages: VILLAGES, manages: (id: string) => id === 'zhonghai' };

const good = (over: Partial<Record<number, string>> = {}, i = 0): string[] => {
  const row = [
    '中海村',
    '一组',
    `${100 + i}号`,
    `张${'一二三四五六七八九十'[i % 10]}明`,
    '123X',
    '13812345678',
    '否',
  ];
  for (const [k, v] of Object.entries(over)) row[Number(k)] = v!;
  return row;
};

test('a good roster: people normalized, phones and ID numbers masked, flags read', () => {
  const { people, problems } = residentsFromCells(
    [
      ROSTER_HEADER,
      good(),
      ['五星村', '一组', '7号', '李 秀英', '522427199001010021', '', '是'],
      ['迤那社区', '', '3-101', 'Ma Li', '', '139****5678', ''],
    ],
    town,
  );
  expect(problems).toEqual([]);
  expect(people).toEqual([
    {
      line: 2,
      villageId: 'zhonghai',
      teamId: 'zhonghai-t01',
      household: '100号',
      name: '张一明',
      idTail: '123X',
      phoneMasked: '138****5678',
      rep: false,
    },
    {
      line: 3,
      villageId: 'wuxing',
      teamId: 'wuxing-t01',
      household: '7号',
      name: '李 秀英',
      idTail: '0021',
      phoneMasked: null,
      rep: true,
    },
    {
      line: 4,
      villageId: 'yinashequ',
      teamId: null,
      household: '3-101',
      name: 'Ma Li',
      idTail: null,
      phoneMasked: '139****5678',
      rep: false,
    },
  ]);
  // Never a full number in the output.
  expect(JSON.stringify(people)).not.toMatch(/\d{11}/);
});

test('50 bad rows of 10 kinds: every one named by row, column and reason, and no person comes out', () => {
  const bad: [string, (i: number) => string[]][] = [
    ['缺少姓名', (i) => good({ 3: '' }, i)],
    ['没有“东海村”这个村（社区）', (i) => good({ 0: '东海村' }, i)],
    ['中海村没有“九组”这个村民小组', (i) => good({ 1: '九组' }, i)],
    ['不是 11 位手机号码', (i) => good({ 5: '1381234' }, i)],
    ['不是身份证后四位', (i) => good({ 4: '12' }, i)],
    ['应填“是”或“否”', (i) => good({ 6: '可能' }, i)],
    ['不像姓名', (i) => good({ 3: '张3' }, i)],
    ['户号太长', (i) => good({ 2: '号'.repeat(31) }, i)],
    ['您不是“五星村”的管理员', (i) => good({ 0: '五星村' }, i)],
    ['和第', (i) => good({}, i)],
  ];
  const rows: string[][] = [ROSTER_HEADER];
  const expected: { row: number; column: string; kind: string }[] = [];
  const columns = [
    '姓名',
    '村（社区）',
    '村民小组',
    '手机号',
    '身份证后四位',
    '村民代表',
    '姓名',
    '户号',
    '村（社区）',
    '姓名',
  ];
  for (let i = 0; i < 50; i++) {
    const kind = i % 10;
    if (kind === 9) rows.push(good({}, i)); // the first of a pair: fine, the second repeats it
    rows.push(bad[kind]![1](i));
    expected.push({ row: rows.length, column: columns[kind]!, kind: bad[kind]![0] });
  }
  const { people, problems } = residentsFromCells(rows, zhonghaiAdmin);
  expect(people).toEqual([]);
  expect(problems).toHaveLength(50);
  problems.forEach((p, i) => {
    expect(p.row).toBe(expected[i]!.row);
    expect(p.column).toBe(expected[i]!.column);
    expect(p.reason).toContain(expected[i]!.kind);
  });
  expect(new Set(problems.map((p) => p.reason.replace(/“[^”]*”|\d+/g, ''))).size).toBeGreaterThanOrEqual(10);
  expect(problemText(problems[0]!)).toBe('第 2 行「姓名」：缺少姓名');
});

test('header problems are named by column', () => {
  expect(residentsFromCells([['户号', '姓名']], town).problems).toEqual([
    { row: 1, column: '村（社区）', reason: '表头缺少这一列' },
    { row: 1, column: '身份证后四位/手机号', reason: '表头至少要有身份证后四位或手机号一列' },
  ]);
  expect(residentsFromCells([ROSTER_HEADER], town).problems).toEqual([
    { row: 2, column: '', reason: '文件里没有村民（第 2 行起）' },
  ]);
});

test('a row needs an ID tail or a phone; a village with teams needs the team', () => {
  const { problems } = residentsFromCells([ROSTER_HEADER, good({ 4: '', 5: '' }), good({ 1: '' }, 1)], town);
  expect(problems.map(problemText)).toEqual([
    '第 2 行「身份证后四位」：身份证后四位和手机号至少要填一项',
    '第 3 行「村民小组」：缺少村民小组',
  ]);
});

test('ID numbers: checksum, masked forms, tails', () => {
  expect(validIdNumber('522427199001010021')).toBe(true);
  expect(idTailOf('52242719900101002X')).toEqual({ error: '身份证号码校验不通过' });
  expect(idTailOf('5224**********123x')).toEqual({ value: '123X' });
  expect(idTailOf('0042')).toEqual({ value: '0042' });
  expect(phoneMaskedOf('+86 138-1234-5678')).toEqual({ value: '138****5678' });
  expect(phoneMaskedOf('0857-1234567')).toHaveProperty('error');
});

test('the generated 5,000-person .xlsx reads back as 5,000 good people', () => {
  const villages = VILLAGES.map((v) => ({ name: v.name, teams: v.teams }));
  const bytes = rosterXlsx(5000, villages);
  const { people, problems } = residentsFromCells(readSheetFile('名册.xlsx', bytes), town);
  expect(problems).toEqual([]);
  expect(people).toHaveLength(5000);
  expect(rosterRows(5000, villages)).toHaveLength(5000);
});
