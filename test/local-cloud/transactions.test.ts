import type { LocalCloud } from '../../local-cloud';
import { sdkError, startTestCloud } from './support';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await startTestCloud({
    manifest: {
      collections: [
        { name: 'accounts', indexes: [{ name: 'code_unique', keys: { code: 1 }, unique: true }] },
        { name: 'log' },
      ],
    },
    seed: {
      accounts: [
        { _id: 'a', fen: 100, code: 'A' },
        { _id: 'b', fen: 0, code: 'B' },
      ],
      log: [],
    },
  });
});
afterEach(() => cloud.stop());

const fenOf = (id: string) => cloud.dump('accounts').find((d) => d._id === id)?.fen;

test('3 concurrent read-modify-write transactions on one document end at exactly +3', async () => {
  const increment = () =>
    cloud.db.runTransaction(async (t) => {
      const { data } = await t.collection('accounts').doc('b').get();
      await t
        .collection('accounts')
        .doc('b')
        .update({ data: { fen: data.fen + 1 } });
    });
  await Promise.all([increment(), increment(), increment()]);
  expect(fenOf('b')).toBe(3);
});

test('a transaction that throws applies nothing', async () => {
  await expect(
    cloud.db.runTransaction(async (t) => {
      await t
        .collection('accounts')
        .doc('a')
        .update({ data: { fen: 0 } });
      await t.collection('log').add({ data: { _id: 'l1', what: 'moved' } });
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  expect(fenOf('a')).toBe(100);
  expect(cloud.dump('log')).toEqual([]);
});

test('a committed transfer moves the amount across both documents at once', async () => {
  const result = await cloud.db.runTransaction(async (t) => {
    const from = (await t.collection('accounts').doc('a').get()).data;
    await t
      .collection('accounts')
      .doc('a')
      .update({ data: { fen: from.fen - 30 } });
    await t
      .collection('accounts')
      .doc('b')
      .update({ data: { fen: cloud.db.command.inc(30) } });
    return 'done';
  });
  expect(result).toBe('done');
  expect([fenOf('a'), fenOf('b')]).toEqual([70, 30]);
});

test('writes are invisible outside until commit, and visible inside', async () => {
  const t = await cloud.db.startTransaction();
  await t
    .collection('accounts')
    .doc('a')
    .update({ data: { fen: 1 } });
  expect((await t.collection('accounts').doc('a').get()).data.fen).toBe(1);
  expect((await cloud.db.collection('accounts').doc('a').get()).data.fen).toBe(100);
  await t.commit();
  expect(fenOf('a')).toBe(1);
});

test('rollback discards the writes', async () => {
  const t = await cloud.db.startTransaction();
  await t.collection('accounts').doc('a').remove();
  await t.rollback('no');
  expect(fenOf('a')).toBe(100);
});

test('a commit conflicts when another write changed a written document after the transaction began', async () => {
  const t = await cloud.db.startTransaction();
  await t.collection('accounts').doc('a').get();
  await cloud.db
    .collection('accounts')
    .doc('a')
    .update({ data: { fen: 5 } });
  await t
    .collection('accounts')
    .doc('a')
    .update({ data: { fen: 999 } });
  await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  expect(fenOf('a')).toBe(5);
});

test('set and add inside a transaction create documents at commit', async () => {
  await cloud.db.runTransaction(async (t) => {
    await t
      .collection('log')
      .doc('x')
      .set({ data: { n: 1 } });
    await t.collection('log').add({ data: { _id: 'y', n: 2 } });
  });
  expect(cloud.dump('log')).toEqual([
    { _id: 'x', n: 1 },
    { _id: 'y', n: 2 },
  ]);
});

test('a unique-index violation at commit applies nothing', async () => {
  await expect(
    cloud.db.runTransaction(async (t) => {
      await t.collection('log').add({ data: { _id: 'z' } });
      await t
        .collection('accounts')
        .doc('b')
        .update({ data: { code: 'A' } });
    }),
  ).rejects.toThrow(/E11000/);
  expect(cloud.dump('log')).toEqual([]);
  expect(cloud.dump('accounts').find((d) => d._id === 'b')?.code).toBe('B');
});

test('queries with where() are refused inside a transaction', async () => {
  const t = await cloud.db.startTransaction();
  const err = await sdkError(t.collection('accounts').where({ fen: 100 }).get());
  expect(err.message).toMatch(/single-document operations/);
  await t.rollback();
});

test('a finished transaction cannot be used again', async () => {
  const t = await cloud.db.startTransaction();
  await t.commit();
  await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
});
