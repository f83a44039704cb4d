import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { HONOR_LIST_LABELS, type EntryView } from '@core/honor';
import { formatDate } from '@core/time';
import './index.css';

/**
 * One household on a board: name (as the cloud shows it), household number, the rule in plain words, the
 * note and the reward. A correction is shown beside the original, which stays visible but struck through.
 */
export default function EntryCard({
  entry,
  showList = false,
  children,
}: PropsWithChildren<{ entry: EntryView; showList?: boolean }>) {
  const corrected = !!entry.correction;
  return (
    <View className={`entry entry--${entry.list}`} data-testid="entry">
      <View className={corrected ? 'entry__body entry__body--struck' : 'entry__body'}>
        <View className="entry__head">
          {showList && (
            <Text className={`tag${entry.list === 'red' ? '' : ' tag--grey'}`}>
              {HONOR_LIST_LABELS[entry.list]}
            </Text>
          )}
          <Text className="entry__name">{entry.name}</Text>
          <Text className="muted">{entry.household}</Text>
        </View>
        <Text className="entry__reason">{entry.reasonTitle}</Text>
        {entry.note && <Text className="muted entry__line">{entry.note}</Text>}
        {entry.reward && <Text className="entry__line entry__reward">奖励：{entry.reward}</Text>}
      </View>
      {entry.correction && (
        <Text className="entry__correction" data-testid="correction">
          更正（{formatDate(entry.correction.at)}）：{entry.correction.reason}
        </Text>
      )}
      {children}
    </View>
  );
}
