import type { LocalCloud } from '../../local-cloud';
import { startTestCloud } from './support';

const HOUSEHOLDS = [
  {
    _id: 'h1',
    village: '中海村',
    members: 4,
    shares: [
      { kind: '群众参股', fen: 50000 },
      { kind: '贫困户配股', fen: 20000 },
    ],
  },
  { _id: 'h2', village: '中海村', members: 2, shares: [{ kind: '群众参股', fen: 30000 }] },
  { _id: 'h3', village: '迤那村', members: 6, shares: [] },
];
const VILLAGES = [
  { _id: 'v1', name: '中海村', town: '迤那镇' },
  { _id: 'v2', name: '迤那村', town: '迤那镇' },
];

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startTestCloud({
    templates: { T1: { title: '提醒', fields: { thing1: 'thing' } } },
    manifest: { collections: [{ name: 'households' }, { name: 'villages' }, { name: 'many' }] },
    seed: {
      households: HOUSEHOLDS,
      villages: VILLAGES,
      many: Array.from({ length: 60 }, (_v, i) => ({ _id: `m${String(i).padStart(2, '0')}`, i })),
    },
  });
});
afterAll(() => cloud.stop());

const agg = () => cloud.db.collection('households').aggregate();
const $ = () => cloud.db.command.aggregate;

test('$match', async () => {
  const { list } = await agg().match({ village: '中海村' }).end();
  expect(list.map((d) => d._id)).toEqual(['h1', 'h2']);
});

test('$group with $sum and $avg, then $sort', async () => {
  const { list } = await agg()
    .group({ _id: '$village', households: $().sum(1), people: $().sum('$members'), avg: $().avg('$members') })
    .sort({ _id: 1 })
    .end();
  expect(list).toEqual([
    { _id: '中海村', households: 2, people: 6, avg: 3 },
    { _id: '迤那村', households: 1, people: 6, avg: 6 },
  ]);
});

test('$unwind then $group sums nested amounts exactly', async () => {
  const { list } = await agg()
    .unwind('$shares')
    .group({ _id: '$shares.kind', fen: $().sum('$shares.fen') })
    .sort({ fen: -1 })
    .end();
  expect(list).toEqual([
    { _id: '群众参股', fen: 80000 },
    { _id: '贫困户配股', fen: 20000 },
  ]);
});

test('$project with an expression', async () => {
  const { list } = await agg()
    .project({ _id: 0, village: 1, shareCount: $().size('$shares') })
    .sort({ shareCount: -1 })
    .end();
  expect(list).toEqual([
    { village: '中海村', shareCount: 2 },
    { village: '中海村', shareCount: 1 },
    { village: '迤那村', shareCount: 0 },
  ]);
});

test('$lookup joins another collection', async () => {
  const { list } = await agg()
    .match({ _id: 'h3' })
    .lookup({ from: 'villages', localField: 'village', foreignField: 'name', as: 'villageDoc' })
    .end();
  expect(list[0]?.villageDoc).toEqual([{ _id: 'v2', name: '迤那村', town: '迤那镇' }]);
});

test('$count', async () => {
  const { list } = await agg()
    .match({ members: cloud.db.command.gte(4) })
    .count('n')
    .end();
  expect(list).toEqual([{ n: 2 }]);
});

test('$addFields, $skip and $limit', async () => {
  const { list } = await agg()
    .addFields({ big: $().gte(['$members', 4]) })
    .sort({ _id: 1 })
    .skip(1)
    .limit(1)
    .end();
  expect(list).toEqual([{ ...HOUSEHOLDS[1], big: false }]);
});

test('without limit() an aggregation returns 20 documents, as in production', async () => {
  const { list } = await cloud.db.collection('many').aggregate().sort({ i: 1 }).end();
  expect(list).toHaveLength(20);
});

test('with limit() it returns up to the limit', async () => {
  const { list } = await cloud.db.collection('many').aggregate().sort({ i: 1 }).limit(1000).end();
  expect(list).toHaveLength(60);
});

test('stages that rewrite documents work on copies: the stored documents do not change', async () => {
  const before = cloud.dump('households');
  const villagesBefore = cloud.dump('villages');
  await agg()
    .addFields({ 'shares.extra': 1 })
    .lookup({ from: 'villages', localField: 'village', foreignField: 'name', as: 'v' })
    .unwind('$v')
    .addFields({ 'v.name': 'changed' })
    .end();
  await agg().match({ _id: 'h1' }).addFields({ 'shares.kind': 'changed' }).end();
  expect(cloud.dump('households')).toEqual(before);
  expect(cloud.dump('villages')).toEqual(villagesBefore);
});

test('$lookup cannot reach local-cloud platform collections', async () => {
  await cloud.grantSubscription('o1', 'T1');
  const { list } = await agg()
    .match({ _id: 'h1' })
    .addFields({ o: 'o1' })
    .lookup({ from: '$grants', localField: 'o', foreignField: 'openid', as: 'leak' })
    .end();
  expect(list[0]?.leak).toEqual([]);
});
