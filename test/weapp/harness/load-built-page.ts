/**
 * Smoke-test harness: load one page of the BUILT Taro weapp output (dist/) into miniprogram-simulate,
 * with hand-written stand-ins for the mini-program globals (wx, App, getApp, Page, getCurrentPages).
 *
 * - The real bundles run: runtime.js, taro.js, vendors.js, common.js, app.js and the page's chunk.
 * - Templates are compiled by WeChat's own `wcc` (shipped inside the npm package miniprogram-compiler,
 *   a dependency of miniprogram-simulate: bin/linux/wcc, an x86-64 ELF). Taro's base.wxml renders as
 *   nothing with miniprogram-simulate's pure-JS fallback compiler ("simulate").
 * - miniprogram-simulate has no Page(): the stand-in turns Taro's page config into a Component()
 *   whose `attached` lifetime runs onLoad/onShow/onReady, which is enough for Taro's runtime.
 * - Taro renders asynchronously: loadBuiltPage resolves once the page shows some text; after a tap,
 *   use waitForText() rather than reading text at once.
 *
 * Each call runs in a fresh module registry (jest.isolateModules), so pages can be loaded one after
 * another in the same test file, including the same page twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createWxStandIn, type WxStandIn, type WxStandInOptions } from './wx-stand-in';

/* eslint-disable @typescript-eslint/no-explicit-any -- the simulator and Taro's page objects are untyped */
/* eslint-disable @typescript-eslint/no-require-imports -- modules must load inside jest.isolateModules */

export interface LoadBuiltPageOptions extends WxStandInOptions {
  /** Page query, as onLoad receives it. */
  query?: Record<string, string>;
  /** How long loadBuiltPage waits for the page to show some text. Default 3000 ms. */
  renderTimeoutMs?: number;
}

export interface BuiltPage {
  /** The wx stand-in with the record of API calls. */
  wx: WxStandIn;
  /** The miniprogram-simulate root component (j-component). */
  root: any;
  /** Text content of the whole rendered tree, whitespace collapsed. */
  text(): string;
  /** The page's current setData state (Taro keeps its virtual tree under `root`). */
  data(): Record<string, any>;
  /** Poll until the rendered text contains `expected` (string or RegExp); returns the text. */
  waitForText(expected: string | RegExp, timeoutMs?: number): Promise<string>;
  /**
   * Tap an element: by `#id` (the `id` prop in JSX becomes the element id in the template) or by
   * `{ text }` (the innermost element whose text contains it). The tap goes through the template's
   * bindtap="eh" into Taro's event handler and then into React.
   */
  tap(target: string | { text: string }): Promise<void>;
  /** Dispatch any template event (e.g. 'agreeprivacyauthorization', 'input') with a detail on an element. */
  trigger(
    target: string | { text: string },
    eventName: string,
    detail?: Record<string, unknown>,
  ): Promise<void>;
  /**
   * Current value of a <page-meta> attribute (e.g. 'root-font-size'), read through the page template's
   * binding (root-font-size="{{pageMeta.pN||''}}"), so it does not depend on Taro's attribute aliases.
   */
  pageMetaAttr(attr: string): unknown;
  /**
   * What WeChat's 转发 menu gets from the page (its onShareAppMessage), or undefined when the page does not
   * offer 转发 (no `enableShareAppMessage` in its config).
   */
  share(): unknown;
  /** Errors Taro reported to App.onError (e.g. a component that threw while rendering). */
  errors: string[];
  /** Run onHide/onUnload and detach. */
  unload(): void;
}

const POLL_MS = 10;

export function readAppJson(distDir: string): {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  [key: string]: unknown;
} {
  return JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8'));
}

