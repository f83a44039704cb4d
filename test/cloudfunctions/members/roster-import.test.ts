import type { MeData, RosterCheck, RosterImportView, ClaimSheetPage } from '../../../core/members';
import { rosterRows, rosterXlsx, ROSTER_HEADER, townshipVillages } from '../../../scripts/demo/roster';
import { caller, data, digest, refuses, startAppCloud, useAppCloud } from '../../support/app-cloud';
import { upload } from '../../support/uploads';

/** Chunks of 40 people, so that a file of a few hundred exercises chunking, resumption and re-application. */
const cloud = useAppCloud(
  () => startAppCloud({ envVariables: { ROSTER_CHUNK_SIZE: '40', ROSTER_ABANDONED_MS: '0' } }),
  { each: true },
);

const TOWN_ADMIN = 'demo-town-admin';
const VILLAGE_ADMIN = 'demo-village-admin'; // 中海村
const as = (openid: string) => caller(cloud, 'members', openid);
const VILLAGES = townshipVillages(['中海村', '五星村', '合心村']);
const ZHONGHAI = townshipVillages(['中海村']);

const csv = (rows: string[][]) => [ROSTER_HEADER, ...rows].map((r) => r.join(',')).join('\n');

async function start(openid: string, bytes: Uint8Array | string, filename = '村民名册.xlsx') {
  const fileID = await upload(cloud, filename, bytes);
  return as(openid)<RosterCheck>('startRosterImport', { fileID, filename });
}

/** Drives an import to the end as the page does; returns the import and how many calls it took. */
async function drive(openid: string, importId: string) {
  let calls = 0;
  for (;;) {
    calls += 1;
    const { import: imp } = data(
      await as(openid)<{ import: RosterImportView }>('continueRosterImport', { importId }),
    );
    if (imp.status === 'done') return { imp, calls };
    if (calls > 100) throw new Error('the import does not end');
  }
}

const imported = () => cloud.dump('residents').filter((r) => r.source === 'import');

test('a good file is checked whole, staged, applied chunk by chunk, and every unbound person gets a sheet code', async () => {
  const check = data(await start(TOWN_ADMIN, rosterXlsx(230, VILLAGES)));
  expect(check).toMatchObject({ rows: 230, problems: [], problemCount: 0 });
  expect(check.import).toMatchObject({ status: 'applying', total: 230, chunks: 6, applied: 0 });
  expect(imported()).toHaveLength(0); // staged, not applied

  const { imp } = await drive(TOWN_ADMIN, check.importId!);
  expect(imp).toMatchObject({
    total: 230,
    applied: 230,
    chunksDone: 6,
    inserted: 230,
    updated: 0,
    codes: 230,
  });
  const people = imported();
  expect(people).toHaveLength(230);
  // Only masked forms are stored: no full phone number anywhere.
  expect(JSON.stringify(people)).not.toMatch(/"1[3-9]\d{9}"/);
  expect(
    people.filter((p) => p.phoneMasked).every((p) => /^1\d{2}\*{4}\d{4}$/.test(String(p.phoneMasked))),
  ).toBe(true);
  // Codes are not stored in the clear: only hashes as ids, and a nonce to re-derive them.
  expect(cloud.dump('claimCodes').filter((c) => c.nonce)).toHaveLength(230);
  // The staged chunks are the import's working copy: the same people.
  expect(cloud.dump('rosterImportChunks').filter((c) => c.importId === check.importId)).toHaveLength(6);
});

test('the claim sheet lists households with codes; a resident claims with one and is bound', async () => {
  const check = data(await start(VILLAGE_ADMIN, rosterXlsx(60, ZHONGHAI)));
  await drive(VILLAGE_ADMIN, check.importId!);
  const page = data(await as(VILLAGE_ADMIN)<ClaimSheetPage>('claimSheet', { villageId: 'zhonghai' }));
  expect(page.villageName).toBe('中海村');
  expect(page.households.length).toBeGreaterThan(0);
  const person = page.households[0]!.people[0]!;
  expect(person.code).toMatch(/^\d{4} \d{4}$/);

  const claimed = data(
    await as('wx-new-elder')<{ member: { residentId: string } }>('claimWithCode', { code: person.code }),
  );
  expect(claimed.member.residentId).toBe(person.residentId);
  expect(data(await as('wx-new-elder')<MeData>('me'))).toMatchObject({ status: 'bound' });
  // The claimed person leaves the sheet.
  const again = data(await as(VILLAGE_ADMIN)<ClaimSheetPage>('claimSheet', { villageId: 'zhonghai' }));
  const ids = again.households.flatMap((h) => h.people.map((p) => p.residentId));
  expect(ids).not.toContain(person.residentId);
  // Another village's sheet is not theirs.
  await refuses(cloud, () => as(VILLAGE_ADMIN)('claimSheet', { villageId: 'wuxing' }), 'FORBIDDEN');
});

