import { useState } from 'react';
import { Button, ScrollView, Text, View } from '@tarojs/components';
import { yuan, type RosterRow } from '@core/dividends';
import { fromHundredths } from '@core/decimal';

/** Rows drawn at a time: a roster can hold thousands of households, too many for a cheap phone at once. */
const STEP = 100;

const COLUMNS: { title: string; cell: (r: RosterRow) => string; num?: boolean; wide?: boolean }[] = [
  { title: '户号', cell: (r) => r.household, wide: true },
  { title: '户主', cell: (r) => r.name },
  { title: '资金（元）', cell: (r) => yuan(r.capitalFen), num: true, wide: true },
  { title: '土地（亩）', cell: (r) => fromHundredths(r.landCentiMu), num: true },
  { title: '配股（股）', cell: (r) => fromHundredths(r.allocatedCentiShares), num: true },
  { title: '村集体股（股）', cell: (r) => fromHundredths(r.collectiveCentiShares), num: true },
  { title: '交易额（元）', cell: (r) => yuan(r.volumeFen), num: true, wide: true },
];

/** 股东名册 for the cooperative's managers, as a table that scrolls sideways, 100 rows at a time. */
export default function RosterTable({ roster }: { roster: RosterRow[] }) {
  const [shown, setShown] = useState(STEP);
  if (roster.length === 0) return <Text className="muted">还没有股东名册，请先导入。</Text>;
  const cellClass = (c: (typeof COLUMNS)[number]) =>
    `table__cell${c.wide ? ' table__cell--wide' : ''}${c.num ? ' table__cell--num' : ''}`;
  return (
    <View data-testid="roster">
      <Text className="muted">共 {roster.length} 户，左右滑动查看各列。</Text>
      <ScrollView scrollX>
        <View className="table">
          <View className="table__row table__row--head">
            {COLUMNS.map((c) => (
              <Text key={c.title} className={cellClass(c)}>
                {c.title}
              </Text>
            ))}
          </View>
          {roster.slice(0, shown).map((r) => (
            <View key={r.householdId} className="table__row" data-testid="roster-row">
              {COLUMNS.map((c) => (
                <Text key={c.title} className={cellClass(c)}>
                  {c.cell(r)}
                </Text>
              ))}
            </View>
          ))}
        </View>
      </ScrollView>
      {roster.length > shown && (
        <Button className="btn btn--ghost" onClick={() => setShown((n) => n + STEP)}>
          再显示 {Math.min(STEP, roster.length - shown)} 户（还有 {roster.length - shown} 户）
        </Button>
      )}
    </View>
  );
}