/** Every page path of the app: main package first, then subpackages (root + page). */
export function listAppPages(distDir: string): string[] {
  const appJson = readAppJson(distDir);
  const subs = appJson.subPackages ?? appJson.subpackages ?? [];
  return [...appJson.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
}

/** Errors thrown inside minified bundles make jest print huge code frames: keep message and a short stack. */
function shortError(err: unknown, context: string): Error {
  const e = err instanceof Error ? err : new Error(String(err));
  const out = new Error(`${context}: ${e.message}`);
  out.stack = `${out.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return out;
}

function ensureWccExecutable() {
  // miniprogram-compiler ships wcc for linux (x86-64 ELF), mac and windows and picks one by process.platform.
  if (process.platform === 'linux' && process.arch !== 'x64') {
    throw new Error(
      `WeChat's wcc template compiler is an x86-64 binary; this machine is linux/${process.arch}`,
    );
  }
  if (process.platform !== 'linux') return;
  // npm installs its binaries without the exec bit; its wcc.js chmods at run time but ignores a failure
  // (e.g. a read-only node_modules), which then surfaces as an obscure spawn error. Do it here instead.
  const simulateDir = path.dirname(require.resolve('miniprogram-simulate/package.json'));
  const compilerDir = path.dirname(
    require.resolve('miniprogram-compiler/package.json', { paths: [simulateDir] }),
  );
  const wcc = path.join(compilerDir, 'bin/linux/wcc');
  try {
    fs.accessSync(wcc, fs.constants.X_OK);
  } catch {
    fs.chmodSync(wcc, 0o755);
  }
}

