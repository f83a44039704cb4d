import path from 'node:path';
import { writeFileSync } from 'node:fs';
import type { ClaimSheetPage, MeData, MemberView, RosterCheck, RosterImportView } from '../../core/members';
import { NO_ROLES } from '../../core/roles';
import type { LocalCloud } from '../../local-cloud';
import { rosterXlsx, townshipVillages } from '../../scripts/demo/roster';
import { main as bootstrap } from '../../scripts/tools/bootstrap';
import { agendaAs, newReceipt } from '../support/agenda';
import { caller, data, startAppCloud } from '../support/app-cloud';
import { upload } from '../support/uploads';
import { keptDataDir } from '../local-cloud/support';

/**
 * Going live from an EMPTY cloud environment, through the real commands and functions: bootstrap from the
 * township file (scripts/tools/bootstrap.ts, as `npm run bootstrap -- --local` runs it) → the setup code makes the
 * first town admin → a 5,000-resident .xlsx through cloud storage → residents claim with the sheet's codes → a
 * village admin opens a poll and they vote.
 */
const EXAMPLE = path.join(__dirname, '..', '..', 'scripts', 'demo', 'township.example.json');
const ENV = 'golive';

let cloud: LocalCloud;
let kept: ReturnType<typeof keptDataDir>;
beforeEach(async () => {
  kept = keptDataDir();
  cloud = await startAppCloud({ seed: undefined, dataDir: kept.dir, envId: ENV });
});
afterEach(async () => {
  await cloud.stop();
  kept.cleanup();
});

async function runBootstrap(...extra: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await bootstrap(
    ['--file', EXAMPLE, '--local', '--data-dir', kept.dir, '--local-env', ENV, ...extra],
    {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      env: {},
    },
  );
  const stdout = out.join('\n');
  const setup = /开通码（只显示这一次，请抄下）: ([A-Z0-9-]{14})/.exec(stdout)?.[1] ?? null;
  return { code, stdout, stderr: err.join('\n'), setup };
}

const members = (openid: string | null) => caller(cloud, 'members', openid);
const userCollections = () => cloud.store.engine.collectionNames().filter((n) => !n.startsWith('$'));
const total = () => userCollections().reduce((n, c) => n + cloud.dump(c).length, 0);

test('from an empty environment to residents voting', async () => {
  expect(total()).toBe(0);

  // 1. Bootstrap: the town, 16 villages and communities with their 村民小组, the five groups; one setup code.
  const first = await runBootstrap();
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('villages: 16 created, 0 updated, 0 unchanged');
  expect(first.setup).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  expect(cloud.dump('villages')).toHaveLength(16);
  expect(cloud.dump('villages').find((v) => v._id === 'zhonghai')!.teams).toHaveLength(8);
  expect(cloud.dump('groupSummaries')).toHaveLength(5);
  // Only the code's hash is stored.
  expect(JSON.stringify(cloud.dump('setupCodes'))).not.toContain(first.setup!.replace(/-/g, ''));

  // 2. The first person to enter the code becomes the town admin; the code then stops working.
  const { villages } = data(await members('wx-first-admin')<{ villages: { id: string }[] }>('listVillages'));
  expect(villages).toHaveLength(16);
  const admin = data(
    await members('wx-first-admin')<{ member: MemberView }>('claimSetup', {
      code: first.setup!.toLowerCase(),
      name: '王建国',
      villageId: 'yinashequ',
    }),
  ).member;
  expect(admin.roles).toEqual({ ...NO_ROLES, townAdmin: true });
  expect(
    await members('wx-second')('claimSetup', { code: first.setup, name: '李四', villageId: 'zhonghai' }),
  ).toEqual({
    ok: false,
    error: { code: 'CONFLICT', message: '这个开通码已经用过了' },
  });

  // 3. The town admin imports 5,000 residents of the town from an .xlsx through cloud storage.
  const fileID = await upload(cloud, '迤那镇村民名册.xlsx', rosterXlsx(5000, townshipVillages()));
  const check = data(
    await members('wx-first-admin')<RosterCheck>('startRosterImport', {
      fileID,
      filename: '迤那镇村民名册.xlsx',
    }),
  );
  expect(check).toMatchObject({ rows: 5000, problemCount: 0 });
  let imp: RosterImportView = check.import!;
  for (let calls = 0; imp.status !== 'done' && calls < 50; calls++) {
    ({ import: imp } = data(
      await members('wx-first-admin')<{ import: RosterImportView }>('continueRosterImport', {
        importId: imp.importId,
      }),
    ));
  }
  expect(imp).toMatchObject({ status: 'done', applied: 5000, inserted: 5000, codes: 5000 });
  expect(cloud.dump('residents').filter((r) => r.teamId)).toHaveLength(5000);

  // 4. 中海村's people claim with the codes of the claim sheet; one becomes the village admin.
  const sheet = data(
    await members('wx-first-admin')<ClaimSheetPage>('claimSheet', { villageId: 'zhonghai' }),
  );
  const people = sheet.households.flatMap((h) => h.people).slice(0, 6);
  expect(people).toHaveLength(6);
  const openids = people.map((_p, i) => `wx-villager-${i}`);
  for (const [i, p] of people.entries()) {
    data(await members(openids[i]!)('claimWithCode', { code: p.code }));
    expect(data(await members(openids[i]!)<MeData>('me'))).toMatchObject({ status: 'bound' });
  }
  data(
    await members('wx-first-admin')('setRoles', {
      residentId: people[0]!.residentId,
      roles: { ...NO_ROLES, villageAdmin: true },
    }),
  );

  // Two of them join 协商议事组, whose members sit at the round table.
  for (const p of people.slice(1, 3)) {
    data(
      await members('wx-first-admin')('setRoles', {
        residentId: p.residentId,
        roles: { ...NO_ROLES, groups: [{ group: 'consult', level: 'village', position: 'member' }] },
      }),
    );
  }

  // 5. A resident raises a matter; the village admin takes it to a poll of all residents; they vote.
  const villageAdmin = agendaAs(cloud, openids[0]!);
  const { item } = data(
    await agendaAs(cloud, openids[1]!)('raise', {
      title: '修缮村口老水井',
      body: '村口的老水井井壁开裂，请村里组织修缮并加盖。',
    }),
  );
  data(await villageAdmin('advance', { itemId: item.itemId }));
  data(
    await villageAdmin('scheduleRoundtable', {
      itemId: item.itemId,
      at: Date.now() + 3_600_000,
      place: '村委会议室',
      participantIds: people.slice(1, 3).map((p) => p.residentId),
    }),
  );
  const { pollId } = data(
    await villageAdmin('createPoll', {
      itemId: item.itemId,
      closesAt: Date.now() + 3_600_000,
      question: '是否同意用村集体资金修缮水井',
      kind: 'approval',
      eligibility: { kind: 'residents' },
      quorumPct: 0,
      thresholdPct: 50,
      thresholdBase: 'cast',
      visibility: 'afterClose',
    }),
  );
  data(await villageAdmin('openPoll', { pollId }));
  for (const openid of openids.slice(1)) {
    data(await agendaAs(cloud, openid)('vote', { pollId, choices: ['yes'], receipt: newReceipt() }));
  }
  const poll = data(await villageAdmin('getPoll', { pollId }));
  expect(poll).toMatchObject({ cast: 5, eligibleCount: 6, status: 'open' });
}, 120_000);

