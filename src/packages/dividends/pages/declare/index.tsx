import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DIVIDENDS_FIELD_LABELS, dividendsInput, yuan } from '@core/dividends';
import { inShanghai } from '@core/time';
import Field from '../../../../components/Field';
import FormActions, { FormError } from '../../../../components/FormActions';
import NumberField from '../../../../components/NumberField';
import Screen from '../../../../components/Screen';
import StateView, { RemoteState } from '../../../../components/StateView';
import TextArea from '../../../../components/TextArea';
import { useForm } from '../../../../hooks/use-form';
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
  const c = coop.data;
  const corrected = corrects ? (c?.distributions.find((d) => d.distributionId === corrects) ?? null) : null;
  const yearOf = (text: string) =>
    corrected ? corrected.year : /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  const form = useForm({
    initial: () => ({ year: String(lastYear()), profit: '', reason: '' }),
    input: (v) => ({
      coopId,
      year: yearOf(v.year),
      profitFen: parseHundredths(v.profit) ?? 0,
      ...(corrects ? { corrects: { distributionId: corrects, reason: v.reason.trim() } } : {}),
    }),
    schema: dividendsInput.declare,
    labels: DIVIDENDS_FIELD_LABELS,
    check: (v) => ({
      year: Number.isNaN(yearOf(v.year)) ? '请填写四位数的年度，如 2025' : null,
      profitFen:
        parseHundredths(v.profit) === null ? (v.profit.trim() ? AMOUNT_HINT : '请填写可分配盈余') : null,
    }),
    send: (input) => call('dividends', 'declare', input),
    done: ({ distributionId }) => Taro.redirectTo({ url: routes.dividends.distribution({ distributionId }) }),
  });
  const profitFen = parseHundredths(form.values.profit);
  // A problem no field shows (e.g. a broken link without the cooperative) still stops the form, visibly.
  const other = Object.entries(form.problems).find(
    ([k]) => !['year', 'profitFen', 'corrects'].includes(k),
  )?.[1];

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
        {corrected ? (
          <Field label="年度" error={form.show('year')}>
            <Text>{corrected.year}年度</Text>
          </Field>
        ) : (
          <NumberField label="年度" {...form.field('year')} maxlength={4} placeholder="例如 2025" />
        )}
        <NumberField
          label="可分配盈余（元）"
          {...form.field('profit')}
          error={form.show('profitFen')}
          hint={profitFen !== null ? `即 ${yuan(profitFen)} 元` : '单位是元，可以有两位小数'}
          kind="decimal"
          maxlength={16}
          placeholder="例如 128000.00"
        />
        {corrects && (
          <TextArea
            label="更正原因（所有股民都能看到）"
            {...form.field('reason')}
            error={form.show('corrects')}
            counted
            maxlength={200}
            placeholder="例如：核实发现部分交易额漏记"
          />
        )}
        {form.touched && <FormError message={other} />}
        <FormActions submitText={corrects ? '申报更正' : '申报'} form={form} />
      </View>
    </Screen>
  );
}
