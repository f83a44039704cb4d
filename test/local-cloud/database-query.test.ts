import type { LocalCloud } from '../../local-cloud';
import { capturingWarnings, sdkError, startTestCloud } from './support';

const PEOPLE = [
  {
    _id: 'p1',
    name: '张三',
    age: 30,
    village: '中海村',
    tags: ['党员', '村民代表'],
    score: 7,
    address: { group: 3 },
  },
  {
    _id: 'p2',
    name: '李四',
    age: 45,
    village: '中海村',
    tags: ['村民代表'],
    score: 12,
    address: { group: 1 },
  },
  { _id: 'p3', name: '王五', age: 22, village: '迤那村', tags: [], score: 3, address: { group: 3 } },
  { _id: 'p4', name: 'Wang Liu', age: 61, village: '迤那村', tags: ['党员'], score: 9, nickname: null },
  {
    _id: 'p5',
    name: '赵七',
    age: 38,
    village: '新营村',
    tags: ['党员', '乡贤', '村民代表'],
    score: 15,
    visits: [
      { year: 2025, count: 2 },
      { year: 2026, count: 5 },
    ],
  },
];

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ manifest: { collections: [{ name: 'people' }] }, seed: { people: PEOPLE } });
});
afterAll(() => cloud.stop());

const db = () => cloud.db;
const _ = () => cloud.db.command;
const ids = (docs: unknown[]) => (docs as { _id: string }[]).map((d) => d._id).sort();
const where = async (query: object) => ids((await db().collection('people').where(query).get()).data);

