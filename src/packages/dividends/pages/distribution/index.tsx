import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { DistributionView } from '@core/dividends';
import { formatDate } from '@core/time';
import Screen from '../../../../components/Screen';
import { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { saveTextFile } from '../../../../services/save-file';
import { inform, toast } from '../../../../utils/feedback';
import DividendLine, {
  BasisText,
  DistributionTags,
  PoolBars,
  VersionNotes,
} from '../../components/DividendLine';
import LinesList from '../../components/LinesList';
import SummaryFigures from '../../components/SummaryFigures';
import { useAction } from '../../dividends';
import { routes } from '../../../../routes';
import '../../dividends.css';
import { useRefresh } from '../../../../hooks/use-refresh';

/**
 * The steps a distribution goes through, for its managers: 核算 (declared), 复核通过 by a second manager
 * (computed), 公布 (reviewed: asked first — a published distribution cannot be changed, only corrected by a new
 * version), 更正 (published), and 导出表格 once there are households' amounts.
 */
function Steps({ d, onDone }: { d: DistributionView; onDone: () => void }) {
  const act = useAction(onDone);
  const [exporting, setExporting] = useState(false);
  const { summary } = d;
  const distributionId = summary.distributionId;

  const exportCsv = async () => {
    setExporting(true);
    const result = await call('dividends', 'exportDistribution', { distributionId });
    setExporting(false);
    if (!result.ok) return toast(result.error.message);
    if (!(await saveTextFile(result.data.filename, result.data.csv))) {
      await inform('没能导出', '请稍后再试，或在电脑上打开小程序导出。');
    }
  };

  type Ask = { title: string; content: string; confirmText: string } | null;
  const button = (label: string, action: 'compute' | 'review' | 'publish', ask: Ask, done: string) => (
    <Button
      className="btn btn--primary"
      disabled={act.busy}
      loading={act.busy}
      onClick={() => void act.run(ask, () => call('dividends', action, { distributionId }), done)}
    >
      {label}
    </Button>
  );

  const step = (() => {
    switch (summary.status) {
      case 'declared':
        return button('核算', 'compute', null, '已核算');
      case 'computed':
        return d.canReview ? (
          button(
            '复核通过',
            'review',
            {
              title: '复核通过？',
              content: '请先核对下面每一户的金额。复核通过后就可以公布。',
              confirmText: '复核通过',
            },
            '已复核',
          )
        ) : (
          <Text className="muted">已核算，等待另一位管理员复核。</Text>
        );
      case 'reviewed':
        return d.canPublish ? (
          button(
            '公布',
            'publish',
            {
              title: '公布分配方案？',
              content: '公布后所有股民都能看到，不能再修改；如有错误，只能发布新的一版来更正。',
              confirmText: '公布',
            },
            '已公布',
          )
        ) : (
          <Text className="muted">已复核，等待公布。</Text>
        );
      case 'published':
        return summary.supersededBy ? null : (
          <Button
            className="btn btn--ghost"
            onClick={() =>
              void Taro.navigateTo({
                url: routes.dividends.declare({ coopId: summary.coopId, corrects: distributionId }),
              })
            }
          >
            更正
          </Button>
        );
    }
  })();

  return (
    <View className="card stack" data-testid="steps">
      <Text className="card__title">管理</Text>
      {step}
      {act.error && <Text className="form__error">{act.error}</Text>}
      {summary.status !== 'declared' && (
        <Button
          className="btn btn--ghost"
          loading={exporting}
          disabled={exporting}
          onClick={() => void exportCsv()}
        >
          导出表格
        </Button>
      )}
    </View>
  );
}

/**
 * One distribution: its totals and pools for anyone (once published), the caller's own household's line, and
 * for the cooperative's managers every household's amount and the steps to publish it.
 */
export default function Distribution() {
  const distributionId = useRouter().params.id ?? '';
  const dist = useRemote(() => call('dividends', 'getDistribution', { distributionId }), [distributionId]);
  useRefresh(dist.reload, { shownAgain: true });
  const d = dist.data;
  if (!d) {
    return (
      <Screen title="分配方案">
        <RemoteState remote={dist} />
      </Screen>
    );
  }
  const { summary } = d;
  return (
    <Screen title="分配方案">
      <View className="card facts" data-testid="summary">
        <Text className="card__title">
          {summary.coopName} {summary.year}年度分配
        </Text>
        <DistributionTags summary={summary} />
        <VersionNotes summary={summary} />
        {summary.supersededBy && (
          <Button
            className="btn btn--ghost"
            onClick={() =>
              void Taro.navigateTo({
                url: routes.dividends.distribution({ distributionId: summary.supersededBy! }),
              })
            }
          >
            查看更正后的一版
          </Button>
        )}
        <BasisText legalForm={d.legalForm} summary={summary} />
        <SummaryFigures summary={summary} />
        <PoolBars summary={summary} />
        <Text className="muted">
          申报：{summary.declaredBy}
          {summary.reviewedBy ? ` · 复核：${summary.reviewedBy}` : ''}
          {summary.publishedAt ? ` · ${formatDate(summary.publishedAt)} 公布` : ''}
        </Text>
      </View>

      {d.mine && <DividendLine title="您家的分红" summary={summary} legalForm={d.legalForm} line={d.mine} />}

      {d.canManage && <Steps d={d} onDone={() => void dist.reload()} />}

      {d.canManage && d.lines && (
        <View className="card">
          <Text className="card__title">各户金额（共 {d.lines.length} 户）</Text>
          <LinesList lines={d.lines} />
        </View>
      )}
    </Screen>
  );
}
