/**
 * `npm run bootstrap -- --file <township.json> (--env <envId> | --local)`: takes a township from an empty cloud
 * environment to one a first admin can open. It writes the town's villages and communities (with their 村民小组)
 * and its alliance groups from the description file (core/members/township.ts; example:
 * scripts/demo/township.example.json), idempotently — a second run writes only what changed — and prints a
 * one-time setup code. The first person who enters it in the app (我的 → 我是管理员，输入开通码) becomes the town
 * admin; the code then stops working. Only the code's hash is stored. A town that has an admin gets no new code;
 * `--new-code` replaces an unused one (the old one stops working).
 *
 * - `--env <envId>`: the real WeChat cloud environment, with TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY
 *   (as `npm run deploy`; run deploy first: the collections must exist).
 * - `--local [--data-dir .data] [--local-env tongxin-local]`: the local cloud — the running one (`npm start`), or
 *   the data folder directly when none runs.
 * Exit codes: 0 done, 1 the cloud refused, 2 bad usage or a bad file (every problem listed).
 */
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatSetupCode,
  parseTownship,
  SETUP_CODE_ALPHABET,
  SETUP_CODE_LENGTH,
  townshipDocs,
  type Township,
} from '../../core/members/township';
import { derivedId } from '../../cloudfunctions/_shared/ids';
import { connectDatabase, readLiveLock, startLocalCloud, type CloudDatabase } from '../../local-cloud';
import { ROOT } from './build-cloud';
import { runAsScript, type ToolIo } from './run-as-script';