test('bootstrap again changes nothing and prints no new code; a bad file writes nothing', async () => {
  const first = await runBootstrap();
  expect(first.setup).not.toBeNull();
  const villages = JSON.stringify(cloud.dump('villages'));
  const again = await runBootstrap();
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('villages: 0 created, 0 updated, 16 unchanged');
  expect(again.stdout).toContain('an unused setup code was printed before and still works');
  expect(again.setup).toBeNull();
  expect(JSON.stringify(cloud.dump('villages'))).toBe(villages);

  // --new-code replaces the unused code: the old one stops working.
  const replaced = await runBootstrap('--new-code');
  expect(replaced.setup).not.toBeNull();
  expect(
    await members('wx-a')('claimSetup', { code: first.setup, name: '王建国', villageId: 'zhonghai' }),
  ).toMatchObject({
    error: { code: 'CONFLICT', message: '这个开通码已作废，请使用最新打印的开通码' },
  });
  data(await members('wx-a')('claimSetup', { code: replaced.setup, name: '王建国', villageId: 'zhonghai' }));
  // With an admin, even --new-code prints none.
  const after = await runBootstrap('--new-code');
  expect(after.setup).toBeNull();
  expect(after.stdout).toContain('already has a town admin');

  const before = total();
  const bad = path.join(kept.dir, 'bad.json');
  writeFileSync(
    bad,
    JSON.stringify({ town: { id: 'yina', name: '迤那镇' }, villages: [{ id: 'X', name: '村', kind: 'x' }] }),
  );
  const out: string[] = [];
  const err: string[] = [];
  const code = await bootstrap(['--file', bad, '--local', '--data-dir', kept.dir, '--local-env', ENV], {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    env: {},
  });
  expect(code).toBe(2);
  expect(err.join('\n')).toContain('villages[0].id');
  expect(err.join('\n')).toContain('villages[0].kind');
  expect(total()).toBe(before);
});

test('a wrong setup code is refused and counted; a village of another town and a bound user are refused', async () => {
  const { setup } = await runBootstrap();
  for (let i = 0; i < 5; i++) {
    expect(
      await members('wx-guess')('claimSetup', {
        code: 'ABCD-EFGH-JKMN',
        name: '王建国',
        villageId: 'zhonghai',
      }),
    ).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  }
  expect(
    await members('wx-guess')('claimSetup', { code: setup, name: '王建国', villageId: 'zhonghai' }),
  ).toMatchObject({
    error: { code: 'RATE_LIMITED' },
  });
  expect(
    await members('wx-b')('claimSetup', { code: 'not a code', name: '王建国', villageId: 'zhonghai' }),
  ).toMatchObject({
    error: { code: 'INVALID_INPUT', message: '开通码是 12 位字母和数字，请核对后再输入' },
  });
  expect(
    await members('wx-b')('claimSetup', { code: setup, name: '王建国', villageId: 'nowhere' }),
  ).toMatchObject({
    error: { code: 'INVALID_INPUT', message: '请选择本镇的村（社区）' },
  });
  expect(cloud.dump('members')).toHaveLength(0);
  data(await members('wx-b')('claimSetup', { code: setup, name: '王建国', villageId: 'zhonghai' }));
  expect(
    await members('wx-b')('claimSetup', { code: setup, name: '王建国', villageId: 'zhonghai' }),
  ).toMatchObject({
    error: { code: 'CONFLICT', message: '您已经绑定了村民身份' },
  });
});

test('two people entering the same setup code at the same moment: exactly one becomes the town admin', async () => {
  const { setup } = await runBootstrap();
  const results = await Promise.all(
    ['wx-x', 'wx-y', 'wx-z'].map((openid) =>
      members(openid)('claimSetup', { code: setup, name: '王建国', villageId: 'zhonghai' }),
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT', 'CONFLICT']);
  expect(cloud.dump('members').filter((m) => (m.roles as { townAdmin: boolean }).townAdmin)).toHaveLength(1);
});
