import { Button } from '@tarojs/components';
import type { PagedList } from '../../hooks/use-paged-list';
import StateView from '../StateView';

/** The states around a paged list: loading, error with retry, empty, and the 加载更多 button. */
export function PagedListTop({
  list,
  emptyTitle,
  emptyHint,
}: {
  list: PagedList<unknown>;
  emptyTitle: string;
  emptyHint: string;
}) {
  if (list.items.length > 0) return null;
  if (list.state === 'error')
    return (
      <StateView kind="error" message={list.message} code={list.code} onRetry={() => void list.reload()} />
    );
  if (list.state === 'loading') return <StateView kind="loading" />;
  return <StateView kind="empty" title={emptyTitle} hint={emptyHint} />;
}

export function PagedListMore({ list }: { list: PagedList<unknown> }) {
  if (!list.cursor) return null;
  return (
    <Button
      className="btn btn--ghost"
      disabled={list.state === 'loading'}
      onClick={() => void list.loadMore()}
    >
      {list.state === 'loading' ? '正在加载…' : '加载更多'}
    </Button>
  );
}