export interface BootstrapReport {
  villages: { created: number; updated: number; unchanged: number };
  /** Villages in the cloud the file does not list: left as they are (residents may belong to them). */
  notInFile: string[];
  groups: { created: number; unchanged: number };
  /** The new setup code (shown once), or null with the reason. */
  code: string | null;
  codeNote: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function newSetupCode(): string {
  return Array.from(
    { length: SETUP_CODE_LENGTH },
    () => SETUP_CODE_ALPHABET[randomInt(SETUP_CODE_ALPHABET.length)],
  ).join('');
}

/** Writes the township into a cloud database (an administrator's wx-server-sdk database). */
export async function bootstrapTownship(
  db: CloudDatabase,
  township: Township,
  options: { newCode?: boolean; now?: Date } = {},
): Promise<BootstrapReport> {
  const now = options.now ?? new Date();
  const _ = db.command;
  const docs = townshipDocs(township);
  const ids = docs.villages.map((v) => v._id);
  const report: BootstrapReport = {
    villages: { created: 0, updated: 0, unchanged: 0 },
    notInFile: [],
    groups: { created: 0, unchanged: 0 },
    code: null,
    codeNote: '',
  };

  const { data: existing } = await db
    .collection('villages')
    .where({ townId: township.town.id })
    .limit(1000)
    .get();
  const byId = new Map(existing.map((v) => [String(v._id), v]));
  const { data: taken } = await db
    .collection('villages')
    .where({ _id: _.in(ids), townId: _.neq(township.town.id) })
    .get();
  if (taken.length) {
    throw new Error(`village ids already used by another town: ${taken.map((v) => v._id).join(', ')}`);
  }
  for (const { _id, ...fields } of docs.villages) {
    const old = byId.get(_id);
    if (old) {
      const { _id: _oldId, ...oldFields } = old;
      if (same(oldFields, fields)) {
        report.villages.unchanged += 1;
        continue;
      }
      report.villages.updated += 1;
    } else report.villages.created += 1;
    await db.collection('villages').doc(_id).set({ data: fields });
  }
  report.notInFile = existing.map((v) => String(v._id)).filter((id) => !ids.includes(id));

  const { data: groups } = await db
    .collection('groupSummaries')
    .where({ _id: _.in(docs.groups.map((g) => g._id)) })
    .get();
  const haveGroups = new Set(groups.map((g) => String(g._id)));
  for (const g of docs.groups) {
    if (haveGroups.has(g._id)) {
      report.groups.unchanged += 1;
      continue;
    }
    await db.collection('groupSummaries').add({ data: { _id: g._id, leaders: [], memberCount: 0 } });
    report.groups.created += 1;
  }

  const { data: admins } = await db
    .collection('members')
    .where({ 'roles.townAdmin': true, villageId: _.in(ids) })
    .limit(1)
    .get();
  const { data: codes } = await db.collection('setupCodes').where({ townId: township.town.id }).get();
  const live = codes.filter((c) => !c.usedAt && !c.revokedAt);
  if (admins.length || codes.some((c) => c.usedAt)) {
    report.codeNote = `${township.town.name} already has a town admin: no setup code (they appoint other admins in the app)`;
    return report;
  }
  if (live.length && !options.newCode) {
    report.codeNote =
      'an unused setup code was printed before and still works; run again with --new-code to replace it';
    return report;
  }
  for (const c of live) {
    await db
      .collection('setupCodes')
      .doc(String(c._id))
      .update({ data: { revokedAt: now } });
  }
  const code = newSetupCode();
  await db.collection('setupCodes').add({
    data: {
      _id: derivedId('setup', code),
      townId: township.town.id,
      createdAt: now,
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    },
  });
  report.code = code;
  report.codeNote = live.length ? 'the previous unused code no longer works' : '';
  return report;
}

export function formatReport(t: Township, r: BootstrapReport): string {
  const lines = [
    `${t.town.name} (${t.town.id}): ${t.villages.length} villages and communities, ${t.villages.reduce((n, v) => n + v.teams.length, 0)} 村民小组, ${t.groups.length} alliance groups`,
    `  villages: ${r.villages.created} created, ${r.villages.updated} updated, ${r.villages.unchanged} unchanged`,
    `  groups:   ${r.groups.created} created, ${r.groups.unchanged} unchanged`,
  ];
  if (r.notInFile.length)
    lines.push(`  in the cloud but not in the file (left as they are): ${r.notInFile.join(', ')}`);
  if (r.code) {
    lines.push(
      '',
      `  开通码（只显示这一次，请抄下）: ${formatSetupCode(r.code)}`,
      '  The first person who enters it in the app (我的 → 我是管理员，输入开通码) becomes the town admin.',
    );
  }
  if (r.codeNote) lines.push(`  ${r.codeNote}`);
  return lines.join('\n');
}

const USAGE =
  'usage: npm run bootstrap -- --file <township.json> (--env <envId> | --local [--data-dir DIR] [--local-env ID]) [--new-code]';

export type BootstrapIo = ToolIo;

export async function main(argv: string[], io: BootstrapIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        file: { type: 'string' },
        env: { type: 'string' },
        local: { type: 'boolean' },
        'data-dir': { type: 'string' },
        'local-env': { type: 'string' },
        'new-code': { type: 'boolean' },
      },
    }));
  } catch (e) {
    io.stderr(`error: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.file || !!values.env === !!values.local) {
    io.stderr(`error: give --file and one of --env or --local\n${USAGE}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(values.file, 'utf8'));
  } catch (e) {
    io.stderr(`error: ${values.file}: ${(e as Error).message}`);
    return 2;
  }
  const parsed = parseTownship(json);
  if ('problems' in parsed) {
    io.stderr(`${values.file}: ${parsed.problems.length} problem(s), nothing was written:`);
    for (const p of parsed.problems) io.stderr(`  ${p.path}: ${p.reason}`);
    return 2;
  }
  const options = { newCode: values['new-code'] ?? false };
  try {
    if (values.env) {
      const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = io.env;
      if (!secretId || !secretKey) {
        io.stderr(
          'error: TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must be set for --env (README 上线清单)',
        );
        return 2;
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const sdk = require('wx-server-sdk') as { createNewInstance: (c: object) => { database(): unknown } };
      const db = sdk.createNewInstance({ env: values.env, secretId, secretKey }).database() as CloudDatabase;
      io.stdout(formatReport(parsed.township, await bootstrapTownship(db, parsed.township, options)));
      return 0;
    }
    const config = JSON.parse(readFileSync(path.join(ROOT, 'local-cloud.config.json'), 'utf8')) as {
      envId: string;
      dataDir: string;
      manifest: string;
      functionsDir: string;
    };
    const dataDir = path.resolve(ROOT, values['data-dir'] ?? config.dataDir);
    const envId = values['local-env'] ?? config.envId;
    const lock = readLiveLock(path.join(dataDir, envId));
    if (lock) {
      const report = await bootstrapTownship(connectDatabase(lock), parsed.township, options);
      io.stdout(formatReport(parsed.township, report));
      return 0;
    }
    // Nobody serves the data folder: open it here (the collections come from the manifest).
    const cloud = await startLocalCloud({
      dataDir,
      envId,
      functionsDir: path.resolve(ROOT, config.functionsDir),
      manifest: path.resolve(ROOT, config.manifest),
    });
    try {
      io.stdout(formatReport(parsed.township, await bootstrapTownship(cloud.db, parsed.township, options)));
    } finally {
      await cloud.stop();
    }
    return 0;
  } catch (e) {
    io.stderr(`bootstrap failed: ${(e as { message?: string; errMsg?: string }).message ?? String(e)}`);
    return 1;
  }
}

runAsScript('bootstrap', main);
