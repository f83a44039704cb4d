/**
 * `npm run preview` / `npm run upload`: the built mini-program (dist/, `npm run build:weapp`) to WeChat through
 * WeChat's own CI package, miniprogram-ci, as DevTools' 预览 and 上传 do.
 *
 *   npm run preview [-- --qrcode build/preview.jpg] [--page pages/home/index] [--robot 1]
 *   npm run upload -- [--version 1.2.0] [--desc "…"] [--robot 1]
 *   … --dry-run    validates dist/ and prints what would be sent; needs no key and no network
 *
 * - AppID: dist/project.config.json (Taro writes it from project.config.json, or TARO_APP_ID in .env.local).
 * - Upload key: the file MINI_CI_PRIVATE_KEY_PATH names (小程序管理后台 → 开发管理 → 开发设置 → 小程序代码上传 →
 *   生成密钥; add this machine's IP to the whitelist there, or turn the whitelist off).
 * - version / desc: the arguments, else package.json's version and `<name> <version>`.
 * - Compile settings follow project.config.json (`es6: false`: the build is ES5 already, see weapp-syntax.ts).
 * Exit codes: 0 ok, 1 WeChat refused or the call failed, 2 bad usage or input (no build, no AppID, no key).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { weappSizes, kb } from './weapp-sizes';
import { runAsScript } from './run-as-script';

const ROOT = path.join(__dirname, '..', '..');

export type Action = 'preview' | 'upload';

/** Everything one call of miniprogram-ci needs, shown in full by a dry run. */
export interface CiPlan {
  action: Action;
  appid: string;
  /** The built mini-program (projectPath). */
  dist: string;
  version: string;
  desc: string;
  robot: number;
  setting: { es6: boolean; es7: boolean; minify: boolean; autoPrefixWXSS: boolean };
  /** preview only: where the QR code goes (a .jpg file, or the terminal) and which page it opens. */
  qrcode?: { format: 'image' | 'terminal'; dest?: string; page?: string };
  /** MINI_CI_PRIVATE_KEY_PATH (absolute), or null when unset. */
  privateKeyPath: string | null;
}

export class CiInputError extends Error {
  override name = 'CiInputError';
}

const USAGE =
  'usage: tsx scripts/tools/mini-ci.ts <preview|upload> [--version X] [--desc TEXT] [--robot 1-30] [--qrcode FILE.jpg] [--page PATH] [--dist DIR] [--dry-run]';

