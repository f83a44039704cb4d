import type { LocalCloud } from '../../local-cloud';
import { sdkError, startTestCloud } from './support';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ manifest: { collections: [{ name: 'rows' }] } });
});
afterAll(() => cloud.stop());

const rows = () => cloud.db.collection('rows');
const _ = () => cloud.db.command;
let n = 0;

/** Puts a fresh document, applies one update to it, and returns the stored result. */
async function after(
  initial: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const id = `r${++n}`;
  await rows().doc(id).set({ data: initial });
  await rows().doc(id).update({ data });
  const { _id, ...rest } = cloud.dump('rows').find((d) => d._id === id)!;
  expect(_id).toBe(id);
  return rest;
}

describe('update operators (db.command)', () => {
  test('plain values set fields', async () =>
    expect(await after({ a: 1, b: 2 }, { b: 3, c: 4 })).toEqual({ a: 1, b: 3, c: 4 }));
  test('nested objects set dotted paths and keep siblings', async () =>
    expect(await after({ o: { x: 1, y: 2 } }, { o: { y: 5 } })).toEqual({ o: { x: 1, y: 5 } }));
  test('set replaces a nested object whole', async () =>
    expect(await after({ o: { x: 1, y: 2 } }, { o: _().set({ z: 9 }) })).toEqual({ o: { z: 9 } }));
  test('remove deletes a field', async () =>
    expect(await after({ a: 1, b: 2 }, { b: _().remove() })).toEqual({ a: 1 }));
  test('inc', async () =>
    expect(await after({ a: 1 }, { a: _().inc(4), b: _().inc(-2) })).toEqual({ a: 5, b: -2 }));
  test('mul', async () => expect(await after({ a: 3 }, { a: _().mul(2.5) })).toEqual({ a: 7.5 }));
  test('min and max', async () =>
    expect(await after({ lo: 5, hi: 5 }, { lo: _().min(2), hi: _().max(9) })).toEqual({ lo: 2, hi: 9 }));
  test('rename', async () =>
    expect(await after({ old: 1 }, { old: _().rename('fresh') })).toEqual({ fresh: 1 }));
  test('bit', async () =>
    expect(await after({ flags: 0b1100 }, { flags: _().bit({ and: 0b0110 }) })).toEqual({ flags: 0b0100 }));
  test('push one value', async () =>
    expect(await after({ l: [1] }, { l: _().push(2) })).toEqual({ l: [1, 2] }));
  test('push several values', async () =>
    expect(await after({ l: [1] }, { l: _().push([2, 3]) })).toEqual({ l: [1, 2, 3] }));
  test('push with each, position, sort and slice', async () =>
    expect(
      await after({ l: [5, 1] }, { l: _().push({ each: [3, 9], position: 0, sort: 1, slice: 3 }) }),
    ).toEqual({ l: [1, 3, 5] }));
  test('pull by value', async () =>
    expect(await after({ l: [1, 2, 1, 3] }, { l: _().pull(1) })).toEqual({ l: [2, 3] }));
  test('pull by condition', async () =>
    expect(await after({ l: [1, 5, 9] }, { l: _().pull(_().gt(4)) })).toEqual({ l: [1] }));
  test('pullAll', async () =>
    expect(await after({ l: [1, 2, 3, 2] }, { l: _().pullAll([2, 3]) })).toEqual({ l: [1] }));
  test('pop removes the last element', async () =>
    expect(await after({ l: [1, 2, 3] }, { l: _().pop() })).toEqual({ l: [1, 2] }));
  test('shift removes the first element', async () =>
    expect(await after({ l: [1, 2, 3] }, { l: _().shift() })).toEqual({ l: [2, 3] }));
  test('unshift prepends', async () =>
    expect(await after({ l: [3] }, { l: _().unshift([1, 2]) })).toEqual({ l: [1, 2, 3] }));
  test('addToSet adds only missing values', async () =>
    expect(await after({ l: ['a'] }, { l: _().addToSet('a') })).toEqual({ l: ['a'] }));
  test('addToSet with $each', async () =>
    expect(await after({ l: ['a'] }, { l: _().addToSet({ $each: ['a', 'b', 'c'] }) })).toEqual({
      l: ['a', 'b', 'c'],
    }));
  test('serverDate becomes the server time', async () => {
    const before = Date.now();
    const doc = await after({ k: 0 }, { at: cloud.db.serverDate() });
    expect(doc.at).toBeInstanceOf(Date);
    expect((doc.at as Date).getTime()).toBeGreaterThanOrEqual(before);
    expect((doc.at as Date).getTime()).toBeLessThanOrEqual(Date.now());
  });
  test('serverDate offset is added', async () => {
    const doc = await after({ k: 0 }, { due: cloud.db.serverDate({ offset: 86_400_000 }) });
    expect((doc.due as Date).getTime() - Date.now()).toBeGreaterThan(86_000_000);
  });
  test('conflicting paths in one update fail and change nothing', async () => {
    await rows()
      .doc('conflict')
      .set({ data: { o: { x: 1 } } });
    const err = await sdkError(
      rows()
        .doc('conflict')
        .update({ data: { o: _().set({ y: 1 }), 'o.x': 2 } }),
    );
    expect(err.errCode).toBe(-502001);
    expect(cloud.dump('rows').find((d) => d._id === 'conflict')).toEqual({ _id: 'conflict', o: { x: 1 } });
  });
});

