import type { LocalCloud } from '../../local-cloud';
import { sdkError, startTestCloud } from './support';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startTestCloud({
    manifest: {
      collections: [
        { name: 'members', indexes: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }] },
        { name: 'bulk' },
      ],
    },
    seed: { bulk: Array.from({ length: 1200 }, (_v, i) => ({ _id: i + 1 })) },
  });
});
afterAll(() => cloud.stop());

const members = () => cloud.db.collection('members');

describe('errors mirror the real cloud', () => {
  test('adding a duplicate _id fails with -502001 and E11000', async () => {
    await members().add({ data: { _id: 'm1', openid: 'o1' } });
    const err = await sdkError(members().add({ data: { _id: 'm1', openid: 'o9' } }));
    expect(err.errCode).toBe(-502001);
    expect(err.message).toMatch(/E11000 duplicate key error collection: local-dev\.members index: _id_/);
    expect(cloud.dump('members')).toEqual([{ _id: 'm1', openid: 'o1' }]);
  });

  test('a unique index refuses a second document with the same key', async () => {
    const err = await sdkError(members().add({ data: { _id: 'm2', openid: 'o1' } }));
    expect(err.errCode).toBe(-502001);
    expect(err.message).toMatch(/index: openid_unique dup key: \{ openid: "o1" \}/);
    expect(cloud.dump('members').map((d) => d._id)).toEqual(['m1']);
  });

  test('a unique index also holds for updates', async () => {
    await members().add({ data: { _id: 'm3', openid: 'o3' } });
    const err = await sdkError(
      members()
        .doc('m3')
        .update({ data: { openid: 'o1' } }),
    );
    expect(err.errCode).toBe(-502001);
    expect(cloud.dump('members').find((d) => d._id === 'm3')?.openid).toBe('o3');
  });

  test('a batch insert with one duplicate inserts nothing', async () => {
    const err = await sdkError(
      members().add({
        data: [
          { _id: 'b1', openid: 'b1' },
          { _id: 'b2', openid: 'o3' },
        ],
      }),
    );
    expect(err.errCode).toBe(-502001);
    expect(cloud.dump('members').some((d) => d._id === 'b1')).toBe(false);
  });

  test('a multi-document update that would break a unique index changes nothing', async () => {
    await members().add({ data: { _id: 'm4', openid: 'o4', group: 'g' } });
    await members().add({ data: { _id: 'm5', openid: 'o5', group: 'g' } });
    const err = await sdkError(
      members()
        .where({ group: 'g' })
        .update({ data: { openid: 'same' } }),
    );
    expect(err.errCode).toBe(-502001);
    expect(
      cloud
        .dump('members')
        .filter((d) => d.group === 'g')
        .map((d) => d.openid),
    ).toEqual(['o4', 'o5']);
  });

  test('two documents without the unique field collide on null, as in MongoDB', async () => {
    await members().add({ data: { _id: 'n1' } });
    const err = await sdkError(members().add({ data: { _id: 'n2' } }));
    expect(err.errCode).toBe(-502001);
  });

  test('getting a missing document throws, as wx-server-sdk does', async () => {
    const err = await sdkError(members().doc('missing').get());
    expect(err.message).toMatch(/document with _id missing does not exist/);
  });

  test.each([
    ['get', () => cloud.db.collection('nowhere').get()],
    ['count', () => cloud.db.collection('nowhere').count()],
    ['add', () => cloud.db.collection('nowhere').add({ data: { a: 1 } })],
    [
      'update',
      () =>
        cloud.db
          .collection('nowhere')
          .where({ a: 1 })
          .update({ data: { a: 2 } }),
    ],
    ['remove', () => cloud.db.collection('nowhere').where({ a: 1 }).remove()],
    ['doc().get', () => cloud.db.collection('nowhere').doc('x').get()],
  ])('%s on a missing collection fails with -502005', async (_name, call) => {
    const err = await sdkError(call());
    expect(err.errCode).toBe(-502005);
    expect(err.message).toMatch(/Db or Table not exist/);
  });

  test('aggregate on a missing collection fails with the message but errCode -1 (wx-server-sdk skips its code mapping there)', async () => {
    const err = await sdkError(cloud.db.collection('nowhere').aggregate().match({}).end());
    expect(err.errCode).toBe(-1);
    expect(err.message).toMatch(/collection\.aggregate:fail .*Db or Table not exist/);
  });

  test('createCollection makes a collection usable; creating it again fails', async () => {
    await cloud.db.createCollection('later');
    await cloud.db.collection('later').add({ data: { ok: true } });
    expect((await cloud.db.collection('later').count()).total).toBe(1);
    await expect(cloud.db.createCollection('later')).rejects.toThrow(/exist/);
  });

  test('local-cloud platform collections are invisible to functions', async () => {
    const err = await sdkError(cloud.db.collection('$outbox').get());
    expect(err.errCode).toBe(-502005);
  });
});

describe('limits mirror the real cloud', () => {
  const bulk = () => cloud.db.collection('bulk');
  test('get() returns 100 documents by default', async () =>
    expect((await bulk().get()).data).toHaveLength(100));
  test('limit(1000) returns 1000', async () =>
    expect((await bulk().limit(1000).get()).data).toHaveLength(1000));
  test('limit above 1000 is capped at 1000', async () =>
    expect((await bulk().limit(5000).get()).data).toHaveLength(1000));
  test('skip pages past the first 1000', async () => {
    const { data } = await bulk().orderBy('_id', 'asc').skip(1000).limit(1000).get();
    expect(data.map((d) => d._id)).toEqual(Array.from({ length: 200 }, (_v, i) => 1001 + i));
  });
});