test('importing the same roster again updates without duplicating; a changed phone is one update', async () => {
  const rows = rosterRows(120, VILLAGES);
  const first = data(await start(TOWN_ADMIN, csv(rows), '名册.csv'));
  await drive(TOWN_ADMIN, first.importId!);
  const before = imported().length;
  const codesBefore = cloud.dump('claimCodes').length;

  rows[5]![4] = '';
  rows[5]![5] = '13900001111';
  const second = data(await start(TOWN_ADMIN, csv(rows), '名册.csv'));
  expect(second.importId).not.toBe(first.importId); // a new upload is a new import
  const { imp } = await drive(TOWN_ADMIN, second.importId!);
  expect(imp).toMatchObject({ inserted: 0, updated: 1, unchanged: 119, codes: 0 });
  expect(imported()).toHaveLength(before);
  expect(cloud.dump('claimCodes')).toHaveLength(codesBefore); // live codes are kept, not doubled
});

test('starting the same upload twice is the same import', async () => {
  const fileID = await upload(cloud, '名册.xlsx', rosterXlsx(50, VILLAGES));
  const a = data(await as(TOWN_ADMIN)<RosterCheck>('startRosterImport', { fileID, filename: '名册.xlsx' }));
  const b = data(await as(TOWN_ADMIN)<RosterCheck>('startRosterImport', { fileID, filename: '名册.xlsx' }));
  expect(b.importId).toBe(a.importId);
  expect(cloud.dump('rosterImports')).toHaveLength(1);
});

test('a chunk applied twice (a crash before the cursor moved) changes nothing the second time', async () => {
  const check = data(await start(TOWN_ADMIN, rosterXlsx(100, VILLAGES)));
  await drive(TOWN_ADMIN, check.importId!);
  const residents = JSON.stringify(
    imported()
      .map((r) => r._id)
      .sort(),
  );
  const codes = cloud.dump('claimCodes').length;
  // As if the run that applied chunk 1 died before advancing the cursor.
  await cloud.db
    .collection('rosterImports')
    .doc(check.importId!)
    .update({ data: { cursor: 1, status: 'applying' } });
  await drive(TOWN_ADMIN, check.importId!);
  expect(
    JSON.stringify(
      imported()
        .map((r) => r._id)
        .sort(),
    ),
  ).toBe(residents);
  expect(cloud.dump('claimCodes')).toHaveLength(codes);
});

test('an import whose page was closed is finished by the timer trigger', async () => {
  const check = data(await start(TOWN_ADMIN, rosterXlsx(150, VILLAGES)));
  await cloud.trigger('members');
  const [imp] = cloud.dump('rosterImports');
  expect(imp).toMatchObject({ _id: check.importId, status: 'done', applied: 150 });
  expect(imported()).toHaveLength(150);
});