describe('set, update, remove semantics', () => {
  test('set replaces the whole document', async () => {
    await rows()
      .doc('s1')
      .set({ data: { a: 1, b: 2 } });
    const res = await rows()
      .doc('s1')
      .set({ data: { c: 3 } });
    expect(res.stats).toEqual({ updated: 1, created: 0 });
    expect(cloud.dump('rows').find((d) => d._id === 's1')).toEqual({ _id: 's1', c: 3 });
  });
  test('set creates a missing document', async () => {
    const res = await rows()
      .doc('s2')
      .set({ data: { a: 1 } });
    expect(res.stats).toEqual({ updated: 0, created: 1 });
    expect(cloud.dump('rows').find((d) => d._id === 's2')).toEqual({ _id: 's2', a: 1 });
  });
  test('update of a missing document updates nothing and creates nothing', async () => {
    const res = await rows()
      .doc('nope')
      .update({ data: { a: 1 } });
    expect(res.stats.updated).toBe(0);
    expect(cloud.dump('rows').some((d) => d._id === 'nope')).toBe(false);
  });
  test('an update that changes nothing reports 0 updated', async () => {
    await rows()
      .doc('same')
      .set({ data: { a: 1 } });
    expect(
      (
        await rows()
          .doc('same')
          .update({ data: { a: 1 } })
      ).stats.updated,
    ).toBe(0);
  });
  test('where().update changes every matching document', async () => {
    await rows().add({
      data: [
        { batch: 'w', v: 1 },
        { batch: 'w', v: 2 },
        { batch: 'x', v: 3 },
      ],
    });
    const res = await rows()
      .where({ batch: 'w' })
      .update({ data: { v: _().inc(10) } });
    expect(res.stats.updated).toBe(2);
    const values = cloud
      .dump('rows')
      .filter((d) => d.batch)
      .map((d) => d.v);
    expect(values).toEqual([11, 12, 3]);
  });
  test('where().remove removes every matching document', async () => {
    await rows().add({ data: [{ gone: true }, { gone: true }] });
    const res = await rows().where({ gone: true }).remove();
    expect(res.stats.removed).toBe(2);
    expect(cloud.dump('rows').some((d) => d.gone)).toBe(false);
  });
  test('doc().remove removes one document', async () => {
    await rows()
      .doc('rm')
      .set({ data: { a: 1 } });
    expect((await rows().doc('rm').remove()).stats.removed).toBe(1);
    expect((await rows().doc('rm').remove()).stats.removed).toBe(0);
  });
  test('add generates a 32-character hex id', async () => {
    const { _id } = await rows().add({ data: { generated: true } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    expect(cloud.dump('rows').find((d) => d._id === _id)).toEqual({ _id, generated: true });
  });
  test('_id cannot be updated', async () => {
    const err = await sdkError(
      rows()
        .doc('s2')
        .update({ data: { _id: 'other' } }),
    );
    expect(err.message).toMatch(/_id/);
  });
  test('field names starting with $ are refused', async () => {
    const err = await sdkError(rows().add({ data: { nested: { $bad: 1 } } }));
    expect(err.errCode).toBe(-502001);
  });
});
