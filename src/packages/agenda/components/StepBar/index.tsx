import { Text, View } from '@tarojs/components';
import { SIX_STEPS, STEP_LABELS, type Step } from '@core/agenda';
import './index.css';

/** The six steps as a row of numbered stops: done, current, to come (all done once closed). */
export default function StepBar({ step }: { step: Step }) {
  const at = step === 'closed' ? SIX_STEPS.length : SIX_STEPS.indexOf(step);
  return (
    <View className="stepbar" data-testid="stepbar">
      {SIX_STEPS.map((s, i) => (
        <View
          key={s}
          className={`stepbar__stop stepbar__stop--${i < at ? 'done' : i === at ? 'current' : 'todo'}`}
        >
          <Text className="stepbar__dot">{i < at ? '✓' : i + 1}</Text>
          <Text className="stepbar__label">{STEP_LABELS[s]}</Text>
        </View>
      ))}
    </View>
  );
}
