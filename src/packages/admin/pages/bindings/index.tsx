import { useCallback, useEffect, useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import type { BindingRequestView } from '@core/members';
import { formatDateTime } from '@core/time';
import Screen from '../../../../components/Screen';
import { PagedListMore, PagedListTop } from '../../../../components/PagedListStatus';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { call } from '../../../../services/cloud';
import { confirm, toast } from '../../../../utils/feedback';
import './index.css';

/**
 * 身份审核: binding requests of the admin's village (all villages for a town admin), oldest first, 20 at a
 * time. Approve asks for confirmation; reject asks for the reason the applicant will see.
 */
export default function Bindings() {
  const list = usePagedList(
    useCallback((cursor: string | null) => call('members', 'listPending', cursor ? { cursor } : {}), []),
  );
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    void list.reload();
  }, []);

  const decided = (requestId: string, text: string) => {
    list.remove((r) => r.requestId !== requestId);
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
      <PagedListTop list={list} emptyTitle="没有待审核的申请" emptyHint="村民提交绑定申请后会出现在这里。" />
      {list.items.map((r) => (
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
      <PagedListMore list={list} />
    </Screen>
  );
}
