import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';

/** A large tappable row with a round mark: one option of a ballot or of a pick list. */
export default function Choice({
  on,
  onClick,
  testId,
  children,
}: PropsWithChildren<{ on: boolean; onClick: () => void; testId?: string }>) {
  return (
    <View className={`choice${on ? ' choice--on' : ''}`} data-testid={testId} onClick={onClick}>
      <Text className="choice__mark">{on ? '✓' : ''}</Text>
      {children}
    </View>
  );
}
