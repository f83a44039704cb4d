import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { BASIS_LABELS, LEGAL_FORM_LABELS } from '@core/dividends';
import { canManageVillage } from '@core/roles';
import Screen from '../../../../components/Screen';
import StateView, { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { useSession } from '../../../../store/session';
import SummaryFigures from '../../components/SummaryFigures';
import { routes } from '../../../../routes';
import '../../dividends.css';
import { useRefresh } from '../../../../hooks/use-refresh';
import { useShare } from '../../../../hooks/use-share';

/**
 * 合作社公示: every cooperative, its legal form and the basis the law gives it, how many shareholders, and
 * its newest published distribution in totals only — open to anyone, never a household's amount.
 */
export default function Cooperatives() {
  const session = useSession();
  const member = session.me?.status === 'bound' ? session.me.member : null;
  const coops = useRemote(() => call('dividends', 'listCooperatives', {}), []);
  useRefresh(coops.reload, { shownAgain: true });
  const list = coops.data?.cooperatives ?? null;
  useShare(routes.dividends.coops, '合作社公示', '合作社公示');
  const admin = !!member && canManageVillage(member, member.villageId);

  return (
    <Screen title="合作社公示">
      {admin && (
        <View className="row dividends-links">
          <Button
            className="btn btn--ghost"
            onClick={() =>
              void Taro.navigateTo({ url: routes.dividends.edit({ villageId: member.villageId }) })
            }
          >
            登记合作社
          </Button>
        </View>
      )}
      {!list ? (
        <RemoteState remote={coops} />
      ) : list.length === 0 ? (
        <StateView kind="empty" title="还没有合作社公示" hint="合作社公布年度分配方案后会显示在这里。" />
      ) : (
        list.map((c) => (
          <View
            key={c.coopId}
            className="card"
            data-testid="coop"
            ariaRole="button"
            ariaLabel={`${c.name}，查看详情`}
            onClick={() => void Taro.navigateTo({ url: routes.dividends.coop({ coopId: c.coopId }) })}
          >
            <Text className="card__title">{c.name}</Text>
            <View className="facts">
              <Text>
                {c.villageName} · {c.industry} · 股东 {c.shareholders} 户
              </Text>
              <Text>
                {LEGAL_FORM_LABELS[c.legalForm]}：{BASIS_LABELS[c.basis]}
              </Text>
            </View>
            {c.latest ? (
              <>
                <Text className="section-title">{c.latest.year}年度分配公示</Text>
                <SummaryFigures summary={c.latest} />
              </>
            ) : (
              <Text className="muted">还没有公布过分配方案</Text>
            )}
            <Text className="muted">点击查看详情 ›</Text>
          </View>
        ))
      )}
    </Screen>
  );
}
