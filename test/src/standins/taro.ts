/**
 * Stand-in for '@tarojs/taro' in component tests (mapped by jest moduleNameMapper).
 * Only what src/ uses; every API is a jest.fn so tests can assert calls. Add APIs as src/ needs them.
 */
import { useEffect } from 'react';

/** An API answering both ways Taro offers: a Promise, and success/complete callbacks when given. */
const resolved = (res: Record<string, unknown> = {}) =>
  jest.fn(async (...args: unknown[]) => {
    const answer = { errMsg: 'ok', ...res };
    const opts = (args[0] ?? {}) as { success?: (r: unknown) => void; complete?: (r: unknown) => void };
    opts.success?.(answer);
    opts.complete?.(answer);
    return answer;
  });

/** Page/app lifecycle hooks run once after mount, as a page being shown would. */
const onMount =
  (name: string) =>
  (callback: (...args: unknown[]) => unknown): void => {
    useEffect(() => {
      callback(name === 'useLoad' ? {} : undefined);
    }, []);
  };

export const useLaunch = onMount('useLaunch');
export const useLoad = onMount('useLoad');
export const useReady = onMount('useReady');
export const useDidShow = onMount('useDidShow');
export const useDidHide = (_callback: () => void): void => {};
export const useUnload = (_callback: () => void): void => {};
export const usePullDownRefresh = (_callback: () => void): void => {};
export const useReachBottom = (_callback: () => void): void => {};
/** Records the page's 转发 callback: tests call `jest.mocked(useShareAppMessage).mock.lastCall![0]()`. */
export const useShareAppMessage = jest.fn((_callback: (...args: unknown[]) => unknown): void => {});
/** Tests set the page query with `jest.mocked(useRouter).mockReturnValue({ params: {...}, path: '' })`. */
export const useRouter = jest.fn(() => ({ params: {} as Record<string, string>, path: '' }));

const Taro = {
  getEnv: () => 'WEAPP',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  navigateTo: resolved(),
  redirectTo: resolved(),
  switchTab: resolved(),
  reLaunch: resolved(),
  navigateBack: resolved(),
  showToast: resolved(),
  showModal: resolved({ confirm: true, cancel: false }),
  showLoading: resolved(),
  hideLoading: resolved(),
  stopPullDownRefresh: resolved(),
  openPrivacyContract: resolved(),
  getPrivacySetting: resolved({ needAuthorization: false }),
  getStorageSync: jest.fn((_key: string): unknown => ''),
  setStorageSync: jest.fn((_key: string, _value: unknown) => undefined),
  chooseMessageFile: resolved({ tempFiles: [] }),
  openDocument: resolved(),
  getCurrentPages: jest.fn(() => [{}, {}]),
  setTabBarBadge: resolved(),
  removeTabBarBadge: resolved(),
  requestSubscribeMessage: resolved({}),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(async (_opts: { name: string; data?: unknown }): Promise<{ result: unknown }> => ({
      result: undefined,
    })),
  },
  useLaunch,
  useLoad,
  useReady,
  useDidShow,
  useDidHide,
  useUnload,
  usePullDownRefresh,
  useReachBottom,
  useShareAppMessage,
  useRouter,
};

export default Taro;
