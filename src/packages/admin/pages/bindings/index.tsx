import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import type { BindingRequestView } from '../../../../../core/members';
import { formatDateTime } from '../../../../../core/time';
import Screen from '../../../../components/Screen';
import StateView from '../../../../components/StateView';
import { call } from '../../../../services/cloud';
import { confirm, toast } from '../../../../utils/feedback';
import './index.css';

/**
 * 身份审核: binding requests of the admin's village (all villages for a town admin), oldest first, 20 at a
 * time. Approve asks for confirmation; reject asks for the reason the applicant will see.
 */
export default function Bindings() {
  const [items, setItems] = useState<BindingRequestView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [message, setMessage] = useState('');
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async (after: string | null) => {
    setState('loading');
    const result = await call('members', 'listPending', after ? { cursor: after } : {});
    if (!result.ok) {
      setState('error');
      setMessage(result.error.message);
      return;
    }
    setItems((old) => (after ? [...old, ...result.data.items] : result.data.items));
    setCursor(result.data.nextCursor);
    setState('ready');
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);
  usePullDownRefresh(() => {
    void load(null).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (cursor && state === 'ready') void load(cursor);
  });

  const decided = (requestId: string, text: string) => {
    setItems((old) => old.filter((r) => r.requestId !== requestId));
    toast(text, 'success');
  };

  const approve = async (r: BindingRequestView) => {
    if (
      !(await confirm(
        '确认通过？',
        `${r.villageName} · ${r.name} · ${r.household}\n通过后，此微信用户将以该村民身份使用同心。`,
        '通过',
      ))
    )
      return;
    setBusy(r.requestId);
    const result = await call('members', 'approveBinding', { requestId: r.requestId });
    setBusy(null);
    if (result.ok) decided(r.requestId, '已通过');
    else toast(result.error.message);
  };

  const reject = async (r: BindingRequestView) => {
    setBusy(r.requestId);
    const result = await call('members', 'rejectBinding', { requestId: r.requestId, reason });
    setBusy(null);
    if (result.ok) {
      setRejecting(null);
      setReason('');
      decided(r.requestId, '已退回');
    } else toast(result.error.message);
  };

  return (
    <Screen title="身份审核">
      {state === 'error' && items.length === 0 && (
        <StateView kind="error" message={message} onRetry={() => void load(null)} />
      )}
      {state === 'loading' && items.length === 0 && <StateView kind="loading" />}
      {state === 'ready' && items.length === 0 && (
        <StateView kind="empty" title="没有待审核的申请" hint="村民提交绑定申请后会出现在这里。" />
      )}
      {items.map((r) => (
        <View key={r.requestId} className="card" data-testid="binding-request">
          <Text className="card__title">
            {r.name} · {r.villageName}
          </Text>
          <View className="bindings__facts">
            <Text>户号：{r.household}</Text>
            <Text>手机：{r.phoneMasked}</Text>
            <Text className="muted">提交：{formatDateTime(r.createdAt)}</Text>
            {r.possibleDuplicate && (
              <Text className="bindings__warn">名册中已有同名同户号的村民，请核实是否重复</Text>
            )}
            {r.contentCheck === 'review' && <Text className="bindings__warn">内容安全检查建议人工复核</Text>}
          </View>
          {rejecting === r.requestId ? (
            <View>
              <Textarea
                className="bindings__reason"
                value={reason}
                placeholder="请写明不通过的原因，申请人会看到"
                maxlength={100}
                onInput={(e) => setReason(e.detail.value)}
              />
              <View className="row">
                <Button className="btn btn--ghost btn--small" onClick={() => setRejecting(null)}>
                  取消
                </Button>
                <Button
                  className="btn btn--primary btn--small"
                  disabled={busy === r.requestId}
                  onClick={() => void reject(r)}
                >
                  确认退回
                </Button>
              </View>
            </View>
          ) : (
            <View className="row">
              <Button className="btn btn--ghost btn--small" onClick={() => setRejecting(r.requestId)}>
                不通过
              </Button>
              <Button
                className="btn btn--primary btn--small"
                disabled={busy === r.requestId}
                onClick={() => void approve(r)}
              >
                通过
              </Button>
            </View>
          )}
        </View>
      ))}
      {cursor && (
        <Button className="btn btn--ghost" disabled={state === 'loading'} onClick={() => void load(cursor)}>
          {state === 'loading' ? '正在加载…' : '加载更多'}
        </Button>
      )}
    </Screen>
  );
}