function readJson(file: string, what: string): Record<string, unknown> {
  if (!existsSync(file)) throw new CiInputError(`${what} not found: ${file}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new CiInputError(`${what} ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Reads and validates the inputs; makes no network call and does not need the key. */
export function planCi(argv: string[], env: NodeJS.ProcessEnv, root = ROOT): CiPlan {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        version: { type: 'string' },
        desc: { type: 'string' },
        robot: { type: 'string' },
        qrcode: { type: 'string' },
        page: { type: 'string' },
        dist: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new CiInputError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const action = positionals[0];
  if ((action !== 'preview' && action !== 'upload') || positionals.length !== 1) {
    throw new CiInputError('give one action: preview or upload');
  }
  if (action === 'upload' && (values.qrcode || values.page)) {
    throw new CiInputError('--qrcode and --page are for preview only');
  }

  const dist = path.resolve(root, values.dist ?? 'dist');
  for (const file of ['app.json', 'app.js']) {
    if (!existsSync(path.join(dist, file))) {
      throw new CiInputError(
        `no weapp build in ${dist} (missing ${file}): run \`npm run build:weapp\` first`,
      );
    }
  }
  const appJson = readJson(path.join(dist, 'app.json'), 'app.json');
  if (!Array.isArray(appJson.pages) || appJson.pages.length === 0) {
    throw new CiInputError(`${dist}/app.json lists no pages`);
  }
  if (values.page && !allPages(appJson).includes(values.page)) {
    throw new CiInputError(`--page ${values.page} is not a page of app.json`);
  }
  const project = readJson(path.join(dist, 'project.config.json'), 'the built project.config.json');
  const appid = String(project.appid ?? '');
  if (!/^wx[0-9a-f]{16}$/.test(appid)) {
    throw new CiInputError(
      `AppID "${appid}" in ${dist}/project.config.json is not a mini-program AppID (wx + 16 hex): set TARO_APP_ID in ` +
        '.env.local (or appid in project.config.json) and run `npm run build:weapp` again',
    );
  }

  const pkg = readJson(path.join(root, 'package.json'), 'package.json');
  const version = values.version ?? String(pkg.version ?? '');
  if (!/^\d+\.\d+\.\d+([-.+][0-9A-Za-z.-]+)?$/.test(version)) {
    throw new CiInputError(`version "${version}" is not like 1.2.3`);
  }
  const desc = values.desc ?? `${String(pkg.name)} ${version}`;
  const robot = Number(values.robot ?? 1);
  if (!Number.isInteger(robot) || robot < 1 || robot > 30) throw new CiInputError('--robot is 1 to 30');

  const setting = (project.setting ?? {}) as Record<string, unknown>;
  const keyPath = env.MINI_CI_PRIVATE_KEY_PATH?.trim();
  return {
    action,
    appid,
    dist,
    version,
    desc,
    robot,
    setting: {
      es6: setting.es6 === true,
      es7: setting.enhance === true,
      minify: setting.minified === true,
      autoPrefixWXSS: setting.postcss === true,
    },
    ...(action === 'preview'
      ? {
          qrcode: values.qrcode
            ? { format: 'image' as const, dest: path.resolve(values.qrcode), page: values.page }
            : { format: 'terminal' as const, page: values.page },
        }
      : {}),
    privateKeyPath: keyPath ? path.resolve(keyPath) : null,
  };
}

function allPages(appJson: Record<string, unknown>): string[] {
  const subs = (appJson.subPackages ?? appJson.subpackages ?? []) as { root: string; pages: string[] }[];
  return [
    ...(appJson.pages as string[]),
    ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`)),
  ];
}

/** What a dry run prints: every value the call would use (the key's path, never its content). */
export function formatCiPlan(plan: CiPlan): string {
  const sizes = weappSizes(plan.dist);
  const lines = [
    `miniprogram-ci ${plan.action} of ${plan.dist}`,
    `  appid      ${plan.appid} (dist/project.config.json)`,
    `  version    ${plan.version}`,
    `  desc       ${plan.desc}`,
    `  robot      ${plan.robot}`,
    `  setting    es6 ${plan.setting.es6}, es7 ${plan.setting.es7}, minify ${plan.setting.minify}, autoPrefixWXSS ${plan.setting.autoPrefixWXSS}`,
    `  packages   main ${kb(sizes.main)}, ${sizes.subpackages.map((s) => `${s.root} ${kb(s.bytes)}`).join(', ')}`,
  ];
  if (plan.qrcode) {
    const where = plan.qrcode.format === 'image' ? `image ${plan.qrcode.dest}` : 'terminal';
    lines.push(`  qrcode     ${where}${plan.qrcode.page ? `, opens ${plan.qrcode.page}` : ''}`);
  }
  lines.push(
    `  key        ${plan.privateKeyPath ?? 'MINI_CI_PRIVATE_KEY_PATH is not set (needed for a real run)'}`,
    `  call       ci.${plan.action}({ project: new ci.Project({ type: 'miniProgram', appid, projectPath, privateKeyPath }), version, desc, robot, setting${plan.qrcode ? ', qrcodeFormat, qrcodeOutputDest, pagePath' : ''} })`,
  );
  return lines.join('\n');
}

/** The few miniprogram-ci calls this script makes (the real package, or a stand-in in tests). */
export type CiModule = Pick<typeof import('miniprogram-ci'), 'Project' | 'preview' | 'upload'>;

export async function runCi(plan: CiPlan, ci: CiModule, log: (s: string) => void): Promise<unknown> {
  if (!plan.privateKeyPath) {
    throw new CiInputError(
      'MINI_CI_PRIVATE_KEY_PATH is not set: the path of the code-upload key (README 上线清单)',
    );
  }
  if (!existsSync(plan.privateKeyPath)) throw new CiInputError(`no key file at ${plan.privateKeyPath}`);
  const project = new ci.Project({
    type: 'miniProgram',
    appid: plan.appid,
    projectPath: plan.dist,
    privateKeyPath: plan.privateKeyPath,
    ignores: ['node_modules/**/*', '**/*.LICENSE.txt'],
  });
  const common = {
    project,
    version: plan.version,
    desc: plan.desc,
    robot: plan.robot,
    setting: plan.setting,
    onProgressUpdate: (task: unknown) => {
      if (typeof task === 'string') log(task);
    },
  };
  if (plan.action === 'upload') return ci.upload(common);
  return ci.preview({
    ...common,
    qrcodeFormat: plan.qrcode!.format,
    qrcodeOutputDest: plan.qrcode!.dest ?? '',
    ...(plan.qrcode!.page ? { pagePath: plan.qrcode!.page } : {}),
  });
}

export interface CiIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** Injected in tests; the default loads miniprogram-ci. */
  loadCi?: () => Promise<CiModule>;
  root?: string;
}

export async function main(argv: string[], io: CiIo): Promise<number> {
  let plan: CiPlan;
  try {
    plan = planCi(argv, io.env, io.root);
  } catch (e) {
    if (!(e instanceof CiInputError)) throw e;
    io.stderr(`error: ${e.message}\n${USAGE}`);
    return 2;
  }
  io.stdout(formatCiPlan(plan));
  if (argv.includes('--dry-run')) {
    io.stdout('\nDry run: nothing was sent to WeChat.');
    return 0;
  }
  try {
    const ci = await (io.loadCi ?? (async () => (await import('miniprogram-ci')) as CiModule))();
    const result = await runCi(plan, ci, io.stdout);
    io.stdout(`\n${plan.action} done: ${JSON.stringify(result)}`);
    return 0;
  } catch (e) {
    if (e instanceof CiInputError) {
      io.stderr(`error: ${e.message}`);
      return 2;
    }
    io.stderr(`${plan.action} failed: ${(e as Error).message}`);
    return 1;
  }
}

runAsScript('mini-ci', main);
