import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalCloud } from '../../../local-cloud';
import { start } from '../../../scripts/tools/start';
import { digest } from '../../support/app-cloud';

/**
 * What `npm start` serves on 127.0.0.1 (the H5 files aside): the functions at POST /api/<function>, with
 * X-Openid standing in for WeChat's signed identity, answering the function's own result.
 */
let cloud: LocalCloud;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongxin-start-'));
  // Its own build folder (inside the repository, where wx-server-sdk resolves), apart from the one the e2e
  // project's `npm start` uses at the same time.
  const functionsOut = path.join(__dirname, '..', '..', '..', 'build', 'start-test-functions');
  cloud = await start({ port: 0, dataDir, h5: false, rebuild: false, functionsOut });
}, 60_000);
afterAll(async () => {
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** As `curl -s -XPOST …/api/members -H 'X-Openid: …' -d '…'` does it (curl's default content type). */
async function curl(body: string, openid?: string): Promise<unknown> {
  const res = await fetch(`${cloud.url}/api/members`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(openid ? { 'x-openid': openid } : {}),
    },
    body,
  });
  return res.json();
}

test('listens on loopback only', () => expect(cloud.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/));

test('me answers a demo resident’s record and roles', async () => {
  expect(await curl('{"action":"me"}', 'demo-resident-001')).toMatchObject({
    ok: true,
    data: {
      status: 'bound',
      member: { residentId: 'r_resident_001', villageName: '中海村', roles: { rep: false }, roleLabels: [] },
    },
  });
});

test('me answers that no binding exists for demo-unbound', async () => {
  expect(await curl('{"action":"me"}', 'demo-unbound')).toEqual({ ok: true, data: { status: 'unbound' } });
});

test('without X-Openid the answer is UNAUTHENTICATED', async () => {
  expect(await curl('{"action":"me"}')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

test('an unknown action or a malformed body is INVALID_INPUT, and none of these calls changes any data', async () => {
  const before = digest(cloud);
  expect(await curl('{"action":"nope"}', 'demo-resident-001')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(await curl('not json', 'demo-resident-001')).toEqual({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '请求格式不正确' },
  });
  expect(await curl('[1,2]', 'demo-resident-001')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  await curl('{"action":"me"}', 'demo-resident-001');
  await curl('{"action":"me"}', 'demo-unbound');
  await curl('{"action":"me"}');
  expect(digest(cloud)).toBe(before);
});

test('the demo data is loaded: the town, 11 villages and 5 communities, the five groups', () => {
  const villages = cloud.dump('villages');
  expect(villages.filter((v) => v.kind === 'village')).toHaveLength(11);
  expect(villages.filter((v) => v.kind === 'community')).toHaveLength(5);
  expect(cloud.dump('groupSummaries').map((g) => g._id)).toEqual([
    'consult',
    'policy',
    'crowdfund',
    'mediate',
    'service',
  ]);
  expect(cloud.dump('members').map((m) => m._id)).toEqual(
    expect.arrayContaining(['demo-town-admin', 'demo-village-admin', 'demo-rep-15', 'demo-resident-300']),
  );
});

/** Calls any function over the dev gateway as `openid`. */
async function post(fn: string, openid: string, event: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${cloud.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openid': openid },
    body: JSON.stringify(event),
  });
  return res.json();
}

test('the demo has policy briefings and 中海村’s October honor board, with its black-listed household restricted', async () => {
  expect(await post('briefings', 'demo-resident-001', { action: 'search', query: '养老' })).toMatchObject({
    ok: true,
    data: { items: expect.arrayContaining([expect.objectContaining({ briefingId: 'b_demo_yanglao' })]) },
  });
  const board = (await post('honor', 'demo-resident-001', {
    action: 'getBoard',
    boardId: 'zhonghai_2026-10',
  })) as {
    ok: true;
    data: { status: string; entries: { list: string; name: string }[] };
  };
  expect(board.data.status).toBe('published');
  expect(board.data.entries.filter((e) => e.list === 'red')).toHaveLength(3);
  expect(board.data.entries.find((e) => e.list === 'black')!.name).toMatch(/\*/);
  const standing = (await post('honor', 'demo-resident-023', { action: 'myStanding' })) as {
    ok: true;
    data: { restricted: { reasonTitle: string } | null };
  };
  expect(standing.data.restricted?.reasonTitle).toBe('乱倒垃圾，屡教不改');
});
