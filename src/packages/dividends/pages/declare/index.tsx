import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { DIVIDENDS_FIELD_LABELS, dividendsInput, yuan } from '@core/dividends';
import { inShanghai } from '@core/time';
import { fieldProblems } from '@core/validation';
import Field from '../../../../components/Field';
import FormActions from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import StateView, { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { AMOUNT_HINT } from '../../components/WhatIf';
import { parseHundredths } from '@core/decimal';
import { routes } from '../../../../routes';
import '../../dividends.css';

/** A year's profit is declared the year after: last year, China time. */
const lastYear = () => inShanghai(Date.now()).year() - 1;

/**
 * 申报分配: the year and the distributable profit (in 元, read exactly to the fen), checked with the cloud's own
 * rules. `?corrects=` declares a new version of a published distribution of the same year, with the reason
 * everyone will see. Then on to the distribution, to compute, review and publish it.
 */
export default function Declare() {
  const params = useRouter().params;
  const coopId = params.coopId ?? '';
  const corrects = params.corrects ?? '';
  const coop = useRemote(() => call('dividends', 'getCooperative', { coopId }), [coopId]);
  const [yearText, setYearText] = useState(() => String(lastYear()));
  const [profitText, setProfitText] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  const c = coop.data;
  const corrected = corrects ? (c?.distributions.find((d) => d.distributionId === corrects) ?? null) : null;
  const year = corrected ? corrected.year : /^\d{4}$/.test(yearText.trim()) ? Number(yearText.trim()) : NaN;
  const profitFen = parseHundredths(profitText);
  const input = {
    coopId,
    year,
    profitFen: profitFen ?? 0,
    ...(corrects ? { corrects: { distributionId: corrects, reason: reason.trim() } } : {}),
  };
  const problems = fieldProblems(dividendsInput.declare, input, DIVIDENDS_FIELD_LABELS);
  if (Number.isNaN(year)) problems.year = '请填写四位数的年度，如 2025';
  if (profitFen === null) problems.profitFen = profitText.trim() ? AMOUNT_HINT : '请填写可分配盈余';
  const show = (field: string) => (touched ? problems[field] : null);
  // A problem no field shows (e.g. a broken link without the cooperative) still stops the form, visibly.
  const other = Object.entries(problems).find(([k]) => !['year', 'profitFen', 'corrects'].includes(k))?.[1];

  const submit = async () => {
    setTouched(true);
    setServerError(null);
    if (Object.keys(problems).length > 0) return;
    setSending(true);
    const result = await call('dividends', 'declare', input);
    setSending(false);
    if (!result.ok) return setServerError(result.error.message);
    await Taro.redirectTo({
      url: routes.dividends.distribution({ distributionId: result.data.distributionId }),
    });
  };

  const title = corrects ? '更正分配' : '申报分配';
  if (!c) {
    return (
      <Screen title={title}>
        <RemoteState remote={coop} />
      </Screen>
    );
  }
  if (corrects && !corrected) {
    return (
      <Screen title={title}>
        <StateView kind="empty" title="没有找到要更正的分配方案" hint="请返回合作社页面重新选择。" />
      </Screen>
    );
  }

  return (
    <Screen title={title}>
      <View className="card" data-testid="declare-form">
        <Text className="card__title">{c.name}</Text>
        <Text className="muted lead">
          {corrected
            ? `更正 ${corrected.year}年度第${corrected.version}版（原可分配盈余 ${yuan(corrected.profitFen)} 元）。原来的一版仍然公开，标为“已更正”，新的一版要重新核算、复核、公布。`
            : '填写年度和可分配盈余。申报后还要核算、由另一位管理员复核，然后才能公布。'}
        </Text>
        <Field label="年度" error={show('year')}>
          {corrected ? (
            <Text>{corrected.year}年度</Text>
          ) : (
            <Input
              className="input"
              type="number"
              value={yearText}
              maxlength={4}
              placeholder="例如 2025"
              onInput={(e) => setYearText(e.detail.value)}
            />
          )}
        </Field>
        <Field
          label="可分配盈余（元）"
          error={show('profitFen')}
          hint={profitFen !== null ? `即 ${yuan(profitFen)} 元` : '单位是元，可以有两位小数'}
        >
          <Input
            className="input"
            type="digit"
            value={profitText}
            maxlength={16}
            placeholder="例如 128000.00"
            onInput={(e) => setProfitText(e.detail.value)}
          />
        </Field>
        {corrects && (
          <Field
            label="更正原因（所有股民都能看到）"
            error={show('corrects')}
            hint={`${reason.trim().length}/200 字`}
          >
            <Textarea
              className="textarea"
              value={reason}
              maxlength={200}
              placeholder="例如：核实发现部分交易额漏记"
              onInput={(e) => setReason(e.detail.value)}
            />
          </Field>
        )}
        {touched && other && <Text className="form__error">{other}</Text>}
        {serverError && <Text className="form__error">{serverError}</Text>}
        <FormActions
          submitText={corrects ? '申报更正' : '申报'}
          sending={sending}
          onSubmit={() => void submit()}
          onCancel={() => void Taro.navigateBack()}
        />
      </View>
    </Screen>
  );
}
