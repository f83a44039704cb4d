import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ClaimSheetHousehold } from '@core/members';
import { formatDate } from '@core/time';
import Screen from '../../../../components/Screen';
import StateView from '../../../../components/StateView';
import { useRefresh } from '../../../../hooks/use-refresh';
import { call } from '../../../../services/cloud';
import { saveCloudFile } from '../../../../services/save-file';
import { toast } from '../../../../utils/feedback';
import './index.css';

interface Sheet {
  townName: string;
  villageName: string;
  households: ClaimSheetHousehold[];
  totalHouseholds: number;
  withoutCode: number;
  next: string | null;
}

/**
 * 认领码清单: every household of a village with the names and claim codes of the people not yet bound to WeChat,
 * in large type, for a 网格员 to take door to door (or print: the whole list as a spreadsheet, and in the browser
 * the page itself prints one household per block). A claimed person drops off the list.
 */
export default function ClaimSheet() {
  const villageId = useRouter().params.villageId ?? '';
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(
    async (cursor: string | null) => {
      const r = await call('members', 'claimSheet', { villageId, ...(cursor ? { cursor } : {}) });
      if (!r.ok) return setError(r.error.message);
      setError(null);
      const { nextCursor, households, ...rest } = r.data;
      setSheet((s) => ({
        ...rest,
        households: cursor && s ? [...s.households, ...households] : households,
        next: nextCursor,
      }));
    },
    [villageId],
  );
  useEffect(() => {
    void load(null);
  }, [load]);
  useRefresh(() => load(null));

  const loadMore = async () => {
    if (!sheet?.next) return;
    setMore(true);
    await load(sheet.next);
    setMore(false);
  };

  const exportSheet = async () => {
    setExporting(true);
    const r = await call('members', 'exportClaimSheet', { villageId });
    setExporting(false);
    if (!r.ok) return toast(r.error.message);
    if (!(await saveCloudFile(r.data))) toast('没有导出，请稍后再试');
  };

  if (!sheet) {
    return (
      <Screen title="认领码清单">
        {error ? (
          <StateView kind="error" message={error} onRetry={() => void load(null)} />
        ) : (
          <StateView kind="loading" />
        )}
      </Screen>
    );
  }
  return (
    <Screen title="认领码清单">
      <View className="card stack claim-sheet__intro">
        <Text className="card__title">
          {sheet.townName}
          {sheet.villageName} 认领码清单
        </Text>
        <Text>
          共 {sheet.totalHouseholds}{' '}
          户有待绑定的村民。请把认领码当面交给本人或家属，本人在“我的”页面选择“我有村干部给的认领码”输入。
        </Text>
        {sheet.withoutCode > 0 && (
          <Text className="muted">
            另有 {sheet.withoutCode} 位未绑定的村民没有认领码，可在村民名册里单独发放。
          </Text>
        )}
        <Button
          className="btn btn--primary"
          ariaLabel="把认领码清单导出为表格"
          loading={exporting}
          disabled={exporting}
          onClick={() => void exportSheet()}
        >
          导出表格（可打印）
        </Button>
      </View>
      {sheet.households.length === 0 && (
        <StateView kind="empty" title="没有待绑定的村民" hint="导入名册后，还没绑定微信的村民会列在这里。" />
      )}
      {sheet.households.map((h) => (
        <View key={`${h.teamName ?? ''}-${h.household}`} className="card claim-sheet__household">
          <Text className="claim-sheet__household-title">
            {h.teamName ? `${h.teamName} · ` : ''}
            {h.household}
          </Text>
          {h.people.map((p) => (
            <View key={p.residentId} className="claim-sheet__person">
              <Text className="claim-sheet__name">{p.name}</Text>
              <Text className="claim-sheet__code">{p.code}</Text>
              <Text className="muted">有效期至 {formatDate(p.expiresAt)}</Text>
            </View>
          ))}
        </View>
      ))}
      {sheet.next && (
        <Button
          className="btn btn--ghost"
          ariaLabel="加载更多户"
          loading={more}
          disabled={more}
          onClick={() => void loadMore()}
        >
          加载更多
        </Button>
      )}
    </Screen>
  );
}
