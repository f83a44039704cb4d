import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exited, FIXTURE_FUNCTIONS, keptDataDir, runCli, startServe } from './support';

let kept: ReturnType<typeof keptDataDir>;
let common: string[];
beforeAll(() => {
  kept = keptDataDir();
  const manifest = path.join(kept.dir, 'collections.json');
  writeFileSync(manifest, JSON.stringify({ collections: [{ name: 'visits' }] }));
  common = [
    '--data-dir',
    path.join(kept.dir, 'data'),
    '--env',
    'cli',
    '--functions',
    FIXTURE_FUNCTIONS,
    '--manifest',
    manifest,
  ];
});
afterAll(() => kept.cleanup());

test('call runs a function on the data folder when no server holds it', async () => {
  const { code, stdout } = await runCli([
    'call',
    'whoami',
    '--openid',
    'o-cli',
    '--data',
    '{"write":true}',
    ...common,
  ]);
  expect(code).toBe(0);
  expect(JSON.parse(stdout)).toMatchObject({ context: { OPENID: 'o-cli', SOURCE: 'wx_client' } });
});

test('dump prints a collection as EJSON', async () => {
  const { code, stdout } = await runCli(['dump', 'visits', ...common]);
  expect(code).toBe(0);
  const docs = JSON.parse(stdout) as { openid: string; at: { $date: string } }[];
  expect(docs).toEqual([expect.objectContaining({ openid: 'o-cli', at: { $date: expect.any(String) } })]);
});

test('a failing function exits 1 and prints errCode and errMsg', async () => {
  const { code, stderr } = await runCli(['call', 'lab', '--data', '{"action":"crash"}', ...common]);
  expect(code).toBe(1);
  expect(stderr).toMatch(/"errCode": -504002/);
});

test('bad usage exits 2', async () => {
  expect((await runCli(['call', ...common])).code).toBe(2);
  expect((await runCli(['frobnicate', ...common])).code).toBe(2);
});

test('with serve running, call and dump go through the server', async () => {
  const server = await startServe(common, path.join(kept.dir, 'data', 'cli'));
  try {
    const called = await runCli([
      'call',
      'whoami',
      '--openid',
      'o-served',
      '--data',
      '{"write":true}',
      ...common,
    ]);
    expect(called.code).toBe(0);
    expect(JSON.parse(called.stdout)).toMatchObject({ context: { OPENID: 'o-served' } });
    // The server's own request log saw the write: the CLI did not open the folder a second time.
    const log = (await (await fetch(`${server.url}/_local/requests`)).json()) as {
      openid: string;
      action: string;
    }[];
    expect(log).toContainEqual(
      expect.objectContaining({ openid: 'o-served', action: 'database.insertDocument' }),
    );

    const dumped = await runCli(['dump', 'visits', ...common]);
    expect(dumped.code).toBe(0);
    expect((JSON.parse(dumped.stdout) as { openid: string }[]).map((d) => d.openid)).toEqual([
      'o-cli',
      'o-served',
    ]);
    // serve fires timer triggers: the banner lists each one with its next firing.
    expect(server.output()).toMatch(
      /timers {5}fired on schedule:\n {13}ticker\/monthly "0 0 2 1 \* \* \*" \(UTC\+8\), next \d{4}-\d\d-\d\dT18:00:00\.000Z/,
    );
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
  // A clean stop leaves a snapshot, and the data is all there for the next run.
  expect(existsSync(path.join(kept.dir, 'data', 'cli', 'snapshot.ejson'))).toBe(true);
  const again = await runCli(['dump', 'visits', ...common]);
  expect((JSON.parse(again.stdout) as unknown[]).length).toBe(2);
});
