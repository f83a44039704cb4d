import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';

/**
 * A large tappable row with a round mark: one option of a ballot or of a pick list. `label` is what the
 * screen reader says, with 已选 when it is chosen.
 */
export default function Choice({
  on,
  onClick,
  testId,
  label,
  children,
}: PropsWithChildren<{ on: boolean; onClick: () => void; testId?: string; label: string }>) {
  return (
    <View
      className={`choice${on ? ' choice--on' : ''}`}
      data-testid={testId}
      onClick={onClick}
      ariaRole="button"
      ariaLabel={on ? `已选：${label}` : label}
    >
      <Text className="choice__mark">{on ? '✓' : ''}</Text>
      {children}
    </View>
  );
}
