import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  formatSetupCode,
  normalizeSetupCode,
  parseTownship,
  teamId,
  townshipDocs,
} from '../../../core/members/township';

const EXAMPLE = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', '..', 'scripts', 'demo', 'township.example.json'), 'utf8'),
) as unknown;

test('the example township (Yina: 11 villages, 5 communities, their 村民小组, the five groups) parses', () => {
  const parsed = parseTownship(EXAMPLE);
  if (!('township' in parsed)) throw new Error(JSON.stringify(parsed.problems));
  const t = parsed.township;
  expect(t.town).toEqual({ id: 'yina', name: '迤那镇' });
  expect(t.villages).toHaveLength(16);
  expect(t.villages.filter((v) => v.kind === 'community')).toHaveLength(5);
  expect(t.groups).toEqual(['consult', 'policy', 'crowdfund', 'mediate', 'service']);
});

test('its documents are deterministic: villages in file order with team ids, the groups with their names', () => {
  const { township } = parseTownship(EXAMPLE) as { township: Parameters<typeof townshipDocs>[0] };
  const docs = townshipDocs(township);
  expect(townshipDocs(township)).toEqual(docs);
  expect(docs.villages[0]).toMatchObject({
    _id: 'zhonghai',
    townId: 'yina',
    townName: '迤那镇',
    name: '中海村',
    kind: 'village',
    order: 0,
  });
  expect(docs.villages[0]!.teams.slice(0, 2)).toEqual([
    { id: 'zhonghai-t01', name: '第一组' },
    { id: 'zhonghai-t02', name: '第二组' },
  ]);
  expect(teamId('anle', 11)).toBe('anle-t12');
  expect(docs.groups[0]).toEqual({ _id: 'consult', name: '协商议事组' });
});

test('teams and groups may be left out: no teams, all five groups', () => {
  const parsed = parseTownship({
    town: { id: 'luoxi', name: '罗溪镇' },
    villages: [{ id: 'v1', name: '罗溪村', kind: 'village' }],
  });
  expect(parsed).toMatchObject({
    township: { villages: [{ teams: [] }], groups: expect.arrayContaining(['service']) },
  });
});

test.each([
  [{}, 'town', /Invalid|镇/],
  [{ town: { id: 'Yi Na', name: '迤那镇' }, villages: [] }, 'town.id', /小写字母/],
  [{ town: { id: 'yina', name: '迤那镇' }, villages: [] }, 'villages', /至少要有一个/],
  [
    { town: { id: 'yina', name: '迤那镇' }, villages: [{ id: 'a1', name: '甲村', kind: 'hamlet' }] },
    'villages[0].kind',
    /village（村）或 community/,
  ],
  [
    {
      town: { id: 'yina', name: '迤那镇' },
      villages: [{ id: 'a1', name: '甲村', kind: 'village', teams: ['一'] }],
    },
    'villages[0].teams[0]',
    /至少 2 个字/,
  ],
  [
    {
      town: { id: 'yina', name: '迤那镇' },
      villages: [{ id: 'a1', name: '甲村', kind: 'village' }],
      groups: ['party'],
    },
    'groups[0]',
    /没有这个联盟小组/,
  ],
])('a bad file names the place: %#', (json, where, reason) => {
  const parsed = parseTownship(json);
  expect('problems' in parsed).toBe(true);
  const problems = (parsed as { problems: { path: string; reason: string }[] }).problems;
  expect(problems).toContainEqual({ path: where, reason: expect.stringMatching(reason) });
});

test('duplicate ids, names and teams are each named', () => {
  const parsed = parseTownship({
    town: { id: 'yina', name: '迤那镇' },
    villages: [
      { id: 'a1', name: '甲村', kind: 'village', teams: ['第一组', '第一组'] },
      { id: 'a1', name: '甲村', kind: 'village' },
    ],
  });
  expect(parsed).toEqual({
    problems: [
      { path: 'villages[1].id', reason: '编号“a1”和第 1 个重复' },
      { path: 'villages[1].name', reason: '名称“甲村”和第 1 个重复' },
      { path: 'villages[0].teams[1]', reason: '村民小组“第一组”和第 1 个重复' },
    ],
  });
});

test('setup codes: 12 characters without look-alikes, typed with or without dashes and in any case', () => {
  expect(normalizeSetupCode('abcd-efgh-jkmn')).toBe('ABCDEFGHJKMN');
  expect(normalizeSetupCode('ABCD EFGH JKMN')).toBe('ABCDEFGHJKMN');
  expect(normalizeSetupCode('ABCD-EFGH-JKM0')).toBeNull(); // 0 is not in the alphabet
  expect(normalizeSetupCode('ABCD-EFGH')).toBeNull();
  expect(formatSetupCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
});
