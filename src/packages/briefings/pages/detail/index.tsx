import { useEffect, useState } from 'react';
import Taro, { useRouter, useUnload } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { DISCLOSURE_LABELS, WITHDRAW_REASON_MAX, type BriefingsOutput } from '@core/briefings';
import { formatDate, formatDateTime } from '@core/time';
import Screen from '../../../../components/Screen';
import { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { openCloudFile } from '../../../../services/files';
import { speak, speechSupported, stopSpeaking } from '../../../../services/speech';
import { confirm, toast } from '../../../../utils/feedback';
import RichBody from '../../components/RichBody';
import { routes } from '../../../../routes';
import '../../briefings.css';
import './index.css';
import { useRefresh } from '../../../../hooks/use-refresh';
import { useShare } from '../../../../hooks/use-share';

/** Opens an attachment: WeChat's document viewer, or a new browser tab in the H5 build. */
async function openAttachment(fileId: string): Promise<void> {
  try {
    await Taro.showLoading({ title: '正在打开…' });
    await openCloudFile(fileId);
  } catch {
    toast('附件打开失败，请稍后再试');
  } finally {
    void Taro.hideLoading();
  }
}

/**
 * One briefing: title, category, who published it and when, the 公示 period, the body in large text, 朗读,
 * attachments, and the big 我已学习 button with the count. Its managers also edit, withdraw, and see who
 * learned it by village. One call opens it.
 */
export default function BriefingPage() {
  const briefingId = useRouter().params.id ?? '';
  const page = useRemote(() => call('briefings', 'get', { briefingId }), [briefingId]);
  const [speaking, setSpeaking] = useState(false);
  const [marking, setMarking] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const [stats, setStats] = useState<BriefingsOutput['readStats'] | null>(null);

  useRefresh(page.reload, { shownAgain: true });
  useShare(routes.briefings.detail({ briefingId }), page.data?.title, '政策宣讲');
  useUnload(() => stopSpeaking());
  useEffect(() => () => stopSpeaking(), []);

  if (!page.data) {
    return (
      <Screen title="政策宣讲">
        <RemoteState remote={page} />
      </Screen>
    );
  }
  const b = page.data;

  const toggleSpeech = () => {
    if (speaking) {
      stopSpeaking();
      setSpeaking(false);
    } else if (b.speech) {
      setSpeaking(true);
      speak(b.speech, () => setSpeaking(false));
    }
  };

  const markLearned = async () => {
    setMarking(true);
    const res = await call('briefings', 'markLearned', { briefingId });
    setMarking(false);
    if (!res.ok) return toast(res.error.message);
    toast('已记录，谢谢您认真学习', 'success');
    void page.reload();
  };

  const withdraw = async () => {
    if (reason.trim().length < 2) return toast('请填写撤回原因');
    if (!(await confirm('撤回这篇宣讲？', '撤回后村民在列表和搜索里看不到它，页面只显示撤回原因。', '撤回')))
      return;
    const res = await call('briefings', 'withdraw', { briefingId, reason: reason.trim() });
    if (!res.ok) return toast(res.error.message);
    setWithdrawing(false);
    toast('已撤回', 'success');
    void page.reload();
  };

  const loadStats = async () => {
    const res = await call('briefings', 'readStats', { briefingId });
    if (!res.ok) return toast(res.error.message);
    setStats(res.data);
  };

  return (
    <Screen title="政策宣讲">
      {b.status === 'withdrawn' && (
        <Text className="brief__withdrawn" data-testid="withdrawn">
          这篇宣讲已于 {b.withdrawnAt ? formatDate(b.withdrawnAt) : ''} 撤回：{b.withdrawReason}
        </Text>
      )}
      <View className="card">
        <View>
          <Text className="tag">{b.categoryName}</Text>
          <Text className="tag tag--grey">{b.scope.label}</Text>
        </View>
        <Text className="brief__title" data-testid="briefing-title">
          {b.title}
        </Text>
        <Text
          ariaRole="button"
          className="muted"
          onClick={() => void Taro.navigateTo({ url: routes.briefings.versions({ briefingId }) })}
        >
          {b.authorName} 发布 · {formatDate(b.publishedAt)}
          {b.version > 1 ? ` · 第 ${b.version} 版（${formatDate(b.updatedAt)} 修改，点此看历史）` : ''}
        </Text>
        <Text className="brief__summary">{b.summary}</Text>

        {b.disclosure && (
          <View className="brief-period" data-testid="disclosure">
            <Text className="brief-period__line">
              公示期：{formatDateTime(b.disclosure.startsAt)} 至 {formatDateTime(b.disclosure.endsAt)}
            </Text>
            <Text className="brief-period__line">
              <Text className={`tag${b.disclosure.state === 'open' ? ' tag--ok' : ' tag--grey'}`}>
                {DISCLOSURE_LABELS[b.disclosure.state]}
              </Text>
              {b.disclosure.state === 'open' ? '有异议请在公示期内向村务监督委员会反映' : ''}
            </Text>
          </View>
        )}

        {b.speech && speechSupported() && (
          <Button className="btn btn--ghost" data-testid="speak" onClick={toggleSpeech}>
            {speaking ? '停止朗读' : '朗读给我听'}
          </Button>
        )}
        {b.nodes && <RichBody nodes={b.nodes} />}
      </View>

      {b.attachments.length > 0 && (
        <View className="card">
          <Text className="section-title">附件</Text>
          {b.attachments.map((a) => (
            <View
              key={a.fileId}
              className="brief__attachment"
              onClick={() => void openAttachment(a.fileId)}
              ariaRole="button"
              ariaLabel={`打开附件：${a.name}`}
            >
              <Text>{a.name}</Text>
              <Text className="muted">打开 ›</Text>
            </View>
          ))}
        </View>
      )}

      <View className="card">
        {b.learned ? (
          <Button className="btn brief__learn" disabled data-testid="learned">
            ✓ 我已学习
          </Button>
        ) : b.canLearn ? (
          <Button
            className="btn btn--primary brief__learn"
            data-testid="learn"
            disabled={marking}
            onClick={() => void markLearned()}
          >
            {marking ? '正在记录…' : '我已学习'}
          </Button>
        ) : (
          b.status === 'published' && <Text className="muted">绑定村民身份后，可以标记“已学习”。</Text>
        )}
        <Text className="muted" data-testid="learned-count">
          已有 {b.learnedCount} 人学习
        </Text>
      </View>

      {b.canManage && (
        <View className="card" data-testid="manage">
          <Text className="section-title">管理</Text>
          {b.status === 'published' && (
            <View className="row">
              <Button
                className="btn btn--ghost"
                onClick={() => void Taro.navigateTo({ url: routes.briefings.edit({ briefingId }) })}
              >
                修改
              </Button>
              <Button className="btn btn--ghost" onClick={() => setWithdrawing((w) => !w)}>
                撤回
              </Button>
            </View>
          )}
          {withdrawing && (
            <View>
              <Textarea
                className="input"
                value={reason}
                maxlength={WITHDRAW_REASON_MAX}
                placeholder="撤回原因（村民会看到）"
                onInput={(e) => setReason(e.detail.value)}
              />
              <Button className="btn btn--primary" onClick={() => void withdraw()}>
                确认撤回
              </Button>
            </View>
          )}
          <Button className="btn btn--ghost" onClick={() => void loadStats()}>
            按村查看学习人数
          </Button>
          {stats && (
            <View data-testid="stats">
              <Text className="muted">共 {stats.total} 人已学习</Text>
              {stats.villages.length === 0 && <Text className="muted">还没有人标记已学习。</Text>}
              {stats.villages.map((v) => (
                <View key={v.villageId} className="brief__stat">
                  <Text>{v.villageName}</Text>
                  <Text>{v.learned} 人</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      )}
    </Screen>
  );
}
