import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { MyDividend } from '@core/dividends';
import Screen from '../../../../components/Screen';
import StateView, { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import DividendLine from '../../components/DividendLine';
import WhatIf from '../../components/WhatIf';
import { routes } from '../../../../routes';
import '../../dividends.css';
import { useRefresh } from '../../../../hooks/use-refresh';

/** The household's dividends by cooperative, each cooperative's newest year (and version) first. */
function byCooperative(dividends: MyDividend[]): { coopId: string; coopName: string; items: MyDividend[] }[] {
  const sorted = [...dividends].sort(
    (a, b) => b.summary.year - a.summary.year || b.summary.version - a.summary.version,
  );
  const groups = new Map<string, { coopId: string; coopName: string; items: MyDividend[] }>();
  for (const d of sorted) {
    const group = groups.get(d.summary.coopId) ?? {
      coopId: d.summary.coopId,
      coopName: d.summary.coopName,
      items: [],
    };
    group.items.push(d);
    groups.set(d.summary.coopId, group);
  }
  return [...groups.values()];
}

/**
 * 我的分红: what the household got from each cooperative it holds shares in, per year, with everything needed
 * to check it — and 如果盈余是… to see what another profit would have given. 合作社公示 is always reachable,
 * also for users not bound to a household (who see why there is nothing of their own).
 */
export default function MyDividends() {
  const mine = useRemote(() => call('dividends', 'myDividends', {}), []);
  useRefresh(mine.reload);
  const data = mine.data;

  return (
    <Screen title="我的分红">
      <View className="row dividends-links">
        <Button
          className="btn btn--ghost"
          onClick={() => void Taro.navigateTo({ url: routes.dividends.coops })}
        >
          查看合作社公示
        </Button>
      </View>
      {!data ? (
        <RemoteState remote={mine} />
      ) : data.dividends.length === 0 ? (
        <StateView
          kind="empty"
          title="您家还没有合作社分红记录"
          hint="合作社公布年度分红后，您家分到多少、怎么算的，都会显示在这里。"
        />
      ) : (
        <>
          {data.household && <Text className="muted lead">户号：{data.household}</Text>}
          {byCooperative(data.dividends).map((group) => (
            <View key={group.coopId} data-testid="coop-group">
              <Text className="coop-group__title">{group.coopName}</Text>
              {group.items.map((d) => (
                <DividendLine
                  key={d.summary.distributionId}
                  title={`${d.summary.year}年度分红`}
                  summary={d.summary}
                  legalForm={d.legalForm}
                  line={d.line}
                >
                  {!d.summary.supersededBy && (
                    <WhatIf
                      distributionId={d.summary.distributionId}
                      profitFen={d.summary.profitFen}
                      amountFen={d.line.amountFen}
                    />
                  )}
                </DividendLine>
              ))}
            </View>
          ))}
        </>
      )}
    </Screen>
  );
}
