/**
 * H5 local development only: the WeChat user the local dev server should believe we are (sent as X-Openid).
 * WeChat itself signs the caller's identity; in the browser we pick one on the 切换身份 page.
 */
export const DEV_OPENID_KEY = 'tongxin.dev.openid';
export const DEFAULT_DEV_OPENID = 'demo-resident-001';

export function currentDevOpenid(): string {
  try {
    return window.localStorage.getItem(DEV_OPENID_KEY) || DEFAULT_DEV_OPENID;
  } catch {
    return DEFAULT_DEV_OPENID;
  }
}

export function setDevOpenid(openid: string): void {
  window.localStorage.setItem(DEV_OPENID_KEY, openid);
}

/** A fresh WeChat user who has never used the app. */
export function newDevOpenid(): string {
  return `h5-user-${Math.random().toString(36).slice(2, 10)}`;
}