describe('query operators (db.command)', () => {
  test('plain equality on a field', async () =>
    expect(await where({ village: '中海村' })).toEqual(['p1', 'p2']));
  test('eq', async () => expect(await where({ age: _().eq(22) })).toEqual(['p3']));
  test('neq', async () => expect(await where({ village: _().neq('中海村') })).toEqual(['p3', 'p4', 'p5']));
  test('gt', async () => expect(await where({ age: _().gt(45) })).toEqual(['p4']));
  test('gte', async () => expect(await where({ age: _().gte(45) })).toEqual(['p2', 'p4']));
  test('lt', async () => expect(await where({ age: _().lt(30) })).toEqual(['p3']));
  test('lte', async () => expect(await where({ age: _().lte(30) })).toEqual(['p1', 'p3']));
  test('in', async () =>
    expect(await where({ village: _().in(['新营村', '迤那村']) })).toEqual(['p3', 'p4', 'p5']));
  test('nin', async () =>
    expect(await where({ village: _().nin(['新营村', '迤那村']) })).toEqual(['p1', 'p2']));
  test('and (chained on a field)', async () =>
    expect(await where({ age: _().gt(25).and(_().lt(40)) })).toEqual(['p1', 'p5']));
  test('and (top level)', async () =>
    expect(await where(_().and([{ village: '中海村' }, { age: _().gt(40) }]))).toEqual(['p2']));
  test('or (top level)', async () =>
    expect(await where(_().or([{ age: _().lt(25) }, { score: _().gt(14) }]))).toEqual(['p3', 'p5']));
  test('or (on a field)', async () =>
    expect(await where({ age: _().lt(25).or(_().gt(60)) })).toEqual(['p3', 'p4']));
  test('nor', async () =>
    expect(await where(_().nor([{ village: '中海村' }, { village: '新营村' }]))).toEqual(['p3', 'p4']));
  test('not', async () => expect(await where({ age: _().not(_().gt(30)) })).toEqual(['p1', 'p3']));
  test('exists true', async () => expect(await where({ visits: _().exists(true) })).toEqual(['p5']));
  test('exists false', async () => expect(await where({ address: _().exists(false) })).toEqual(['p4', 'p5']));
  test('null matches missing and null fields', async () =>
    expect(await where({ nickname: null })).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']));
  test('size', async () => expect(await where({ tags: _().size(2) })).toEqual(['p1']));
  test('mod', async () => expect(await where({ score: _().mod(3, 0) })).toEqual(['p2', 'p3', 'p4', 'p5']));
  test('all', async () => expect(await where({ tags: _().all(['党员', '村民代表']) })).toEqual(['p1', 'p5']));
  test('array contains a value', async () => expect(await where({ tags: '乡贤' })).toEqual(['p5']));
  test('elemMatch', async () =>
    expect(await where({ visits: _().elemMatch({ year: 2026, count: _().gte(5) }) })).toEqual(['p5']));
  test('nested object is matched by dotted path', async () =>
    expect(await where({ address: { group: 3 } })).toEqual(['p1', 'p3']));
  test('dotted path string', async () => expect(await where({ 'address.group': 1 })).toEqual(['p2']));
  test('JavaScript RegExp', async () => expect(await where({ name: /^wang/i })).toEqual(['p4']));
  test('db.RegExp', async () =>
    expect(await where({ name: db().RegExp({ regexp: '^王', options: 'i' }) })).toEqual(['p3']));
  test('expr compares two fields', async () =>
    expect(await where(_().expr(_().aggregate.gt(['$score', '$age'])))).toEqual([]));
  test('expr with arithmetic', async () =>
    expect(await where(_().expr(_().aggregate.gt([_().aggregate.multiply(['$score', 4]), '$age'])))).toEqual([
      'p2',
      'p5',
    ]));
  test('jsonSchema', async () =>
    expect(
      await where(
        _().jsonSchema({ required: ['visits'], properties: { visits: { bsonType: 'array', minItems: 2 } } }),
      ),
    ).toEqual(['p5']));
  test('serverDate in a query is the server time', async () => {
    await db()
      .collection('people')
      .doc('p1')
      .update({ data: { seenAt: new Date(Date.now() - 60_000) } });
    expect(await where({ seenAt: _().lt(db().serverDate()) })).toEqual(['p1']);
    expect(await where({ seenAt: _().lt(db().serverDate({ offset: -120_000 })) })).toEqual([]);
  });
  test('geo operators fail loudly as not emulated', async () => {
    const { value: err, warnings } = await capturingWarnings(() =>
      sdkError(
        db()
          .collection('people')
          .where({ location: _().geoNear({ geometry: db().Geo.Point(104, 26), maxDistance: 1000 }) })
          .get(),
      ),
    );
    expect(err.message).toMatch(/not emulate geo queries/);
    expect(warnings).toEqual([expect.stringMatching(/not emulate geo queries/)]);
  });
});

describe('orderBy, skip, limit, field, count', () => {
  const people = () => db().collection('people');
  test('orderBy asc', async () =>
    expect((await people().orderBy('age', 'asc').get()).data.map((d) => d._id)).toEqual([
      'p3',
      'p1',
      'p5',
      'p2',
      'p4',
    ]));
  test('orderBy desc', async () =>
    expect((await people().orderBy('score', 'desc').get()).data.map((d) => d._id)).toEqual([
      'p5',
      'p2',
      'p4',
      'p1',
      'p3',
    ]));
  test('orderBy on two keys', async () =>
    expect(
      (await people().orderBy('village', 'asc').orderBy('age', 'desc').get()).data.map((d) => d._id),
    ).toEqual(['p2', 'p1', 'p5', 'p4', 'p3']));
  test('skip and limit page through a sorted result', async () =>
    expect((await people().orderBy('age', 'asc').skip(1).limit(2).get()).data.map((d) => d._id)).toEqual([
      'p1',
      'p5',
    ]));
  test('field includes only the listed fields and _id', async () =>
    expect((await people().where({ _id: 'p2' }).field({ name: true }).get()).data).toEqual([
      { _id: 'p2', name: '李四' },
    ]));
  test('field excludes listed fields', async () => {
    const { data } = await people().doc('p3').field({ tags: false, address: false }).get();
    expect(data).toEqual({ _id: 'p3', name: '王五', age: 22, village: '迤那村', score: 3 });
  });
  test('count with a query', async () =>
    expect((await people().where({ tags: '党员' }).count()).total).toBe(3));
  test('count of the whole collection', async () => expect((await people().count()).total).toBe(5));
  test('doc().get returns the document with Dates revived', async () => {
    await people()
      .doc('p4')
      .update({ data: { joinedAt: new Date('2026-01-02T03:04:05Z') } });
    const { data } = await people().doc('p4').get();
    expect(data.joinedAt).toEqual(new Date('2026-01-02T03:04:05Z'));
    expect(data.name).toBe('Wang Liu');
  });
});
