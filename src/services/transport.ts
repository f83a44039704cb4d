/**
 * How the client reaches a cloud function. Each build carries only its own implementation, through Taro's
 * per-platform files: `transport.weapp.ts` (wx.cloud.callFunction) and `transport.h5.ts` (HTTP to the local
 * dev server). This file holds the shared type and the fallback used by unit tests and other platforms.
 * Platform files import from here with `import type` only.
 */
export type CallFunction = (name: string, data: Record<string, unknown>) => Promise<unknown>;

export function initTransport(): void {}

export const callFunction: CallFunction = async (name) => {
  throw new Error(`no transport for this platform (function ${name})`);
};
