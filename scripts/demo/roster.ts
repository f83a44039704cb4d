import { ROSTER_COLUMN_LABELS } from '../../core/members/roster';
import { parseTownship, type Township } from '../../core/members/township';
import townshipFile from './township.example.json';
import { xlsx } from './xlsx';

/**
 * A deterministic 村民名册 for the demo, the tests and the bench: `count` people in households of 1–6 over the
 * given villages (and their 村民小组 when they have any), as the rows of a file the importer reads. Names are
 * unique per household; every tenth household's head is a 村民代表; phones are full numbers (the importer
 * masks them), every third person has the last four of an ID number instead.
 */

export const ROSTER_HEADER = (
  ['village', 'team', 'household', 'name', 'idTail', 'phone', 'rep'] as const
).map((c) => ROSTER_COLUMN_LABELS[c]);

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林禄安苏龙'.split('');
const GIVEN =
  '建国秀英志强桂芳明华春梅德福玉兰永红海燕文军金花正祥小芳光荣翠萍国富红梅学文兰英家顺丽华世昌凤英';
const SECOND = '一二三四五六七八九十明亮清平安康宁远'.split('');

export interface RosterVillageSpec {
  name: string;
  teams?: { name: string }[];
}

export function rosterRows(count: number, villages: RosterVillageSpec[]): string[][] {
  const rows: string[][] = [];
  let person = 0;
  for (let h = 0; person < count; h++) {
    const village = villages[h % villages.length]!;
    const n = Math.floor(h / villages.length) + 1;
    const teams = village.teams ?? [];
    const team = teams.length ? teams[n % teams.length]!.name : '';
    const size = Math.min(1 + ((h * 7919) % 6), count - person);
    const surname = SURNAMES[h % SURNAMES.length]!;
    for (let k = 0; k < size; k++, person++) {
      const g = (h + k * 3) % (GIVEN.length / 2);
      const name = `${surname}${GIVEN.slice(g * 2, g * 2 + 2)}${SECOND[k]!}`;
      const tail = String((person * 7 + 1234) % 10000).padStart(4, '0');
      const phone = `13${(person % 9) + 1}${String((person * 104729) % 100000000).padStart(8, '0')}`;
      rows.push([
        village.name,
        team,
        `${String(n).padStart(4, '0')}号`,
        name,
        person % 3 === 0 ? tail : '',
        person % 3 === 0 ? '' : phone,
        k === 0 && h % 10 === 0 ? '是' : '否',
      ]);
    }
  }
  return rows;
}

/** The roster as an .xlsx file (header and rows). */
export const rosterXlsx = (count: number, villages: RosterVillageSpec[]) =>
  xlsx([ROSTER_HEADER, ...rosterRows(count, villages)], '村民名册');

/** The example township's villages with their 村民小组 (what the demo seed and bootstrap write), by name. */
export function townshipVillages(names?: string[]): RosterVillageSpec[] {
  const { township } = parseTownship(townshipFile) as { township: Township };
  return township.villages
    .filter((v) => !names || names.includes(v.name))
    .map((v) => ({ name: v.name, teams: v.teams.map((name) => ({ name })) }));
}
