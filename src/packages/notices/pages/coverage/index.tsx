import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  DELIVERY_LABELS,
  SEND_STATUS_LABELS,
  type DeliveryCounts,
  type NoticesOutput,
} from '@core/notices';
import { formatDateTime } from '@core/time';
import Screen from '../../../../components/Screen';
import StateView, { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { saveTextFile } from '../../../../services/save-file';
import { inform, toast } from '../../../../utils/feedback';
import '../../notices.css';
import { useRefresh } from '../../../../hooks/use-refresh';

/** While messages are still going out, the page looks again this often. */
const REFRESH_MS = 5000;
const DELIVERY_ORDER: (keyof DeliveryCounts)[] = ['sent', 'noGrant', 'unbound', 'refused', 'failed', 'pending'];

function UnreadList({ noticeId, villageId }: { noticeId: string; villageId: string }) {
  const unread = useRemote(() => call('notices', 'unreadHouseholds', { noticeId, villageId }), [noticeId, villageId]);
  const d = unread.data;
  if (!d) return <RemoteState remote={unread} />;
  if (d.households.length === 0) return <StateView kind="empty" title="这个村的每一户都已读" />;
  return (
    <View data-testid="unread-households">
      <Text className="muted">以下 {d.households.length} 户还没有人看过，请网格员上门告知：</Text>
      {d.households.map((h) => (
        <View key={h.household} className="household">
          <Text className="household__name">{h.household}</Text>
          <Text className="muted">
            {h.members
              .map((m) => `${m.name}（${m.bound ? DELIVERY_LABELS[m.delivery] : '未绑定微信'}）`)
              .join('、')}
          </Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 送达情况: for the sender and the admins overseeing a notice — households that should get it and how many have
 * read, per village; what happened to the WeChat reminders; the unread households of a village, for the grid
 * workers; and 导出未读户 as a CSV file.
 */
export default function Coverage() {
  const noticeId = useRouter().params.id ?? '';
  const coverage = useRemote(() => call('notices', 'coverage', { noticeId }), [noticeId]);
  const [open, setOpen] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  useRefresh(coverage.reload, { shownAgain: true });
  const c: NoticesOutput['coverage'] | null = coverage.data;
  const sending = c ? c.notice.status !== 'sent' : false;
  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(() => void coverage.reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [sending]);

  const exportCsv = async () => {
    setExporting(true);
    const result = await call('notices', 'exportUnread', { noticeId });
    setExporting(false);
    if (!result.ok) return toast(result.error.message);
    if (result.data.rows === 0) return toast('每一户都已读，没有要导出的');
    if (!(await saveTextFile(result.data.filename, result.data.csv))) {
      await inform('没能导出', '请稍后再试，或在电脑上打开小程序导出。');
    }
  };

  if (!c) {
    return (
      <Screen title="送达情况">
        <RemoteState remote={coverage} />
      </Screen>
    );
  }
  const pct = c.notice.households ? Math.round((c.notice.readHouseholds * 100) / c.notice.households) : 0;
  return (
    <Screen title="送达情况">
      <View className="card" data-testid="coverage">
        <View>
          <Text className={`tag${sending ? '' : ' tag--ok'}`}>{SEND_STATUS_LABELS[c.notice.status]}</Text>
          <Text className="tag tag--grey">发给{c.notice.audienceLabel}</Text>
        </View>
        <Text className="notice-detail__title">{c.notice.title}</Text>
        <Text className="muted lead">
          {c.notice.senderLabel} · {formatDateTime(c.notice.createdAt)}
        </Text>
        <View className="figures">
          <View className="figure">
            <Text className="figure__value" data-testid="read-households">
              {c.notice.readHouseholds}/{c.notice.households}
            </Text>
            <Text className="figure__label">已读户数（{pct}%）</Text>
          </View>
          <View className="figure">
            <Text className="figure__value">{c.recipients}</Text>
            <Text className="figure__label">收件人</Text>
          </View>
        </View>
      </View>

      <View className="card">
        <Text className="card__title">微信提醒</Text>
        <View className="figures" data-testid="delivery">
          {DELIVERY_ORDER.filter((k) => k !== 'pending' || c.delivery.pending > 0).map((k) => (
            <View key={k} className="figure">
              <Text className="figure__value">{c.delivery[k]}</Text>
              <Text className="figure__label">{DELIVERY_LABELS[k]}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="card">
        <Text className="card__title">各村已读情况</Text>
        {c.villages.map((v) => (
          <View key={v.villageId}>
            <View
              className="village-row"
              data-testid="village-row"
              ariaRole="button"
              ariaLabel={`${v.villageName}已读 ${v.readHouseholds}/${v.households} 户，点击${open === v.villageId ? '收起' : '查看'}未读户`}
              onClick={() => setOpen(open === v.villageId ? null : v.villageId)}
            >
              <Text>{v.villageName}</Text>
              <Text>
                已读 {v.readHouseholds}/{v.households} 户 {open === v.villageId ? '▲' : '▼'}
              </Text>
            </View>
            {open === v.villageId && <UnreadList noticeId={noticeId} villageId={v.villageId} />}
          </View>
        ))}
        <Button className="btn btn--ghost" loading={exporting} disabled={exporting} onClick={() => void exportCsv()}>
          导出未读户（表格）
        </Button>
      </View>
    </Screen>
  );
}
