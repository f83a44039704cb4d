import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { NOTICE_KIND_LABELS, type NoticeSummary } from '@core/notices';
import { formatDateTime } from '@core/time';
import Screen from '../../components/Screen';
import { PagedListMore, PagedListTop } from '../../components/PagedListStatus';
import { usePagedList } from '../../hooks/use-paged-list';
import { useShownAgain } from '../../hooks/use-shown-again';
import { call } from '../../services/cloud';
import { NOTICE_TEMPLATE_ID } from '../../services/config';
import { askForReminders } from '../../services/subscribe';
import { toast } from '../../utils/feedback';
import { showNoticeBadge } from '../../utils/notice-badge';
import { routes } from '../../routes';
import './index.css';

interface Extras {
  unread: number;
  grantsLeft: number;
  canSend: boolean;
}

/**
 * 通知: the notices addressed to the resident (their village, the town, their groups), newest first, unread
 * ones marked; the unread count on the tab. 开启提醒 asks WeChat for one more reminder (one per consent).
 * Senders get 发通知 and 已发通知.
 */
export default function Notices() {
  const [extras, setExtras] = useState<Extras | null>(null);
  const list = usePagedList<NoticeSummary>(
    useCallback(async (cursor: string | null) => {
      const result = await call('notices', 'inbox', cursor ? { cursor } : {});
      if (!result.ok) return result;
      const { notices, nextCursor, unread, grantsLeft, canSend } = result.data;
      if (unread !== undefined) {
        setExtras({ unread, grantsLeft: grantsLeft ?? 0, canSend: canSend ?? false });
        void showNoticeBadge(unread);
      }
      return { ok: true as const, data: { items: notices, nextCursor } };
    }, []),
  );
  useEffect(() => {
    void list.reload();
  }, []);
  useShownAgain(() => {
    void list.reload();
  });

  const [asking, setAsking] = useState(false);
  const remind = async () => {
    setAsking(true);
    const answers = await askForReminders([NOTICE_TEMPLATE_ID]);
    if (!answers) {
      setAsking(false);
      return toast('没能打开微信提醒，请稍后再试');
    }
    const result = await call('notices', 'subscribe', { results: answers });
    setAsking(false);
    if (!result.ok) return toast(result.error.message);
    setExtras((e) => (e ? { ...e, grantsLeft: result.data.grantsLeft } : e));
    toast(answers[NOTICE_TEMPLATE_ID] === 'accept' ? '已开启，下一条通知会在微信提醒您' : '没有开启提醒');
  };

  return (
    <Screen title="通知">
      {extras && (
        <View className="card notices__remind" data-testid="reminders">
          <Text className="notices__remind-text">
            {extras.grantsLeft > 0
              ? `有新通知时微信会提醒您（还可提醒 ${extras.grantsLeft} 次）`
              : '开启后，有新通知时微信会提醒您'}
          </Text>
          <Button className="btn btn--primary btn--small" disabled={asking} onClick={() => void remind()}>
            {extras.grantsLeft > 0 ? '再开启一次' : '开启提醒'}
          </Button>
        </View>
      )}
      {extras?.canSend && (
        <View className="row notices__senders">
          <Button
            className="btn btn--primary"
            onClick={() => void Taro.navigateTo({ url: routes.notices.compose })}
          >
            发通知
          </Button>
          <Button
            className="btn btn--ghost"
            onClick={() => void Taro.navigateTo({ url: routes.notices.sent })}
          >
            已发通知
          </Button>
        </View>
      )}
      <PagedListTop
        list={list}
        emptyTitle="暂时没有通知"
        emptyHint="联盟小组和村委发布的通知会显示在这里。"
      />
      {list.items.map((n) => (
        <View
          key={n.noticeId}
          className={`card notice${n.read ? '' : ' notice--unread'}`}
          data-testid="notice"
          ariaRole="button"
          ariaLabel={`${n.read ? '' : '未读，'}${n.urgency === 'urgent' ? '紧急，' : ''}${n.title}`}
          onClick={() => void Taro.navigateTo({ url: routes.notices.detail({ noticeId: n.noticeId }) })}
        >
          <View>
            {!n.read && <Text className="notice__dot">未读</Text>}
            {n.urgency === 'urgent' && <Text className="tag notice__urgent">紧急</Text>}
            <Text className="tag">{NOTICE_KIND_LABELS[n.kind]}</Text>
          </View>
          <Text className="notice__title">{n.title}</Text>
          <Text className="muted">
            {n.senderLabel} · 发给{n.audienceLabel} · {formatDateTime(n.createdAt)}
          </Text>
        </View>
      ))}
      <PagedListMore list={list} />
    </Screen>
  );
}
