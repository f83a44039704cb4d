/**
 * Demo data for `npm start` and the cloud tests: the town of 迤那镇 with 11 villages and 5 communities, the
 * five alliance groups and their leaders, and the fixed demo identities of README. Deterministic: the same
 * documents every time.
 */
import {
  DEMO_GROUP_LEADERS,
  DEMO_GROUP_MEMBER,
  DEMO_REP_COUNT,
  DEMO_RESIDENT_COUNT,
  DEMO_TOWN,
  DEMO_VILLAGES,
  DEMO_ZHONGHAI_RESIDENTS,
  demoRepOpenid,
  demoResidentOpenid,
} from './identities';
import { DEFAULT_CATEGORIES } from '../../core/briefings';
import { parseTownship, townshipDocs, type Township } from '../../core/members/township';
import townshipFile from './township.example.json';
import { GROUP_CODES, type GroupCode } from '../../core/groups';
import { NO_ROLES, type Roles } from '../../core/roles';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林禄安苏龙'.split('');
const GIVEN =
  '建国,秀英,志强,桂芳,明华,春梅,德福,玉兰,永红,海燕,文军,金花,正祥,小芳,光荣,翠萍,国富,红梅,学文,兰英,家顺,丽华,世昌,凤英'.split(
    ',',
  );
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** A deterministic 32-bit PRNG (mulberry32): the demo must be the same on every machine. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDED_AT = new Date(Date.UTC(2026, 9, 1, 2, 0, 0)); // 2026-10-01 10:00 in 迤那

interface Person {
  openid: string;
  residentId: string;
  villageId: string;
  name: string;
  household: string;
  phoneMasked: string;
  roles: Roles;
}

export function demoSeed(): Record<string, Record<string, unknown>[]> {
  const random = prng(20171);
  const villageName = new Map(DEMO_VILLAGES.map((v) => [v.id, v.name]));
  const people: Person[] = [];
  const householdNo = new Map<string, number>();
  const person = (openid: string, villageId: string, roles: Roles = NO_ROLES): Person => {
    const n = (householdNo.get(villageId) ?? 0) + 1;
    householdNo.set(villageId, n);
    const name =
      SURNAMES[Math.floor(random() * SURNAMES.length)]! + GIVEN[Math.floor(random() * GIVEN.length)]!;
    const group = CHINESE_NUMERALS[(n - 1) % CHINESE_NUMERALS.length]!;
    const p: Person = {
      openid,
      residentId: `r_${openid.replace(/^demo-/, '').replace(/-/g, '_')}`,
      villageId,
      name,
      household: `${group}组${String(n).padStart(3, '0')}号`,
      phoneMasked: `1${3 + Math.floor(random() * 7)}${Math.floor(random() * 10)}****${String(Math.floor(random() * 10000)).padStart(4, '0')}`,
      roles,
    };
    people.push(p);
    return p;
  };
  const roles = (partial: Partial<Roles>): Roles => ({ ...NO_ROLES, ...partial });

  person('demo-town-admin', 'yinashequ', roles({ townAdmin: true }));
  person('demo-village-admin', 'zhonghai', roles({ villageAdmin: true }));
  const leaderVillages: Record<GroupCode, string> = {
    consult: 'zhonghai',
    policy: 'yinashequ',
    crowdfund: 'zhonghai',
    mediate: 'xinying',
    service: 'longchang',
  };
  for (const group of GROUP_CODES) {
    person(
      DEMO_GROUP_LEADERS[group],
      leaderVillages[group],
      roles({ groups: [{ group, level: 'town', position: 'leader' }] }),
    );
  }
  for (let i = 1; i <= DEMO_REP_COUNT; i++) person(demoRepOpenid(i), 'zhonghai', roles({ rep: true }));
  const others = DEMO_VILLAGES.filter((v) => v.id !== 'zhonghai');
  for (let i = 1; i <= DEMO_RESIDENT_COUNT; i++) {
    const villageId =
      i <= DEMO_ZHONGHAI_RESIDENTS
        ? 'zhonghai'
        : others[(i - DEMO_ZHONGHAI_RESIDENTS - 1) % others.length]!.id;
    person(demoResidentOpenid(i), villageId);
  }
  // Last, so that every resident above keeps the name the seeded random gave it.
  person(
    DEMO_GROUP_MEMBER,
    'zhonghai',
    roles({ groups: [{ group: 'service', level: 'village', position: 'member' }] }),
  );

  // The 村民小组 of the example township file (what `npm run bootstrap` would write for Yina).
  const teams = new Map(
    townshipDocs((parseTownship(townshipFile) as { township: Township }).township).villages.map((v) => [
      v._id,
      v.teams,
    ]),
  );
  const villages = DEMO_VILLAGES.map((v, order) => ({
    _id: v.id,
    townId: DEMO_TOWN.id,
    townName: DEMO_TOWN.name,
    name: v.name,
    kind: v.kind,
    order,
    teams: teams.get(v.id) ?? [],
  }));
  const residents = people.map((p) => ({
    _id: p.residentId,
    townId: DEMO_TOWN.id,
    villageId: p.villageId,
    name: p.name,
    household: p.household,
    phoneMasked: p.phoneMasked,
    openid: p.openid,
    roles: p.roles,
    source: 'seed',
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  }));
  const members = people.map((p) => ({
    _id: p.openid,
    residentId: p.residentId,
    villageId: p.villageId,
    villageName: villageName.get(p.villageId)!,
    name: p.name,
    household: p.household,
    phoneMasked: p.phoneMasked,
    roles: p.roles,
    boundAt: SEEDED_AT,
  }));
  const groupSummaries = GROUP_CODES.map((group) => {
    const inGroup = people.filter((p) => p.roles.groups.some((g) => g.group === group));
    return {
      _id: group,
      leaders: inGroup.flatMap((p) =>
        p.roles.groups
          .filter((g) => g.group === group && g.position !== 'member')
          .map((g) => ({
            residentId: p.residentId,
            name: p.name,
            level: g.level,
            position: g.position,
            villageName: villageName.get(p.villageId)!,
          })),
      ),
      memberCount: inGroup.length,
    };
  });
  const briefingCategories = DEFAULT_CATEGORIES.map((c, order) => ({
    _id: c.id,
    name: c.name,
    order,
    hidden: false,
  }));
  return { villages, residents, members, groupSummaries, briefingCategories };
}
