// Benchmark: single-document writes and a where-query, through wx-server-sdk as a function makes them.
const cloud = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const _ = db.command;

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function pool(n, concurrency, task) {
  let next = 0;
  const run = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, run));
}

exports.main = async (event) => {
  if (event.action === 'writes') {
    const started = now();
    await pool(event.n, event.concurrency, (i) =>
      db.collection(event.collection).add({ data: { i, village: `v${i % 16}`, at: db.serverDate() } }),
    );
    return { ms: now() - started };
  }
  if (event.action === 'query') {
    const times = [];
    let returned = 0;
    for (let r = 0; r < event.repeat; r++) {
      const started = now();
      const { data } = await db
        .collection(event.collection)
        .where({ village: 'v7', age: _.gte(60), active: true })
        .orderBy('age', 'desc')
        .limit(100)
        .get();
      times.push(now() - started);
      returned = data.length;
    }
    return { times, returned };
  }
  throw new Error(`unknown action ${event.action}`);
};
