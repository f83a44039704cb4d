import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import busboy from 'busboy';
import { decodeOpenApiRequest } from '../../local-cloud/src/openapi';
import { connectDatabase } from '../../local-cloud';

/**
 * Pins the wire protocol of wx-server-sdk 4.0.2: a scripted set of calls goes to a capturing server and
 * what the SDK sent must equal the committed fixture. An SDK upgrade that changes the protocol fails here
 * loudly; after checking that local-cloud handles the new shape, refresh the fixture with
 * `UPDATE_PROTOCOL_FIXTURE=1 npx jest test/local-cloud/protocol.test.ts`.
 */
const FIXTURE = path.join(__dirname, 'fixtures', 'sdk-protocol.json');

interface Captured {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

const VOLATILE_QUERY = new Set(['seqId']);
const PINNED_HEADERS = ['user-agent', 'x-sdk-version'];

function startCapture(): Promise<{ url: string; captured: Captured[]; close: () => Promise<void> }> {
  const captured: Captured[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const type = req.headers['content-type'] ?? '';
    const record = (body: Record<string, unknown>) => {
      const auth = req.headers.authorization ?? '';
      captured.push({
        method: req.method!,
        path: url.pathname,
        query: Object.fromEntries([...url.searchParams].filter(([k]) => !VOLATILE_QUERY.has(k))),
        contentType: type.split(';')[0]!,
        headers: {
          ...Object.fromEntries(PINNED_HEADERS.map((h) => [h, String(req.headers[h])])),
          // The scheme and the signed body keys; headers and the signature itself vary with time and setup.
          authorization: `${auth.split(' ')[0]} ${/SignedParams=[^,]*/.exec(auth)?.[0] ?? ''}`,
        },
        body,
      });
      answer(res, body);
    };
    if (type.startsWith('multipart/form-data')) {
      const fields: Record<string, unknown> = {};
      const bb = busboy({
        headers: req.headers,
        isPartAFile: (name: string) => name === 'requestData',
      } as busboy.BusboyConfig);
      bb.on('field', (k, v) => (fields[k] = v));
      bb.on('file', (k, stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => (fields[k] = { decodedPairs: decodeOpenApiRequest(Buffer.concat(chunks)) }));
      });
      bb.on('close', () => record(fields));
      req.pipe(bb);
    } else {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () =>
        record(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>),
      );
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        captured,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

/** Canned answers, just enough for the SDK to carry on. */
function answer(res: http.ServerResponse, body: Record<string, unknown>): void {
  const json = (o: object) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ requestId: 'req', ...o }));
  };
  switch (body.action) {
    case 'database.getDocument':
      return json({ data: { list: ['{"_id":"d1","n":{"$numberInt":"1"}}'] } });
    case 'database.insertDocument':
      return json({ data: { insertedIds: ['d1'] } });
    case 'database.calculateDocument':
      return json({ data: { total: 1 } });
    case 'database.modifyDocument':
      return json({ data: { updated: 1 } });
    case 'database.removeDocument':
      return json({ data: { deleted: 1 } });
    case 'database.aggregateDocuments':
      return json({ data: { list: [] } });
    case 'database.startTransaction':
      return json({ transactionId: 'txn-1' });
    case 'functions.invokeFunction':
      return json({ data: { response_data: '{"ok":true}' } });
    case 'wx.openApi':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return void res.end(JSON.stringify({ code: 'CAPTURED', message: 'captured' }));
    default:
      return json({});
  }
}

