import { Text, View } from '@tarojs/components';
import type { Outcome, PollOption } from '@core/agenda';
import './index.css';

interface Props {
  options: PollOption[];
  outcome: Outcome;
  thresholdPct: number;
  thresholdBase: 'cast' | 'eligible';
}

/**
 * The result as a bar chart: one bar per option with its votes and percent of the threshold base, a mark
 * where the pass line is, and turnout against the quorum.
 */
export default function ResultBars({ options, outcome, thresholdPct, thresholdBase }: Props) {
  return (
    <View className="bars" data-testid="result-bars">
      {options.map((o) => {
        const pct = outcome.percents[o.id] ?? 0;
        const carried = outcome.carried.includes(o.id);
        return (
          <View key={o.id} className="bars__row">
            <View className="bars__head">
              <Text className="bars__label">{o.label}</Text>
              <Text className="bars__figure">
                {outcome.counts[o.id] ?? 0} 票 · {pct}%
              </Text>
            </View>
            <View className="bars__track">
              <View
                className={`bars__fill${carried ? ' bars__fill--carried' : ''}`}
                style={{ width: `${Math.min(100, pct)}%` }}
              />
              <View className="bars__line" style={{ left: `${thresholdPct}%` }} />
            </View>
          </View>
        );
      })}
      <Text className="bars__note muted">
        百分比按{thresholdBase === 'cast' ? '投票人数' : '有投票资格的人数'}计算，竖线为通过线 {thresholdPct}
        %。 投票 {outcome.cast}/{outcome.eligible} 人（{outcome.turnoutPct}%），
        {outcome.quorumMet ? '达到' : '未达到'}参与率要求。
      </Text>
    </View>
  );
}