export async function loadBuiltPage(
  distDir: string,
  pagePath: string,
  options: LoadBuiltPageOptions = {},
): Promise<BuiltPage> {
  const dist = path.resolve(distDir);
  const pageFile = path.join(dist, pagePath);
  for (const f of ['app.js', 'app.json', 'base.wxml']) {
    if (!fs.existsSync(path.join(dist, f)))
      throw new Error(`${dist} is not a weapp build (no ${f}): run npm run build:weapp`);
  }
  for (const ext of ['.js', '.json', '.wxml']) {
    if (!fs.existsSync(pageFile + ext)) throw new Error(`page ${pagePath} has no ${ext} in ${dist}`);
  }
  ensureWccExecutable();

  const wx = createWxStandIn(options);
  const query = options.query ?? {};
  const g = globalThis as any;
  const pageStack: any[] = [];
  const errors: string[] = [];
  let root: any;
  let pageInstance: any;
  let pageOptions: any;
  let exparser: any;
  let ComponentWrapper: any;

  jest.isolateModules(() => {
    g.wx = wx.wx;
    g.getCurrentPages = () => pageStack.slice();
    let appInstance: any;
    g.App = (config: any) => {
      appInstance = config;
      // Taro's page error boundary reports render errors to the app's onError and renders nothing.
      const onError = config.onError;
      config.onError = (err: unknown) => {
        // Taro passes message + stack; "at" lines would make jest print a code frame of the minified bundle.
        errors.push(String(err).replace(/^(\s*)at /gm, '$1@ '));
        onError?.call(config, err);
      };
    };
    g.getApp = () => appInstance;
    g.requirePlugin = () => ({});

    // Defines global Component/Behavior; its j-component uses the real exparser.
    const simulate = require('miniprogram-simulate');
    exparser = require('miniprogram-exparser');
    const SimComponent = g.Component;

    g.Page = (config: any) => {
      pageOptions = config;
      const methods: Record<string, any> = {};
      const fields: Record<string, any> = {};
      for (const [key, value] of Object.entries(config)) {
        if (key === 'data') continue;
        if (typeof value === 'function') methods[key] = value;
        else fields[key] = value;
      }
      SimComponent({
        data: config.data ?? {},
        methods,
        lifetimes: {
          attached(this: any) {
            Object.assign(this, fields);
            this.route = pagePath;
            this.__route__ = pagePath;
            this.options = query;
            // eslint-disable-next-line @typescript-eslint/no-this-alias -- the page instance is the component
            pageInstance = this;
            pageStack.push(this);
            config.onLoad?.call(this, query);
            config.onShow?.call(this);
            config.onReady?.call(this);
          },
          detached(this: any) {
            config.onUnload?.call(this);
            pageStack.splice(pageStack.indexOf(this), 1);
          },
        },
      });
    };

    try {
      require(path.join(dist, 'app.js'));
    } catch (err) {
      throw shortError(err, 'loading dist/app.js');
    }
    if (!appInstance) throw new Error('dist/app.js did not call App()');
    const launch = { path: pagePath, query, scene: 1001, referrerInfo: {} };
    appInstance.onLaunch?.call(appInstance, launch);
    appInstance.onShow?.call(appInstance, launch);

    let id: string;
    try {
      id = simulate.load(pageFile, { rootPath: dist, compiler: 'official' });
    } catch (err) {
      throw shortError(err, `loading ${pagePath}`);
    }
    if (!pageOptions) throw new Error(`${pagePath}.js did not call Page()`);
    root = simulate.render(id);
    ComponentWrapper = Object.getPrototypeOf(Object.getPrototypeOf(root)).constructor;
    const container = document.createElement('div');
    container.setAttribute('data-page', pagePath);
    document.body.appendChild(container);
    try {
      root.attach(container);
    } catch (err) {
      throw shortError(err, `attaching ${pagePath}`);
    }
  });

  const text = () => (root.dom?.textContent ?? '').replace(/\s+/g, ' ').trim();

  const waitFor = async (check: () => boolean, describe: () => string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };

  const matches = (expected: string | RegExp) => {
    const t = text();
    return typeof expected === 'string' ? t.includes(expected) : expected.test(t);
  };

  /** Depth-first over the exparser tree, into custom components' shadow roots (Taro's `comp`). */
  const findNode = (pred: (node: any) => boolean): any => {
    let found: any;
    const visit = (node: any): boolean => {
      if (node instanceof exparser.Component && node.shadowRoot && visit(node.shadowRoot)) return true;
      for (const child of node.childNodes ?? []) {
        if (child instanceof exparser.Element && visit(child)) return true;
      }
      if (node instanceof exparser.Element && pred(node)) {
        found = node;
        return true;
      }
      return false;
    };
    visit(root._exparserNode);
    return found;
  };

  const nodeText = (node: any) => (node.$$?.textContent ?? '').replace(/\s+/g, ' ').trim();

  const page: BuiltPage = {
    wx,
    errors,
    root,
    text,
    data: () => pageInstance?.data ?? {},
    async waitForText(expected, timeoutMs = 3000) {
      await waitFor(
        () => matches(expected),
        () => `text ${String(expected)} not in "${text()}"`,
        timeoutMs,
      );
      return text();
    },
    tap(target) {
      return page.trigger(target, 'tap');
    },
    async trigger(target, eventName, detail = {}) {
      // Children are visited first, so a text match finds the innermost element containing the text
      // (skipping <text>, whose parent is what carries the handler).
      const node =
        typeof target === 'string'
          ? findNode((n) => target.startsWith('#') && n.id === target.slice(1))
          : findNode((n) => nodeText(n).includes(target.text) && n.$$?.tagName !== 'WX-TEXT');
      if (!node) throw new Error(`no element ${JSON.stringify(target)} in "${text()}"`);
      new ComponentWrapper(node).dispatchEvent(eventName, { detail });
      // j-component dispatches on a microtask; Taro then updates React and calls setData.
      await new Promise((r) => setTimeout(r, 0));
    },
    pageMetaAttr(attr) {
      const wxml = fs.readFileSync(`${pageFile}.wxml`, 'utf8');
      const m = new RegExp(`<page-meta[^>]*\\s${attr}="\\{\\{(?:xs\\.b\\()?pageMeta\\.(\\w+)`).exec(wxml);
      if (!m)
        throw new Error(
          `${pagePath}.wxml has no <page-meta ${attr}> binding (is enablePageMeta set in the page config?)`,
        );
      return pageInstance?.data?.pageMeta?.[m[1]!];
    },
    share() {
      return pageOptions?.onShareAppMessage?.call(pageInstance, { from: 'menu' });
    },
    unload() {
      pageOptions?.onHide?.call(pageInstance);
      root.detach();
    },
  };

  await waitFor(
    () => text().length > 0 || errors.length > 0,
    () => `${pagePath} rendered nothing`,
    options.renderTimeoutMs ?? 3000,
  );
  if (text().length === 0) {
    throw new Error(`${pagePath} failed to render; App.onError got: ${errors.join(' | ').slice(0, 1000)}`);
  }
  return page;
}
