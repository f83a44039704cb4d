import type { CallFunction } from './transport';
import { currentDevOpenid } from './dev-identity';

export function initTransport(): void {}

/** POST /api/<function> on the local dev server, with the chosen demo identity as X-Openid. */
export const callFunction: CallFunction = async (name, data) => {
  const res = await fetch(`/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Openid': currentDevOpenid() },
    body: JSON.stringify(data),
  });
  const body = (await res.json().catch(() => null)) as unknown;
  // The function's own result (ok or a structured error) is the answer even with a 4xx status.
  if (body && typeof body === 'object' && 'ok' in body) return body;
  throw new Error(`function ${name} answered HTTP ${res.status}`);
};
