import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { DIVIDENDS_FIELD_LABELS, dividendsInput, yuan } from '@core/dividends';
import { fieldProblems } from '@core/validation';
import { call } from '../../../../services/cloud';
import { parseHundredths } from '@core/decimal';

export const AMOUNT_HINT = '请填写金额（元），最多两位小数，如 1234.50';

/**
 * 如果盈余是…: the household's amount had the profit been another figure, by the same roster and rule — shown
 * beside the real one. Only a calculation: nothing is saved.
 */
export default function WhatIf({
  distributionId,
  profitFen,
  amountFen,
}: {
  distributionId: string;
  profitFen: number;
  amountFen: number;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ profitFen: number; amountFen: number | null } | null>(null);

  const ask = async () => {
    setError(null);
    const fen = parseHundredths(text);
    if (fen === null) return setError(AMOUNT_HINT);
    const problems = fieldProblems(
      dividendsInput.whatIf,
      { distributionId, profitFen: fen },
      DIVIDENDS_FIELD_LABELS,
    );
    const problem = Object.values(problems)[0];
    if (problem) return setError(problem);
    setBusy(true);
    const result = await call('dividends', 'whatIf', { distributionId, profitFen: fen });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setAnswer({ profitFen: result.data.profitFen, amountFen: result.data.mine?.amountFen ?? null });
  };

  return (
    <View className="what-if" data-testid="what-if">
      <Text className="what-if__title">如果盈余是…</Text>
      <Text className="muted">填一个盈余金额，算算您家能分多少。只是算一算，不会改变实际分红。</Text>
      <View className="what-if__row">
        <Input
          className="input what-if__input"
          type="digit"
          value={text}
          placeholder="盈余金额"
          maxlength={16}
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className="what-if__unit">元</Text>
      </View>
      {error && <Text className="form__error">{error}</Text>}
      <Button className="btn btn--ghost" loading={busy} disabled={busy} onClick={() => void ask()}>
        算一算
      </Button>
      {answer && (
        <View className="what-if__answer" data-testid="what-if-answer">
          <Text>
            如果盈余是 {yuan(answer.profitFen)} 元，您家分{' '}
            <Text className="what-if__amount">
              {answer.amountFen === null ? '—' : `${yuan(answer.amountFen)} 元`}
            </Text>
          </Text>
          <Text className="muted">
            实际：盈余 {yuan(profitFen)} 元，您家分 {yuan(amountFen)} 元
          </Text>
        </View>
      )}
    </View>
  );
}
