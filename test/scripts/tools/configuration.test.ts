import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/** Account-specific values live in configuration (README 上线清单), never in the app's code. */
const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const localCloud = JSON.parse(read('local-cloud.config.json')) as {
  templates: Record<string, unknown>;
  functionEnv: Record<string, string>;
};

test('the notice template id is not in src, cloudfunctions or core', () => {
  // grep exits 1 when nothing matches: exactly what must happen.
  let found = '';
  try {
    found = execFileSync('grep', ['-rn', 'tongxin-notice-v1', 'src', 'cloudfunctions', 'core'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
  } catch (e) {
    expect((e as { status: number }).status).toBe(1);
  }
  expect(found).toBe('');
});

test('offline, the mini-program and the notices function use the same template, one the local cloud knows', () => {
  const client = parseEnv(read('.env')).TARO_APP_NOTICE_TEMPLATE_ID;
  expect(client).toBeTruthy();
  expect(localCloud.functionEnv.NOTICE_TEMPLATE_ID).toBe(client);
  expect(Object.keys(localCloud.templates)).toContain(client);
});

test('the notices function declares NOTICE_TEMPLATE_ID empty: deploy must be given the account’s', () => {
  const config = JSON.parse(read('cloudfunctions/notices/config.json')) as {
    envVariables: Record<string, string>;
  };
  expect(config.envVariables).toEqual({ NOTICE_TEMPLATE_ID: '' });
});

test('the real account’s values are git-ignored', () => {
  const ignored = read('.gitignore').split('\n');
  expect(ignored).toEqual(expect.arrayContaining(['.env.local', '.env.*.local', '.env.deploy']));
  expect(ignored).not.toContain('.env');
});

test.each(
  readdirSync(path.join(ROOT, 'cloudfunctions')).filter(
    (d) => !d.startsWith('_') && existsSync(path.join(ROOT, 'cloudfunctions', d, 'config.json')),
  ),
)('cloudfunctions/%s/config.json sets its timeout deliberately and says why', (fn) => {
  const config = JSON.parse(read(`cloudfunctions/${fn}/config.json`)) as {
    timeout?: unknown;
    timeoutNote?: unknown;
  };
  expect(config.timeout).toEqual(expect.any(Number));
  expect(config.timeoutNote).toEqual(expect.stringMatching(/\d+ s/));
});
