// Benchmark baseline: the same insertDocument requests, posted over HTTP without wx-server-sdk, from an
// identical function instance. The ratio of the two measures what the SDK path costs.
const http = require('node:http');
const { EJSON } = require('bson');

const now = () => Number(process.hrtime.bigint()) / 1e6;

exports.main = async (event) => {
  const url = new URL(JSON.parse(process.env.TCB_CONTEXT_CNFG).URL);
  const agent = new http.Agent({ keepAlive: true, maxSockets: event.concurrency });
  const env = process.env.TCB_ENV;
  const auth = `TC3-HMAC-SHA256 Credential=${process.env.TENCENTCLOUD_SECRETID}/raw/tcb/tc3_request`;
  const post = (i) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({
        action: 'database.insertDocument',
        collectionName: event.collection,
        data: [EJSON.stringify({ i, village: `v${i % 16}`, at: { $tcb_server_date: { offset: 0 } } })],
        envName: env,
        wxCloudApiToken: process.env.WX_API_TOKEN,
      });
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: `${url.pathname}?env=${env}`,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: auth,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const reply = JSON.parse(Buffer.concat(chunks).toString());
            if (reply.code) reject(new Error(reply.message));
            else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  let next = 0;
  const started = now();
  await Promise.all(
    Array.from({ length: event.concurrency }, async () => {
      while (next < event.n) await post(next++);
    }),
  );
  const ms = now() - started;
  agent.destroy();
  return { ms };
};
