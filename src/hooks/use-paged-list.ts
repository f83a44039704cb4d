import { useCallback, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { Page } from '@core/members';
import type { Result } from '@core/result';

export interface PagedList<T> {
  items: T[];
  /** The next page's cursor, or null when everything is loaded. */
  cursor: string | null;
  state: 'loading' | 'ready' | 'error';
  message: string;
  /** The error's code ('' unless `error`): NOT_BOUND offers 去绑定 instead of a retry. */
  code: string;
  /** Loads the first page again (pull-to-refresh, retry, a new search). */
  reload: () => Promise<void>;
  /** Loads the next page (reaching the bottom, or 加载更多). */
  loadMore: () => Promise<void>;
  /** Removes items locally, e.g. a request just decided. */
  remove: (keep: (item: T) => boolean) => void;
}

/**
 * A list loaded page by page with keyset cursors: first page on `reload`, more on reaching the bottom or
 * 加载更多, pull-to-refresh starting over. `fetchPage` must be memoised on what selects the list.
 */
export function usePagedList<T>(
  fetchPage: (cursor: string | null) => Promise<Result<Page<T>, string>>,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<PagedList<T>['state']>('loading');
  const [message, setMessage] = useState('');
  const [code, setCode] = useState('');

  const load = useCallback(
    async (after: string | null) => {
      setState('loading');
      const result = await fetchPage(after);
      if (!result.ok) {
        setState('error');
        setMessage(result.error.message);
        setCode(result.error.code);
        return;
      }
      setItems((old) => (after ? [...old, ...result.data.items] : result.data.items));
      setCursor(result.data.nextCursor);
      setCode('');
      setState('ready');
    },
    [fetchPage],
  );
  const reload = useCallback(() => load(null), [load]);
  const loadMore = useCallback(async () => {
    if (cursor && state === 'ready') await load(cursor);
  }, [cursor, state, load]);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void loadMore();
  });
  return {
    items,
    cursor,
    state,
    message,
    code,
    reload,
    loadMore,
    remove: (keep) => setItems((old) => old.filter(keep)),
  };
}
