import cloud from 'wx-server-sdk';

/**
 * The WeChat cloud SDK, initialised once per instance (module scope), as WeChat recommends.
 * `cloud.DYNAMIC_CURRENT_ENV` makes the same code use whichever environment it is deployed to.
 * (The SDK's typings describe the callback style too; `WxCloud.Database` is its promise-only shape.)
 */
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export const db = cloud.database() as unknown as WxCloud.Database;
export const _ = db.command;

/** Identity comes only from here, never from the event. */
export function callerOpenid(): string | null {
  const { OPENID } = cloud.getWXContext();
  return typeof OPENID === 'string' && OPENID !== '' ? OPENID : null;
}

export { cloud };
