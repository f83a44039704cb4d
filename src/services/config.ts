/**
 * The account-specific values of the mini-program, from Taro's env files at build time (only `TARO_APP_*`
 * names; Taro inlines `process.env.TARO_APP_…` as literals): `.env` (committed, offline defaults for
 * `npm start`), then `.env.local` (git-ignored, the real account; README 上线清单), then `.env.<mode>` and
 * `.env.<mode>.local` (mode = NODE_ENV, `production` for `taro build`). The cloud functions read their own
 * values from their environment (cloudfunctions/_shared/runtime.ts), set by `npm run deploy`.
 */

/** The WeChat cloud environment id the app calls (wx.cloud.init); empty: the account's default environment. */
export const CLOUD_ENV = process.env.TARO_APP_CLOUD_ENV ?? '';

/**
 * The subscribe-message template 通知提醒 (订阅消息 → 我的模板); the notices function must be deployed with the
 * same id (FN_NOTICE_TEMPLATE_ID).
 */
export const NOTICE_TEMPLATE_ID = process.env.TARO_APP_NOTICE_TEMPLATE_ID ?? '';
