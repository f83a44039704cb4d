import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_TIMEOUT_SCALE } from '../support/timeouts';

const ROOT = path.join(__dirname, '..', '..');
/** Debian's chromium (apt-get install chromium); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface App {
  url: string;
  browser: Browser;
  /** A fresh browser page acting as the given WeChat user (the H5 build's dev identity). */
  as(openid: string): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * Runs `npm start` (functions, demo data, H5 app) on a free port with a fresh data folder, and Chromium.
 * `env` adds variables to the server's environment (e.g. `FN_<NAME>` for the functions').
 */
export async function startApp(env: Record<string, string> = {}): Promise<App> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongxin-e2e-'));
  const server: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'tools', 'start.ts')],
    {
      cwd: ROOT,
      env: {
        TIMEOUT_SCALE: String(TEST_TIMEOUT_SCALE),
        ...process.env,
        ...env,
        PORT: String(port),
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  server.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  server.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    try {
      if ((await fetch(`${url}_local/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    async as(openid) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
      await context.addInitScript((o) => window.localStorage.setItem('tongxin.dev.openid', o), openid);
      const page = await context.newPage();
      page.on('pageerror', (e) => {
        throw e;
      });
      return page;
    },
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The app of one e2e file: `npm start` (with these function env vars) started before its tests, stopped after them.
 * Returns a stand-in that forwards to the running app.
 */
export function useApp(env: Record<string, string> = {}): App {
  let running: App | undefined;
  beforeAll(async () => {
    running = await startApp(env);
  }, 180_000);
  afterAll(() => running?.stop());
  return new Proxy({} as App, {
    get(_target, key) {
      if (!running) throw new Error('the app runs only inside the tests and hooks of its file');
      const value = Reflect.get(running, key, running) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(running) : value;
    },
  });
}

/** Opens a page of the H5 app (hash router) and waits until `text` shows. */
export async function open(page: Page, url: string, route: string, text: string): Promise<void> {
  await page.goto(`${url}#${route}`);
  await page.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
}

/** Types into the input or text area with this placeholder. */
export async function fill(page: Page, placeholder: string, value: string): Promise<void> {
  await page
    .locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`)
    .first()
    .fill(value);
}

/** Taro's H5 modal: press the button with this label. */
export async function pressModal(page: Page, label: string): Promise<void> {
  await page
    .locator('.taro-modal__foot, .taro__modal, [class*="modal"]')
    .getByText(label, { exact: true })
    .last()
    .click();
}

/** Calls a function through the H5 build's HTTP gateway as `openid`; returns its data or throws its error. */
export async function callApi<T>(
  url: string,
  fn: string,
  openid: string,
  event: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(`${url}api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openid': openid },
    body: JSON.stringify(event),
  });
  const result = (await res.json()) as
    { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok)
    throw new Error(`${fn} ${String(event.action)}: ${result.error.code} ${result.error.message}`);
  return result.data;
}
