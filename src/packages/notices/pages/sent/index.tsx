import { useCallback, useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SEND_STATUS_LABELS, type SentSummary } from '@core/notices';
import { formatDateTime } from '@core/time';
import Screen from '../../../../components/Screen';
import { PagedListMore, PagedListTop } from '../../../../components/PagedListStatus';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useShownAgain } from '../../../../hooks/use-shown-again';
import { call } from '../../../../services/cloud';
import { routes } from '../../../../routes';
import '../../notices.css';

/** 已发通知: what the sender sent (admins: everything to the villages they oversee), with households read. */
export default function SentNotices() {
  const list = usePagedList<SentSummary>(
    useCallback(async (cursor: string | null) => {
      const result = await call('notices', 'sent', cursor ? { cursor } : {});
      return result.ok
        ? { ok: true as const, data: { items: result.data.notices, nextCursor: result.data.nextCursor } }
        : result;
    }, []),
  );
  useEffect(() => {
    void list.reload();
  }, []);
  useShownAgain(() => {
    void list.reload();
  });

  return (
    <Screen title="已发通知">
      <PagedListTop list={list} emptyTitle="还没有发过通知" emptyHint="在“通知”页点“发通知”。" />
      {list.items.map((n) => (
        <View
          key={n.noticeId}
          className="card"
          data-testid="sent-notice"
          ariaRole="button"
          ariaLabel={`${n.title}，查看送达情况`}
          onClick={() => void Taro.navigateTo({ url: routes.notices.coverage({ noticeId: n.noticeId }) })}
        >
          <View>
            {n.urgency === 'urgent' && <Text className="tag notice-urgent">紧急</Text>}
            <Text className={`tag${n.status === 'sent' ? ' tag--ok' : ''}`}>
              {SEND_STATUS_LABELS[n.status]}
            </Text>
            <Text className="tag tag--grey">发给{n.audienceLabel}</Text>
          </View>
          <Text className="notice-detail__title">{n.title}</Text>
          <Text className="muted">
            已读 {n.readHouseholds}/{n.households} 户 · {n.senderLabel} · {formatDateTime(n.createdAt)}
          </Text>
        </View>
      ))}
      <PagedListMore list={list} />
    </Screen>
  );
}
