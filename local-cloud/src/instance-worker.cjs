// @ts-check
/**
 * One function instance: loads a built function folder (index.js exporting `main`) exactly as it would be
 * deployed, then runs one invocation at a time, as a WeChat cloud function instance does. Plain JavaScript
 * on purpose: it is the container runtime, not project code, and must not depend on a TypeScript loader.
 *
 * Messages in:  {type: 'invoke', id, event, context, env}
 * Messages out: {type: 'ready'} | {type: 'init-error', error} | {type: 'result', id, ok, result | error}
 */
const { parentPort: port, workerData } = require('node:worker_threads');
if (!port) throw new Error('instance-worker.cjs runs inside a worker thread');
const parentPort = port;
const path = require('node:path');

/** Keys set for the current invocation only; removed before the next one so no identity leaks across calls. */
/** @type {string[]} */
let invocationKeys = [];

/** @param {unknown} e */
function serializeError(e) {
  if (e instanceof Error)
    return { name: e.name, message: e.message, stack: e.stack, errCode: /** @type {any} */ (e).errCode };
  return { name: 'Error', message: typeof e === 'string' ? e : JSON.stringify(e) };
}

process.on('unhandledRejection', (reason) => {
  console.error('[local-cloud] unhandled promise rejection in function code:', reason);
});

/** @type {(event: unknown, context: unknown) => unknown} */
let handler = () => {
  throw new Error('function module did not load');
};
try {
  const mod = require(path.join(workerData.functionDir, 'index.js'));
  if (!mod || typeof mod.main !== 'function') {
    throw new Error('index.js must export an async function `main(event, context)`');
  }
  handler = mod.main;
  parentPort.postMessage({ type: 'ready' });
} catch (e) {
  parentPort.postMessage({ type: 'init-error', error: serializeError(e) });
}

parentPort.on('message', async (message) => {
  if (!message || message.type !== 'invoke') return;
  for (const key of invocationKeys) delete process.env[key];
  invocationKeys = Object.keys(message.env);
  Object.assign(process.env, message.env);
  try {
    const value = await handler(message.event, message.context);
    // Results travel as JSON, as they do from a real function (Dates become strings, undefined is dropped).
    const json = JSON.stringify(value === undefined ? null : value);
    parentPort.postMessage({ type: 'result', id: message.id, ok: true, result: JSON.parse(json) });
  } catch (e) {
    parentPort.postMessage({ type: 'result', id: message.id, ok: false, error: serializeError(e) });
  }
});
