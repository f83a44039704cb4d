import { Text, View } from '@tarojs/components';
import { STEP_LABELS, type TimelineEvent } from '@core/agenda';
import { formatDateTime } from '@core/time';
import './index.css';

/** The public record of a matter: every step, who did what and when, oldest first. */
export default function Timeline({ events }: { events: TimelineEvent[] }) {
  return (
    <View className="timeline" data-testid="timeline">
      {events.map((e, i) => (
        <View key={`${e.at}-${i}`} className="timeline__event">
          <Text className="timeline__step">{STEP_LABELS[e.step]}</Text>
          <Text className="timeline__what">{e.what}</Text>
          <Text className="timeline__who muted">
            {e.actorName}（{e.actorRole}）· {formatDateTime(e.at)}
          </Text>
        </View>
      ))}
    </View>
  );
}
