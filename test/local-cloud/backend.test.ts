import type { LocalCloud } from '../../local-cloud';
import { startTestCloud } from './support';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startTestCloud({
    manifest: { collections: [{ name: 'visits', indexes: [{ name: 'openid_1', keys: { openid: 1 } }] }] },
    templates: { T1: { title: '提醒', fields: { thing1: 'thing' } } },
  });
});
afterAll(() => cloud.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${cloud.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('dev API: POST /api/<function>', () => {
  test('runs the function as the user named by X-Openid and answers its result', async () => {
    const res = await post('/api/whoami', { write: true }, { 'x-openid': 'o-h5' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ context: { OPENID: 'o-h5', SOURCE: 'wx_client' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('without X-Openid the function runs with no user', async () => {
    const body = (await (await post('/api/whoami', {})).json()) as { context: Record<string, unknown> };
    expect(body.context.OPENID).toBeUndefined();
    expect(body.context.SOURCE).toBe('wx_http');
  });

  test('a function error answers 502 with the mini-program error code', async () => {
    const res = await post('/api/lab', { action: 'crash' });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ errCode: -504002 });
  });

  test('a body that is not a JSON object is refused before any function runs', async () => {
    const before = cloud.invocations.lastSeq;
    expect((await post('/api/whoami', 'not json')).status).toBe(400);
    expect((await post('/api/whoami', [1, 2])).status).toBe(400);
    expect(cloud.invocations.lastSeq).toBe(before);
  });

  test('the body is read as JSON whatever the content type (curl sends form encoding by default)', async () => {
    const res = await fetch(`${cloud.url}/api/whoami`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-openid': 'o-curl' },
      body: '{}',
    });
    expect(await res.json()).toMatchObject({ context: { OPENID: 'o-curl' } });
  });
});

describe('SDK endpoint', () => {
  test('a request without this backend’s credential is refused', async () => {
    const res = await post('/tcb?env=local-dev', {
      action: 'database.getDocument',
      collectionName: 'visits',
    });
    expect(res.status).toBe(403);
  });
});

describe('admin endpoints', () => {
  test('health names the environment and the functions', async () => {
    const health = (await (await fetch(`${cloud.url}/_local/health`)).json()) as {
      envId: string;
      functions: string[];
    };
    expect(health.envId).toBe(cloud.envId);
    expect(health.functions).toEqual(expect.arrayContaining(['whoami', 'lab', 'messenger']));
  });

  test('collections lists user collections with counts and indexes, hiding platform ones', async () => {
    const list = (await (await fetch(`${cloud.url}/_local/collections`)).json()) as { name: string }[];
    expect(list.map((c) => c.name)).toEqual(['visits']);
    expect(list[0]).toMatchObject({ indexes: [{ name: 'openid_1', keys: { openid: 1 }, unique: false }] });
  });

  test('POST /_local/grants records a subscription consent, as the H5 build does on “accept”', async () => {
    const res = await post('/_local/grants', { openid: 'o-h5', templateId: 'T1' });
    expect(await res.json()).toEqual({ ok: true, remaining: 1 });
    expect(cloud.openapi.remainingGrants('o-h5', 'T1')).toBe(1);
    expect((await post('/_local/grants', { openid: 'o-h5', templateId: 'nope' })).status).toBe(400);
  });

  test('the dev UI is served', async () => {
    const res = await fetch(`${cloud.url}/_local/`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('local-cloud');
  });
});
