import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  BASIS_LABELS,
  LEGAL_FORM_LABELS,
  SHARE_CLASSES,
  SHARE_CLASS_LABELS,
  yuan,
  type CooperativeView,
} from '@core/dividends';
import Screen from '../../../../components/Screen';
import { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { fromHundredths } from '@core/decimal';
import { call } from '../../../../services/cloud';
import { DistributionTags } from '../../components/DividendLine';
import RosterTable from '../../components/RosterTable';
import { percentOfBp } from '../../dividends';
import { routes } from '../../../../routes';
import '../../dividends.css';
import { useRefresh } from '../../../../hooks/use-refresh';
import { useShare } from '../../../../hooks/use-share';

/** The cooperative's rule in words: the split, the transaction return, and how holdings become shares. */
function RuleCard({ c }: { c: CooperativeView }) {
  const weights = SHARE_CLASSES.map((k) => c.terms.weights[k]);
  const equal = weights.every((w) => w === 100);
  return (
    <View className="card facts" data-testid="rule">
      <Text className="card__title">分配办法</Text>
      <Text>
        {LEGAL_FORM_LABELS[c.legalForm]}：{BASIS_LABELS[c.basis]}
      </Text>
      <Text>
        可分配盈余：运营保障 {percentOfBp(c.rule.reserveBp)}，村集体 {percentOfBp(c.rule.collectiveBp)}
        ，股民分红 {percentOfBp(c.rule.membersBp)}
      </Text>
      {c.basis === 'transactions' && (
        <Text>股民分红中按交易量返还 {percentOfBp(c.transactionReturnBp)}，其余按股份分配</Text>
      )}
      <Text>
        折股：资金每 {yuan(c.terms.fenPerShare)} 元折 1 股，土地每亩折{' '}
        {fromHundredths(c.terms.centiSharesPerMu)} 股
      </Text>
      <Text>
        {equal
          ? '各类股份同等计算'
          : `股份权重：${SHARE_CLASSES.map((k) => `${SHARE_CLASS_LABELS[k]} ×${fromHundredths(c.terms.weights[k])}`).join('，')}`}
      </Text>
    </View>
  );
}

/**
 * One cooperative: what it is, its rule, every distribution with its status, version and correction reason.
 * Its managers (the village's admins and the board) also import the roster, declare a distribution, edit the
 * cooperative, and see the roster.
 */
export default function Cooperative() {
  const coopId = useRouter().params.id ?? '';
  const coop = useRemote(() => call('dividends', 'getCooperative', { coopId }), [coopId]);
  useRefresh(coop.reload, { shownAgain: true });
  const c = coop.data;
  useShare(routes.dividends.coop({ coopId }), c && `${c.name}公示`, '合作社公示');
  if (!c) {
    return (
      <Screen title="合作社">
        <RemoteState remote={coop} />
      </Screen>
    );
  }
  const go = (url: string) => void Taro.navigateTo({ url });
  const distributions = [...c.distributions].sort((a, b) => b.year - a.year || b.version - a.version);

  return (
    <Screen title="合作社">
      <View className="card facts" data-testid="coop">
        <Text className="card__title">{c.name}</Text>
        <Text>
          {c.villageName} · {c.industry}
        </Text>
        <Text>股东 {c.shareholders} 户</Text>
        {c.board.length > 0 && <Text>理事会：{c.board.map((b) => b.name).join('、')}</Text>}
      </View>

      <RuleCard c={c} />

      {c.canManage && (
        <View className="card stack" data-testid="manage">
          <Text className="card__title">合作社管理</Text>
          <Button
            className="btn btn--primary"
            onClick={() => go(routes.dividends.declare({ coopId: c.coopId }))}
          >
            申报分配
          </Button>
          <View className="row">
            <Button
              className="btn btn--ghost"
              onClick={() => go(routes.dividends.import({ coopId: c.coopId }))}
            >
              导入股东名册
            </Button>
            <Button
              className="btn btn--ghost"
              onClick={() => go(routes.dividends.edit({ coopId: c.coopId }))}
            >
              编辑合作社
            </Button>
          </View>
        </View>
      )}

      <View className="card" data-testid="distributions">
        <Text className="card__title">历年分配</Text>
        {distributions.length === 0 && <Text className="muted">还没有分配方案。</Text>}
        {distributions.map((d) => (
          <View
            key={d.distributionId}
            className="list-row"
            data-testid="distribution"
            ariaRole="button"
            ariaLabel={`${d.year}年度分配方案，第 ${d.version} 版`}
            onClick={() => go(routes.dividends.distribution({ distributionId: d.distributionId }))}
          >
            <View className="list-row__head">
              <Text>{d.year}年度分配</Text>
              <Text>盈余 {yuan(d.profitFen)} 元 ›</Text>
            </View>
            <DistributionTags summary={d} />
            {d.version > 1 && d.reason && (
              <Text className="muted">
                第{d.version}版 · 更正原因：{d.reason}
              </Text>
            )}
          </View>
        ))}
      </View>

      {c.canManage && c.roster && (
        <View className="card">
          <Text className="card__title">股东名册</Text>
          <RosterTable roster={c.roster} />
        </View>
      )}
    </Screen>
  );
}
