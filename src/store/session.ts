import { useSyncExternalStore } from 'react';
import type { MeData } from '@core/members';
import { call } from '../services/cloud';

/**
 * Who the current WeChat user is (the `me` action), shared by every page. Loaded once, refreshed on demand
 * (pull-to-refresh, after binding, after switching identity in the H5 build).
 */
export type Session =
  | { state: 'loading'; me: MeData | null }
  | { state: 'ready'; me: MeData }
  | { state: 'error'; me: MeData | null; message: string };

let current: Session = { state: 'loading', me: null };
let inflight: Promise<void> | null = null;
let started = false;
const listeners = new Set<() => void>();

function set(next: Session): void {
  current = next;
  for (const l of listeners) l();
}

export function refreshSession(): Promise<void> {
  started = true;
  inflight ??= (async () => {
    set({ state: 'loading', me: current.me });
    const result = await call('members', 'me', {});
    set(
      result.ok
        ? { state: 'ready', me: result.data }
        : { state: 'error', me: current.me, message: result.error.message },
    );
    inflight = null;
  })();
  return inflight;
}

export function useSession(): Session {
  if (!started) void refreshSession();
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/** For tests: forget everything. */
export function resetSession(): void {
  current = { state: 'loading', me: null };
  inflight = null;
  started = false;
}
