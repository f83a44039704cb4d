/**
 * A small stand-in for the mini-program's `wx` object: just what Taro's runtime and this app touch.
 * Every API call is recorded in `calls`, so tests can assert e.g. that a tap navigated somewhere.
 *
 * Taro builds `Taro.X` from `Object.keys(wx)` at start-up, so an API exists for the app only if it
 * is an own property here (a Proxy that invents functions would not help).
 */
export interface WxCall {
  api: string;
  args: unknown[];
}

export interface CloudFunctionStub {
  (data: Record<string, unknown>): unknown;
}

export interface WxStandInOptions {
  /** Results for wx.cloud.callFunction by function name; a missing name rejects like the real cloud. */
  cloudFunctions?: Record<string, CloudFunctionStub>;
  /** Extra or replacement APIs. */
  overrides?: Record<string, unknown>;
}

export interface WxStandIn {
  wx: Record<string, unknown>;
  calls: WxCall[];
  callsTo(api: string): WxCall[];
}

type AsyncOptions = {
  success?: (res: unknown) => void;
  fail?: (err: unknown) => void;
  complete?: (res: unknown) => void;
  [key: string]: unknown;
};

export function createWxStandIn(options: WxStandInOptions = {}): WxStandIn {
  const calls: WxCall[] = [];
  const storage = new Map<string, unknown>();
  const record = (api: string, args: unknown[]) => calls.push({ api, args });

  /** An async wx API: records the call, then answers through success/complete like WeChat does. */
  const asyncApi =
    (api: string, result: (opts: AsyncOptions) => unknown = () => ({ errMsg: `${api}:ok` })) =>
    (opts: AsyncOptions = {}) => {
      record(api, [opts]);
      let res: unknown;
      try {
        res = result(opts);
      } catch (err) {
        const fail = { errMsg: `${api}:fail ${(err as Error).message}` };
        setTimeout(() => {
          opts.fail?.(fail);
          opts.complete?.(fail);
        }, 0);
        return undefined;
      }
      setTimeout(() => {
        opts.success?.(res);
        opts.complete?.(res);
      }, 0);
      return undefined;
    };

  const syncApi =
    <T>(api: string, value: (...args: unknown[]) => T) =>
    (...args: unknown[]): T => {
      record(api, args);
      return value(...args);
    };

  const windowInfo = {
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 812,
    statusBarHeight: 44,
    safeArea: { top: 44, left: 0, right: 375, bottom: 778, width: 375, height: 734 },
  };
  const systemInfo = {
    ...windowInfo,
    brand: 'devtools',
    model: 'iPhone X',
    system: 'iOS 16.0',
    platform: 'devtools',
    version: '8.0.50',
    SDKVersion: '3.5.0',
    language: 'zh_CN',
    fontSizeSetting: 16,
  };

  const cloudFunctions = options.cloudFunctions ?? {};
  const cloud = {
    init: syncApi('cloud.init', () => undefined),
    // wx.cloud.callFunction returns a Promise when no callbacks are given (what Taro.cloud uses).
    callFunction: (opts: { name: string; data?: Record<string, unknown> } & AsyncOptions) => {
      record('cloud.callFunction', [opts]);
      const fn = cloudFunctions[opts.name];
      const promise = fn
        ? Promise.resolve().then(() => ({ result: fn(opts.data ?? {}), errMsg: 'cloud.callFunction:ok' }))
        : Promise.reject(new Error(`cloud.callFunction:fail FUNCTION_NOT_FOUND ${opts.name}`));
      if (opts.success || opts.fail || opts.complete) {
        promise.then(
          (res) => {
            opts.success?.(res);
            opts.complete?.(res);
          },
          (err) => {
            opts.fail?.(err);
            opts.complete?.(err);
          },
        );
        return undefined;
      }
      return promise;
    },
  };

  const wx: Record<string, unknown> = {
    // Environment
    getSystemInfoSync: syncApi('getSystemInfoSync', () => systemInfo),
    getWindowInfo: syncApi('getWindowInfo', () => windowInfo),
    getAppBaseInfo: syncApi('getAppBaseInfo', () => ({
      SDKVersion: systemInfo.SDKVersion,
      language: 'zh_CN',
      version: systemInfo.version,
      fontSizeSetting: systemInfo.fontSizeSetting,
    })),
    getSystemInfo: asyncApi('getSystemInfo', () => systemInfo),
    canIUse: syncApi('canIUse', () => true),
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    // Navigation: recorded only (the harness renders one page at a time).
    navigateTo: asyncApi('navigateTo'),
    redirectTo: asyncApi('redirectTo'),
    switchTab: asyncApi('switchTab'),
    reLaunch: asyncApi('reLaunch'),
    navigateBack: asyncApi('navigateBack'),
    // UI feedback
    showToast: asyncApi('showToast'),
    showModal: asyncApi('showModal', () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })),
    showLoading: asyncApi('showLoading'),
    hideLoading: asyncApi('hideLoading'),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle'),
    // Storage
    setStorageSync: syncApi('setStorageSync', (key, value) => void storage.set(String(key), value)),
    getStorageSync: syncApi('getStorageSync', (key) => storage.get(String(key)) ?? ''),
    removeStorageSync: syncApi('removeStorageSync', (key) => void storage.delete(String(key))),
    // Privacy (base library >= 2.32.3)
    getPrivacySetting: asyncApi('getPrivacySetting', () => ({
      needAuthorization: false,
      privacyContractName: '《隐私保护指引》',
      errMsg: 'getPrivacySetting:ok',
    })),
    openPrivacyContract: asyncApi('openPrivacyContract'),
    onNeedPrivacyAuthorization: syncApi('onNeedPrivacyAuthorization', () => undefined),
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize'),
    // Selector queries (Taro's createSelectorQuery wraps exec in nextTick)
    createSelectorQuery: syncApi('createSelectorQuery', () => {
      const q = {
        in: () => q,
        select: () => q,
        selectAll: () => q,
        selectViewport: () => q,
        boundingClientRect: () => q,
        scrollOffset: () => q,
        fields: () => q,
        exec: (cb?: (res: unknown[]) => void) => setTimeout(() => cb?.([]), 0),
      };
      return q;
    }),
    cloud,
    ...options.overrides,
  };

  return {
    wx,
    calls,
    callsTo: (api) => calls.filter((c) => c.api === api),
  };
}
