import type { Cell } from '../sheet';
import { maskPhone, MOBILE_PATTERN } from './phone';

/**
 * The 村民名册 (resident roster) a township keeps, read from the cells of an .xlsx or CSV (core/sheet.ts) into
 * normalized people, with every bad row named: its row number as Excel shows it, the column, and the reason in
 * Chinese. Pure: cells and the town's villages in, people or problems out; no database read per row.
 *
 * Columns, found by their header (first row): 村（社区）, 村民小组, 户号, 姓名, 身份证后四位 and/or 手机号,
 * 村民代表 (是/否). Only masked forms are kept: the last four characters of an ID number, a phone as
 * 138****5678 — a full ID number or phone in the file is masked here and never goes further.
 */

export type RosterColumn = 'village' | 'team' | 'household' | 'name' | 'idTail' | 'phone' | 'rep';

export const ROSTER_COLUMN_LABELS: Record<RosterColumn, string> = {
  village: '村（社区）',
  team: '村民小组',
  household: '户号',
  name: '姓名',
  idTail: '身份证后四位',
  phone: '手机号',
  rep: '村民代表',
};

const HEADERS: [RosterColumn, RegExp][] = [
  ['village', /^(村|社区|村（社区）|村\(社区\)|村\/社区|所属村（社区）|村名)$/],
  ['team', /村民小组|小组|组别|自管委/],
  ['household', /户号|户编号|门牌/],
  ['name', /姓名/],
  ['idTail', /身份证/],
  ['phone', /手机|电话/],
  ['rep', /村民代表|代表/],
];

/** The most people one file may hold (Yina has 43,464). */
export const RESIDENT_ROSTER_MAX = 60_000;
/** Problems listed in full; beyond this only the count is given. */
export const ROSTER_PROBLEMS_SHOWN = 1_000;

/** One person of the roster, normalized; `line` is the row in the file. */
export interface RosterPerson {
  line: number;
  villageId: string;
  teamId: string | null;
  household: string;
  name: string;
  /** Last four characters of the ID number (digits, or X). */
  idTail: string | null;
  phoneMasked: string | null;
  rep: boolean;
}

export interface RosterProblem {
  /** The row as Excel numbers it (1 is the header). */
  row: number;
  /** The column's label (村（社区）, 姓名 …). */
  column: string;
  reason: string;
}

export interface RosterVillage {
  id: string;
  name: string;
  teams?: { id: string; name: string }[];
}

export interface RosterParse {
  people: RosterPerson[];
  problems: RosterProblem[];
}

/** "第 12 行「姓名」：……", for lists and logs. */
export const problemText = (p: RosterProblem) =>
  p.column ? `第 ${p.row} 行「${p.column}」：${p.reason}` : `第 ${p.row} 行：${p.reason}`;

const NAME = /^[\u4e00-\u9fa5A-Za-z·•. ]+$/;
const ID_FULL = /^\d{17}[\dXx]$/;
const ID_TAIL = /^[\dX]{4}$/;
const PHONE_MASKED = /^1[3-9]\d\*{4}\d{4}$/;
const YES = ['是', 'Y', 'YES', '1', '√', 'TRUE', '✓'];
const NO = ['否', '', 'N', 'NO', '0', 'FALSE', '×'];

/** Weights and check characters of a mainland ID number (GB 11643). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
export function validIdNumber(id: string): boolean {
  if (!ID_FULL.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** The stored form of an ID cell: the last four of a full or masked number, or a reason it is not one. */
export function idTailOf(raw: string): { value: string | null } | { error: string } {
  const s = raw.replace(/\s/g, '').toUpperCase();
  if (s === '') return { value: null };
  if (ID_FULL.test(s)) return validIdNumber(s) ? { value: s.slice(-4) } : { error: '身份证号码校验不通过' };
  // Masked forms as printed on forms: 5224**********123X, ****123X, or just 123X.
  if (/^[\dX]{0,6}\*+[\dX]{4}$/.test(s) || ID_TAIL.test(s)) return { value: s.slice(-4) };
  return { error: `“${raw}”不是身份证后四位（4 位数字，最后一位可以是 X）` };
}

/** The stored form of a phone cell: masked, or a reason it is not a mainland mobile number. */
export function phoneMaskedOf(raw: string): { value: string | null } | { error: string } {
  const s = raw.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  if (s === '') return { value: null };
  if (MOBILE_PATTERN.test(s)) return { value: maskPhone(s) };
  if (PHONE_MASKED.test(s)) return { value: s };
  return { error: `“${raw}”不是 11 位手机号码` };
}

export interface RosterOptions {
  villages: RosterVillage[];
  /** Whether the importing admin manages this village (town admins: all). */
  manages: (villageId: string) => boolean;
}

