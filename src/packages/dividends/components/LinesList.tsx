import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { yuan, type HouseholdView } from '@core/dividends';

const STEP = 100;

/** Every household's amount, for the cooperative's managers to check before review, 100 at a time. */
export default function LinesList({ lines }: { lines: HouseholdView[] }) {
  const [shown, setShown] = useState(STEP);
  return (
    <View data-testid="lines">
      {lines.slice(0, shown).map((l) => (
        <View key={l.householdId} className="list-row" data-testid="line">
          <View className="list-row__head">
            <Text>
              {l.name}（{l.household}）
            </Text>
            <Text>{yuan(l.amountFen)} 元</Text>
          </View>
        </View>
      ))}
      {lines.length > shown && (
        <Button className="btn btn--ghost" onClick={() => setShown((n) => n + STEP)}>
          再显示 {Math.min(STEP, lines.length - shown)} 户（还有 {lines.length - shown} 户）
        </Button>
      )}
    </View>
  );
}
