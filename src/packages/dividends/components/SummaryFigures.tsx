import { Text, View } from '@tarojs/components';
import { yuan, type DistributionSummary } from '@core/dividends';
import { trimZeros } from '../dividends';

/**
 * A distribution's public figures — the profit, the pools, the shareholders and the rate per share. Never any
 * household's amount: this is what 合作社公示 shows to everyone.
 */
export default function SummaryFigures({ summary }: { summary: DistributionSummary }) {
  const { pools } = summary;
  const figures: [string, string][] = [
    ['可分配盈余', `${yuan(summary.profitFen)} 元`],
    ...(pools
      ? ([
          ['运营保障', `${yuan(pools.reserveFen)} 元`],
          ['村集体', `${yuan(pools.collectiveFen)} 元`],
          ['股民分红', `${yuan(pools.membersFen)} 元`],
        ] as [string, string][])
      : []),
    ['股东', `${summary.shareholders} 户`],
    ...(summary.ratePerShare
      ? ([['每股分红（仅供说明）', `${summary.ratePerShare} 元/股`]] as [string, string][])
      : []),
    ...(summary.totalWeightedShares
      ? ([['全社折合股数', `${trimZeros(summary.totalWeightedShares)} 股`]] as [string, string][])
      : []),
  ];
  return (
    <View className="figures" data-testid="summary-figures">
      {figures.map(([label, value]) => (
        <View key={label} className="figure">
          <Text className="figure__value">{value}</Text>
          <Text className="figure__label">{label}</Text>
        </View>
      ))}
    </View>
  );
}