test('50 bad rows of 10 kinds are each named by row, column and reason, and nothing is written', async () => {
  const good = rosterRows(60, ZHONGHAI);
  const rows = good.map((r) => [...r]);
  // [column index, bad value, expected column, reason pattern]
  const kinds: [number, string, string, RegExp][] = [
    [0, '', '村（社区）', /缺少村（社区）/],
    [0, '不存在村', '村（社区）', /没有“不存在村”这个村（社区）/],
    [1, '第九十九组', '村民小组', /没有“第九十九组”这个村民小组/],
    [2, '', '户号', /缺少户号/],
    [2, 'x'.repeat(31), '户号', /户号太长/],
    [3, '', '姓名', /缺少姓名/],
    [3, '张3', '姓名', /不像姓名/],
    [4, '12345', '身份证后四位', /不是身份证后四位/],
    [5, '1380013', '手机号', /不是 11 位手机号码/],
    [6, '也许', '村民代表', /应填“是”或“否”/],
  ];
  const expected: { row: number; column: string; reason: RegExp }[] = [];
  kinds.forEach(([col, value, column, reason], k) => {
    for (let i = 0; i < 5; i++) {
      const index = k * 5 + i;
      const row = rows[index]!;
      row[col] = value;
      if (col === 4) row[5] = ''; // the ID column alone decides
      if (col === 5) row[4] = '';
      expected.push({ row: index + 2, column, reason });
    }
  });
  const fileID = await upload(cloud, '坏名册.csv', csv(rows));
  const before = digest(cloud);
  const check = data(
    await as(TOWN_ADMIN)<RosterCheck>('startRosterImport', { fileID, filename: '坏名册.csv' }),
  );
  expect(digest(cloud)).toBe(before);
  expect(check).toMatchObject({ importId: null, rows: 60, problemCount: 50, import: null });
  expect(check.problems).toHaveLength(50);
  for (const [i, want] of expected.entries()) {
    expect(check.problems[i]).toEqual({
      row: want.row,
      column: want.column,
      reason: expect.stringMatching(want.reason),
    });
  }
});

test('a village admin cannot import another village’s people; a resident cannot import at all', async () => {
  const fileID = await upload(cloud, '名册.xlsx', rosterXlsx(20, townshipVillages(['中海村', '五星村'])));
  const before = digest(cloud);
  const check = data(
    await as(VILLAGE_ADMIN)<RosterCheck>('startRosterImport', { fileID, filename: '名册.xlsx' }),
  );
  expect(digest(cloud)).toBe(before);
  expect(check.importId).toBeNull();
  expect(check.problems.every((p) => p.reason.includes('五星村'))).toBe(true);
  await refuses(
    cloud,
    () => as('demo-resident-001')('startRosterImport', { fileID, filename: '名册.xlsx' }),
    'FORBIDDEN',
  );
});

test('a file id outside uploads/, a missing file and an unreadable file are refused without writing', async () => {
  const outside = await cloud.uploadFile('exports/x.xlsx', rosterXlsx(5, VILLAGES));
  await refuses(
    cloud,
    () => as(TOWN_ADMIN)('startRosterImport', { fileID: outside, filename: 'x.xlsx' }),
    'INVALID_INPUT',
  );
  const gone = outside.replace('exports/x.xlsx', 'uploads/roster/20261202/none.xlsx');
  await refuses(
    cloud,
    () => as(TOWN_ADMIN)('startRosterImport', { fileID: gone, filename: 'x.xlsx' }),
    'NOT_FOUND',
    '文件不存在或已过期，请重新上传',
  );
  // A damaged workbook: the zip signature, then garbage.
  const junk = await upload(
    cloud,
    'x.xlsx',
    Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]),
  );
  await refuses(
    cloud,
    () => as(TOWN_ADMIN)('startRosterImport', { fileID: junk, filename: 'x.xlsx' }),
    'INVALID_INPUT',
  );
});

test('the exported claim sheet is a CSV behind a short-lived link at an unguessable path; the previous export goes', async () => {
  const check = data(await start(VILLAGE_ADMIN, rosterXlsx(30, ZHONGHAI)));
  await drive(VILLAGE_ADMIN, check.importId!);
  type Export = { url: string; filename: string; rows: number };
  const first = data(await as(VILLAGE_ADMIN)<Export>('exportClaimSheet', { villageId: 'zhonghai' }));
  expect(first).toMatchObject({ filename: '中海村认领码.csv', rows: 30 });
  const text = await (await fetch(encodeURI(first.url))).text();
  expect(text.split('\n')[0]).toContain('认领码');
  expect(text).toMatch(/\d{4} \d{4}/);
  const exports = () => cloud.files().filter((f) => f.cloudPath.startsWith('exports/claim-sheets/'));
  expect(exports()).toHaveLength(1);
  expect(exports()[0]!.cloudPath).toMatch(/^exports\/claim-sheets\/zhonghai\/[0-9a-f]{24}\.csv$/);
  data(await as(VILLAGE_ADMIN)<Export>('exportClaimSheet', { villageId: 'zhonghai' }));
  expect(exports()).toHaveLength(1);
  expect(exports()[0]!.fileID).not.toBe(first.url);
  await refuses(cloud, () => as(VILLAGE_ADMIN)('exportClaimSheet', { villageId: 'wuxing' }), 'FORBIDDEN');
});
