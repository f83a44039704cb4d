import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '@core/result';

export type Remote<T> =
  | { state: 'loading'; data: T | null }
  | { state: 'ready'; data: T }
  | { state: 'error'; data: T | null; message: string; code: string };

/**
 * Loads something from the cloud for a page: loading, data or a Chinese error, and `reload` for
 * pull-to-refresh and the retry button. A reload keeps showing the old data until the new arrives.
 */
export function useRemote<T>(
  load: () => Promise<Result<T, string>>,
  deps: unknown[] = [],
): Remote<T> & { reload: () => Promise<void> } {
  const [remote, setRemote] = useState<Remote<T>>({ state: 'loading', data: null });
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setRemote((r) => ({ state: 'loading', data: r.data }));
    const result = await load();
    if (ticket !== latest.current) return;
    setRemote((r) =>
      result.ok
        ? { state: 'ready', data: result.data }
        : { state: 'error', data: r.data, message: result.error.message, code: result.error.code },
    );
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...remote, reload };
}