/** The people of the file, or every problem with its row and column (row numbers as in Excel). */
export function residentsFromCells(cells: Cell[][], options: RosterOptions): RosterParse {
  const problems: RosterProblem[] = [];
  const header = (cells[0] ?? []).map((h) => (h ?? '').trim());
  const at = new Map<RosterColumn, number>();
  for (const [column, pattern] of HEADERS) {
    const i = header.findIndex((h, k) => pattern.test(h) && ![...at.values()].includes(k));
    if (i >= 0) at.set(column, i);
  }
  for (const required of ['village', 'household', 'name'] as const) {
    if (!at.has(required))
      problems.push({ row: 1, column: ROSTER_COLUMN_LABELS[required], reason: '表头缺少这一列' });
  }
  if (!at.has('idTail') && !at.has('phone'))
    problems.push({ row: 1, column: '身份证后四位/手机号', reason: '表头至少要有身份证后四位或手机号一列' });
  if (problems.length) return { people: [], problems };

  const byName = new Map<string, RosterVillage>();
  for (const v of options.villages) {
    byName.set(v.name, v);
    byName.set(v.id, v);
  }
  const people: RosterPerson[] = [];
  const seen = new Map<string, number>();
  let count = 0;
  for (let k = 1; k < cells.length; k++) {
    const cellsOfRow = cells[k] ?? [];
    if (cellsOfRow.every((x) => (x ?? '').trim() === '')) continue;
    const row = k + 1;
    count += 1;
    const get = (c: RosterColumn) => (at.has(c) ? (cellsOfRow[at.get(c)!] ?? '').trim() : '');
    const bad = (c: RosterColumn | '', reason: string) =>
      problems.push({ row, column: c ? ROSTER_COLUMN_LABELS[c] : '', reason });
    const before = problems.length;

    const villageCell = get('village');
    const village = villageCell ? byName.get(villageCell) : undefined;
    if (!villageCell) bad('village', '缺少村（社区）');
    else if (!village) bad('village', `没有“${villageCell}”这个村（社区）`);
    else if (!options.manages(village.id))
      bad('village', `您不是“${village.name}”的管理员，不能导入这个村的村民`);

    const teamCell = get('team');
    let teamId: string | null = null;
    if (village) {
      const teams = village.teams ?? [];
      if (teamCell) {
        const team = teams.find((t) => t.name === teamCell || t.id === teamCell);
        if (team) teamId = team.id;
        else bad('team', `${village.name}没有“${teamCell}”这个村民小组`);
      } else if (teams.length) bad('team', '缺少村民小组');
    }

    const household = get('household');
    if (!household) bad('household', '缺少户号');
    else if (household.length > 30) bad('household', `户号太长（${household.length} 个字，最多 30 个）`);

    const name = get('name').replace(/\s+/g, ' ');
    if (!name) bad('name', '缺少姓名');
    else if (name.length > 20) bad('name', `姓名太长（${name.length} 个字，最多 20 个）`);
    else if (name.length < 2 || !NAME.test(name))
      bad('name', `“${name}”不像姓名（至少两个字，只能是汉字、字母或间隔号）`);

    const id = idTailOf(get('idTail'));
    if ('error' in id) bad('idTail', id.error);
    const phone = phoneMaskedOf(get('phone'));
    if ('error' in phone) bad('phone', phone.error);
    if ('value' in id && 'value' in phone && id.value === null && phone.value === null)
      bad(at.has('idTail') ? 'idTail' : 'phone', '身份证后四位和手机号至少要填一项');

    const repCell = get('rep').toUpperCase();
    const rep = YES.includes(repCell);
    if (!rep && !NO.includes(repCell)) bad('rep', `“${get('rep')}”应填“是”或“否”`);

    // Only clean rows count as the first of a pair: a row already named for another reason is not repeated.
    if (problems.length === before) {
      const key = `${village!.id}\u0000${household}\u0000${name}`;
      const first = seen.get(key);
      if (first !== undefined) bad('name', `和第 ${first} 行是同一个人（同村、同户号、同姓名）`);
      else seen.set(key, row);
    }
    if (problems.length > before) continue;
    people.push({
      line: row,
      villageId: village!.id,
      teamId,
      household,
      name,
      idTail: (id as { value: string | null }).value,
      phoneMasked: (phone as { value: string | null }).value,
      rep,
    });
  }
  if (count === 0) problems.push({ row: 2, column: '', reason: '文件里没有村民（第 2 行起）' });
  if (count > RESIDENT_ROSTER_MAX)
    problems.push({
      row: 1,
      column: '',
      reason: `一次最多导入 ${RESIDENT_ROSTER_MAX} 人，请按村拆成几个文件`,
    });
  return { people: problems.length ? [] : people, problems };
}
