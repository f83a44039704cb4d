import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { BriefingSummary, CategoryView, SearchHit } from '@core/briefings';
import { formatDate } from '@core/time';
import { useShownAgain } from '../../../../hooks/use-shown-again';
import Screen from '../../../../components/Screen';
import { PagedListMore, PagedListTop } from '../../../../components/PagedListStatus';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { call } from '../../../../services/cloud';
import { useSession } from '../../../../store/session';
import { canPublishSomewhere, disclosureTag } from '../../briefings';
import { routes } from '../../../../routes';
import '../../briefings.css';

/** 全部, one category, or only the public disclosures (公示). */
type Filter = { kind: 'all' } | { kind: 'category'; categoryId: string } | { kind: 'disclosures' };

/**
 * 政策宣讲: the town's and the village's briefings, newest first, by category or only the 公示; a search box
 * that finds a word anywhere in the text. Publishers get 发布宣讲.
 */
export default function BriefingList() {
  const session = useSession();
  const member = session.me?.status === 'bound' ? session.me.member : null;
  const [filter, setFilter] = useState<Filter>({ kind: 'all' });
  const [categories, setCategories] = useState<CategoryView[]>([]);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');

  const list = usePagedList<BriefingSummary | SearchHit>(
    useCallback(
      async (cursor: string | null) => {
        const page = cursor ? { cursor } : {};
        if (query) return call('briefings', 'search', { query, ...page });
        const result = await call('briefings', 'list', {
          ...(filter.kind === 'category' ? { categoryId: filter.categoryId } : {}),
          ...(filter.kind === 'disclosures' ? { disclosures: true } : {}),
          ...page,
        });
        if (result.ok && result.data.categories) setCategories(result.data.categories);
        return result;
      },
      [filter, query],
    ),
  );
  useEffect(() => {
    void list.reload();
  }, [filter, query]);
  useShownAgain(() => {
    void list.reload();
  });

  const chip = (on: boolean, text: string, pick: Filter) => (
    <Text
      ariaRole="button"
      key={text}
      className={`chip${on ? ' chip--on' : ''}`}
      onClick={() => {
        setQuery('');
        setTyped('');
        setFilter(pick);
      }}
    >
      {text}
    </Text>
  );

  return (
    <Screen title="政策宣讲">
      {canPublishSomewhere(member) && (
        <View className="row" style={{ marginBottom: '24px' }}>
          <Button
            className="btn btn--primary"
            onClick={() => void Taro.navigateTo({ url: routes.briefings.edit() })}
          >
            发布宣讲
          </Button>
        </View>
      )}

      <View className="brief-search">
        <Input
          className="input"
          data-testid="search-input"
          value={typed}
          placeholder="搜索政策，如：养老保险"
          confirmType="search"
          maxlength={60}
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setQuery(typed.trim())}
        />
        <Button className="btn btn--ghost btn--small" onClick={() => setQuery(typed.trim())}>
          搜索
        </Button>
      </View>

      {query ? (
        <View className="row" style={{ marginBottom: '24px' }}>
          <Text className="muted">“{query}”的搜索结果</Text>
          <Text
            ariaRole="button"
            className="chip"
            onClick={() => {
              setQuery('');
              setTyped('');
            }}
          >
            清除搜索
          </Text>
        </View>
      ) : (
        <View className="chips" data-testid="category-filter">
          {chip(filter.kind === 'all', '全部', { kind: 'all' })}
          {categories.map((c) =>
            chip(filter.kind === 'category' && filter.categoryId === c.categoryId, c.name, {
              kind: 'category',
              categoryId: c.categoryId,
            }),
          )}
          {chip(filter.kind === 'disclosures', '公示', { kind: 'disclosures' })}
        </View>
      )}

      <PagedListTop
        list={list}
        emptyTitle={query ? `没有找到含“${query}”的宣讲` : '这里还没有宣讲'}
        emptyHint={query ? '换个词试试，比如“补贴”“养老”。' : '政策解读组发布的政策会出现在这里。'}
      />
      {list.items.map((b) => {
        const tag = disclosureTag(b);
        return (
          <View
            key={b.briefingId}
            className="card brief-card"
            data-testid="briefing"
            ariaRole="button"
            ariaLabel={`${b.categoryName}：${b.title}`}
            onClick={() =>
              void Taro.navigateTo({ url: routes.briefings.detail({ briefingId: b.briefingId }) })
            }
          >
            <View>
              <Text className="tag">{b.categoryName}</Text>
              {tag && <Text className={`tag${tag.grey ? ' tag--grey' : ' tag--ok'}`}>{tag.text}</Text>}
              {b.scope.kind === 'village' && <Text className="tag tag--grey">{b.scope.label}</Text>}
            </View>
            <Text className="brief-card__title">{b.title}</Text>
            {'snippet' in b ? (
              <Text className="brief-card__snippet">{b.snippet}</Text>
            ) : (
              <Text className="brief-card__summary">{b.summary}</Text>
            )}
            <Text className="muted">
              {formatDate(b.publishedAt)} · 已学习 {b.learnedCount} 人
              {b.attachmentCount ? ` · 附件 ${b.attachmentCount}` : ''}
            </Text>
          </View>
        );
      })}
      <PagedListMore list={list} />
    </Screen>
  );
}