test('wx-server-sdk and the packages under it are the pinned versions', () => {
  // Each package as its parent resolves it (other tools may hoist other versions of the same names).
  const from = (dir: string, name: string) =>
    path.dirname(require.resolve(`${name}/package.json`, { paths: [dir] }));
  const version = (dir: string) =>
    (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const sdk = from(__dirname, 'wx-server-sdk');
  const nodeSdk = from(sdk, '@cloudbase/node-sdk');
  const database = from(nodeSdk, '@cloudbase/database');
  expect([version(sdk), version(nodeSdk), version(database)]).toEqual(['4.0.2', '3.17.2', '1.4.3']);
});

test('the SDK sends exactly the recorded protocol', async () => {
  const capture = await startCapture();
  try {
    const db = connectDatabase({ url: capture.url, envId: 'cap-env', secretId: 'sid', secretKey: 'skey' });
    const _ = db.command;
    const $ = _.aggregate;
    const c = db.collection('items');
    const fixedDate = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

    await c.add({
      data: {
        _id: 'd1',
        n: 1,
        when: fixedDate,
        at: db.serverDate({ offset: 5 }),
        re: /ab+c/i,
        nested: { x: [1, 'two'] },
      },
    });
    await c.add({ data: [{ a: 1 }, { a: 2 }] });
    await c.doc('d1').get();
    await c.doc('d1').field({ n: true }).get();
    await c
      .where({
        n: _.gt(1).and(_.lte(9)),
        tag: _.in(['a', 'b']),
        'deep.path': _.exists(true),
        obj: { k: 1 },
        name: db.RegExp({ regexp: '^张', options: 'i' }),
      })
      .orderBy('n', 'desc')
      .orderBy('_id', 'asc')
      .skip(20)
      .limit(10)
      .field({ n: true, tag: false })
      .get();
    await c.where(_.or([{ a: _.neq(1) }, { b: _.nin([2]) }, { c: _.elemMatch({ d: _.size(2) }) }])).get();
    await c.where({ t: _.lt(db.serverDate()) }).count();
    await c.get();
    await c.limit(5000).get();
    await c.doc('d1').update({
      data: {
        n: _.inc(1),
        m: _.mul(2),
        gone: _.remove(),
        list: _.push({ each: [1, 2], position: 0, sort: 1, slice: 5 }),
        set: _.addToSet({ $each: ['x'] }),
        old: _.rename('renamed'),
        lo: _.min(1),
        hi: _.max(9),
        stack: _.pop(),
        queue: _.shift(),
        front: _.unshift([0]),
        bits: _.bit({ or: 4 }),
        drop: _.pull(_.gt(3)),
        dropAll: _.pullAll([1]),
        obj: _.set({ replaced: true }),
        plain: { nested: 'value' },
        at: db.serverDate(),
      },
    });
    await c.doc('d1').set({ data: { whole: true } });
    await c.where({ a: 1 }).update({ data: { a: 2 } });
    await c.where({ a: 2 }).remove();
    await c.doc('d1').remove();
    await c
      .aggregate()
      .match({ n: _.gt(0) })
      .group({ _id: '$tag', total: $.sum('$n') })
      .lookup({ from: 'other', localField: '_id', foreignField: 'ref', as: 'joined' })
      .unwind('$joined')
      .project({ _id: 0, total: 1 })
      .sort({ total: -1 })
      .limit(3)
      .end();
    await db.runTransaction(async (t) => {
      await t.collection('items').doc('d1').get();
      await t
        .collection('items')
        .doc('d1')
        .update({ data: { n: _.inc(1) } });
      await t
        .collection('items')
        .doc('d2')
        .set({ data: { n: 2 } });
      await t.collection('items').add({ data: { _id: 'd3' } });
      await t.collection('items').doc('d4').remove();
    });
    const t = await db.startTransaction();
    await t.rollback();
    await db.createCollection('fresh');

    // callFunction and openapi need the module-level SDK (they are not on createNewInstance's database).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require('wx-server-sdk') as { createNewInstance: (c: object) => Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    const instance = sdk.createNewInstance({
      env: 'cap-env',
      serviceUrl: `${capture.url}/tcb`,
      secretId: 'sid',
      secretKey: 'skey',
    });
    await instance.callFunction({ name: 'other', data: { action: 'me', n: 1 } });
    await instance.openapi.subscribeMessage
      .send({
        touser: 'o1',
        templateId: 'T1',
        page: 'pages/x',
        data: { thing1: { value: '你好' } },
        miniprogramState: 'developer',
      })
      .catch(() => undefined);

    const recorded = JSON.parse(JSON.stringify(capture.captured)) as Captured[];
    if (process.env.UPDATE_PROTOCOL_FIXTURE === '1' || !existsSync(FIXTURE)) {
      writeFileSync(FIXTURE, `${JSON.stringify(recorded, null, 2)}\n`);
    }
    const pinned = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Captured[];
    expect(recorded).toEqual(pinned);
  } finally {
    await capture.close();
  }
});
