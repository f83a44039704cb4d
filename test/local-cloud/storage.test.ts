import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { LocalCloud } from '../../local-cloud';
import { TEMP_URL_MAX_SECONDS } from '../../local-cloud';
import { sdkError, startTestCloud } from './support';

/** Cloud storage through the real wx-server-sdk calls (`uploadFile`, `downloadFile`, `getTempFileURL`, `deleteFile`). */
let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ maxUploadBytes: 64 * 1024 });
});
afterAll(() => cloud.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('an upload comes back byte for byte, under a cloud:// id shaped like the real ones, and is a file on disk', async () => {
  const bytes = Buffer.from('村,村民小组,户号\n迤那村,第一组,001\n', 'utf8');
  const fileID = await cloud.uploadFile('uploads/roster/20261202/ab12-名册.csv', bytes);
  expect(fileID).toMatch(
    /^cloud:\/\/local-dev\.[0-9a-f]{4}-local-dev-\d{10}\/uploads\/roster\/20261202\/ab12-名册\.csv$/,
  );
  expect(await cloud.downloadFile(fileID)).toEqual(bytes);
  const onDisk = path.join(cloud.envDir, 'storage', 'uploads', 'roster', '20261202', 'ab12-名册.csv');
  expect(readFileSync(onDisk)).toEqual(bytes);
  expect(cloud.files().find((f) => f.fileID === fileID)).toMatchObject({ size: bytes.length });
});

test('uploading to the same path replaces the file', async () => {
  const fileID = await cloud.uploadFile('uploads/same.txt', 'one');
  expect(await cloud.uploadFile('uploads/same.txt', 'two')).toBe(fileID);
  expect((await cloud.downloadFile(fileID)).toString()).toBe('two');
});

test('a temporary URL serves the file until it expires; a forged or expired one is refused', async () => {
  const fileID = await cloud.uploadFile('uploads/temp/a.json', '{"a":1}');
  const { fileList } = await cloud.sdk.getTempFileURL({
    fileList: [
      { fileID, maxAge: 1 },
      { fileID, maxAge: 10 * TEMP_URL_MAX_SECONDS },
    ],
  });
  const [short, long] = fileList;
  expect(short).toMatchObject({ fileID, status: 0 });
  const ok = await fetch(short!.tempFileURL);
  expect(ok.status).toBe(200);
  expect(ok.headers.get('content-type')).toBe('application/json');
  expect(await ok.text()).toBe('{"a":1}');

  // At most one day, as the real service: the longer maxAge is cut to it.
  const expires = Number(new URL(long!.tempFileURL).searchParams.get('expires'));
  expect(expires * 1000 - Date.now()).toBeLessThanOrEqual(TEMP_URL_MAX_SECONDS * 1000);
  expect(expires * 1000 - Date.now()).toBeGreaterThan(TEMP_URL_MAX_SECONDS * 1000 - 60_000);

  const forged = new URL(long!.tempFileURL);
  forged.searchParams.set('expires', String(expires + 1));
  expect((await fetch(forged)).status).toBe(403);
  const otherFile = long!.tempFileURL.replace('/a.json', '/b.json');
  expect((await fetch(otherFile)).status).toBe(403);

  await sleep(2100);
  const expired = await fetch(short!.tempFileURL);
  expect(expired.status).toBe(403);
  expect(await expired.text()).toContain('<Code>AccessDenied</Code>');
  expect((await fetch(long!.tempFileURL)).status).toBe(200);
});

test('a deleted file is gone for download and temporary URLs; deleting it again says so', async () => {
  const fileID = await cloud.uploadFile('uploads/gone.txt', 'bye');
  const first = await cloud.sdk.deleteFile({ fileList: [fileID] });
  expect(first.fileList).toEqual([expect.objectContaining({ fileID, status: 0 })]);
  expect(await cloud.downloadFile(fileID).catch((e: unknown) => e)).toMatchObject({
    code: 'STORAGE_FILE_NONEXIST',
  });
  const again = await cloud.sdk.deleteFile({ fileList: [fileID] });
  expect(again.fileList[0]!.status).not.toBe(0);
  const temp = await cloud.sdk.getTempFileURL({ fileList: [fileID] });
  expect(temp.fileList[0]).toMatchObject({ fileID, tempFileURL: '' });
  expect(temp.fileList[0]!.status).not.toBe(0);
  expect(existsSync(path.join(cloud.envDir, 'storage', 'uploads', 'gone.txt'))).toBe(false);
});

test('a file over the size limit is refused and leaves nothing behind', async () => {
  const before = cloud.files().length;
  const error = await sdkError(cloud.uploadFile('uploads/big.bin', Buffer.alloc(64 * 1024 + 1)));
  expect(error.message).toContain('EntityTooLarge');
  expect(cloud.files()).toHaveLength(before);
  expect(readdirSync(path.join(cloud.envDir, 'storage', 'uploads')).filter((n) => n.startsWith('.'))).toEqual(
    [],
  );
  // Exactly the limit is fine.
  const fileID = await cloud.uploadFile('uploads/limit.bin', Buffer.alloc(64 * 1024, 7));
  expect((await cloud.downloadFile(fileID)).length).toBe(64 * 1024);
});

test.each(['/leading-slash.txt', 'a//b.txt', '../escape.txt', 'a/./b.txt', 'q?x.txt', 'x'.repeat(851)])(
  'the path %s is refused',
  async (cloudPath) => {
    const error = await sdkError(cloud.uploadFile(cloudPath, 'x'));
    expect(error.message).toMatch(/cloudPath/);
  },
);

test('a file id of another environment or bucket is not found', async () => {
  const fileID = await cloud.uploadFile('uploads/mine.txt', 'mine');
  const foreign = fileID.replace('cloud://local-dev.', 'cloud://other-env.');
  const { fileList } = await cloud.sdk.getTempFileURL({ fileList: [foreign] });
  expect(fileList[0]!.tempFileURL).toBe('');
  expect(await cloud.downloadFile(foreign).catch((e: unknown) => e)).toMatchObject({
    code: 'STORAGE_FILE_NONEXIST',
  });
});

test('the dev console lists the stored files', async () => {
  const fileID = await cloud.uploadFile('uploads/listed.txt', 'listed');
  const listed = (await (await fetch(`${cloud.url}/_local/files`)).json()) as {
    fileID: string;
    size: number;
  }[];
  expect(listed).toContainEqual(
    expect.objectContaining({ fileID, size: 6, cloudPath: 'uploads/listed.txt' }),
  );
});

test('storage calls appear in the request log with the number of files', async () => {
  const since = cloud.requests().length;
  const fileID = await cloud.uploadFile('uploads/logged.txt', 'x');
  await cloud.sdk.getTempFileURL({ fileList: [fileID, fileID] });
  const entries = cloud.requests().slice(since);
  expect(entries.map((e) => [e.action, e.kind, e.docs])).toEqual([
    ['storage.getUploadMetadata', 'storage', 1],
    ['storage.batchGetDownloadUrl', 'storage', 2],
  ]);
});

test('the H5 build uploads through the dev server as a user and reads back through a temporary URL', async () => {
  const url = `${cloud.url}/_files/uploads/roster/20261202/cd34-${encodeURIComponent('名册')}.csv`;
  const anonymous = await fetch(url, { method: 'PUT', body: 'a,b' });
  expect(anonymous.status).toBe(401);
  const put = await fetch(url, { method: 'PUT', body: 'a,b', headers: { 'x-openid': 'o-h5-user' } });
  expect(put.status).toBe(200);
  const { fileID } = (await put.json()) as { fileID: string };
  expect(fileID).toMatch(/^cloud:\/\/local-dev\..+\/uploads\/roster\/20261202\/cd34-名册\.csv$/);
  expect((await cloud.downloadFile(fileID)).toString()).toBe('a,b');
  const got = await fetch(url);
  expect(got.status).toBe(200);
  expect(await got.text()).toBe('a,b');
  expect((await fetch(`${cloud.url}/_files/uploads/none.csv`)).status).toBe(404);
  const bad = await fetch(`${cloud.url}/_files/a//b`, {
    method: 'PUT',
    body: 'x',
    headers: { 'x-openid': 'o' },
  });
  expect(bad.status).toBe(400);
});
