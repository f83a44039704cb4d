import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { LINK_LABELS, NOTICE_KIND_LABELS, type NoticeView } from '@core/notices';
import { formatDateTime } from '@core/time';
import Screen from '../../../../components/Screen';
import { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { showNoticeBadge } from '../../../../utils/notice-badge';
import { routes } from '../../../../routes';
import '../../notices.css';
import { useRefresh } from '../../../../hooks/use-refresh';
import { useShare } from '../../../../hooks/use-share';

/** Where a notice's link leads: the briefing, the agenda item, or the village's honor board. */
function linkUrl(link: NonNullable<NoticeView['link']>): string {
  switch (link.kind) {
    case 'briefing':
      return routes.briefings.detail({ briefingId: link.id });
    case 'agenda':
      return routes.agenda.item({ itemId: link.id });
    case 'honor':
      return routes.honor.board();
  }
}

/**
 * One notice, in large type. Opening it leaves the read receipt (the cloud records it) and the tab's unread
 * count follows. Its sender and the admins overseeing it also get 送达情况.
 */
export default function NoticeDetail() {
  const noticeId = useRouter().params.id ?? '';
  const notice = useRemote(() => call('notices', 'open', { noticeId }), [noticeId]);
  useRefresh(notice.reload);
  const n = notice.data;
  useShare(routes.notices.detail({ noticeId }), n?.title, '村里的通知');
  useEffect(() => {
    if (n?.read) void showNoticeBadge();
  }, [n?.noticeId]);

  return (
    <Screen title="通知">
      {!n ? (
        <RemoteState remote={notice} />
      ) : (
        <View className="card" data-testid="notice-detail">
          <View>
            {n.urgency === 'urgent' && <Text className="tag notice-urgent">紧急</Text>}
            <Text className="tag">{NOTICE_KIND_LABELS[n.kind]}</Text>
            <Text className="tag tag--grey">发给{n.audienceLabel}</Text>
          </View>
          <Text className="notice-detail__title">{n.title}</Text>
          <Text className="muted">
            {n.senderLabel} · {formatDateTime(n.createdAt)}
          </Text>
          <Text className="notice-detail__body" userSelect>
            {n.body}
          </Text>
          {n.link && (
            <Button
              className="btn btn--ghost"
              onClick={() => void Taro.navigateTo({ url: linkUrl(n.link!) })}
            >
              {LINK_LABELS[n.link.kind]}
            </Button>
          )}
          {n.canOversee && (
            <Button
              className="btn btn--primary"
              onClick={() => void Taro.navigateTo({ url: routes.notices.coverage({ noticeId: n.noticeId }) })}
            >
              送达情况
            </Button>
          )}
        </View>
      )}
    </Screen>
  );
}
