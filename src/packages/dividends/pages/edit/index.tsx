import { useEffect, useRef } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import {
  BASIS_LABELS,
  BASIS_OF,
  DEFAULT_SPLIT,
  DEFAULT_TERMS,
  DIVIDENDS_FIELD_LABELS,
  LEGAL_FORMS,
  LEGAL_FORM_LABELS,
  MIN_TRANSACTION_RETURN_BP,
  SHARE_CLASSES,
  SHARE_CLASS_LABELS,
  dividendsInput,
  type CooperativeView,
  type LegalForm,
  type ShareClass,
} from '@core/dividends';
import { ok } from '@core/result';
import Field from '../../../../components/Field';
import FormActions, { FormError } from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import { RemoteState } from '../../../../components/StateView';
import TextField from '../../../../components/TextField';
import { useForm } from '../../../../hooks/use-form';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { toast } from '../../../../utils/feedback';
import { fromHundredths, parseHundredths } from '@core/decimal';
import { routes } from '../../../../routes';
import '../../dividends.css';

/** The form's values as typed: percentages, 元 and shares as text, read exactly when sent. */
interface Form {
  name: string;
  industry: string;
  legalForm: LegalForm;
  reserve: string;
  collective: string;
  members: string;
  transactionReturn: string;
  yuanPerShare: string;
  sharesPerMu: string;
  weights: Record<ShareClass, string>;
}

const weightsText = (w: Record<ShareClass, number>) =>
  Object.fromEntries(SHARE_CLASSES.map((c) => [c, fromHundredths(w[c])])) as Record<ShareClass, string>;

function formOf(c: CooperativeView | null): Form {
  const rule = c?.rule ?? DEFAULT_SPLIT;
  const terms = c?.terms ?? DEFAULT_TERMS;
  return {
    name: c?.name ?? '',
    industry: c?.industry ?? '',
    legalForm: c?.legalForm ?? 'shareCoop',
    reserve: fromHundredths(rule.reserveBp),
    collective: fromHundredths(rule.collectiveBp),
    members: fromHundredths(rule.membersBp),
    transactionReturn: fromHundredths(c?.transactionReturnBp ?? MIN_TRANSACTION_RETURN_BP),
    yuanPerShare: fromHundredths(terms.fenPerShare),
    sharesPerMu: fromHundredths(terms.centiSharesPerMu),
    weights: weightsText(terms.weights),
  };
}

/** A number typed in a form: NaN when it is not one (the schema then refuses it; the form says why). */
const num = (text: string) => parseHundredths(text) ?? NaN;

/**
 * 编辑合作社 (登记合作社 when new): name, industry, legal form (the basis the law gives it is shown at once), the
 * split of the profit as three percentages (30/10/60 by default), for a 农民专业合作社 the transaction return
 * (at least 60%), how capital and land become shares, and each class's weight — checked with the cloud's rules.
 */
export default function EditCooperative() {
  const params = useRouter().params;
  const coopId = params.coopId ?? '';
  const existing = useRemote(
    () => (coopId ? call('dividends', 'getCooperative', { coopId }) : Promise.resolve(ok(null))),
    [coopId],
  );
  const c = existing.data;
  const isFarmer = (f: Form) => f.legalForm === 'farmerCoop';
  const editor = useForm({
    initial: () => formOf(null),
    input: (f: Form) => ({
      ...(coopId ? { coopId } : {}),
      villageId: c?.villageId ?? params.villageId ?? '',
      name: f.name.trim(),
      industry: f.industry.trim(),
      legalForm: f.legalForm,
      rule: { reserveBp: num(f.reserve), collectiveBp: num(f.collective), membersBp: num(f.members) },
      // Only a 农民专业合作社 returns by transactions; the others keep what they had (the schema wants ≥ 60%).
      transactionReturnBp: isFarmer(f)
        ? num(f.transactionReturn)
        : (c?.transactionReturnBp ?? MIN_TRANSACTION_RETURN_BP),
      terms: {
        fenPerShare: num(f.yuanPerShare),
        centiSharesPerMu: num(f.sharesPerMu),
        weights: Object.fromEntries(SHARE_CLASSES.map((k) => [k, num(f.weights[k])])) as Record<
          ShareClass,
          number
        >,
      },
      // Choosing the board (理事会) is not in this form yet: an edit keeps the one the cooperative has.
      board: c?.board.map((b) => b.residentId) ?? [],
    }),
    schema: dividendsInput.saveCooperative,
    labels: DIVIDENDS_FIELD_LABELS,
    check: (f) => ({
      rule: [f.reserve, f.collective, f.members].some((t) => parseHundredths(t) === null)
        ? '三项比例都要填数字（最多两位小数）'
        : null,
      transactionReturnBp:
        isFarmer(f) && parseHundredths(f.transactionReturn) === null ? '请填写数字，不低于 60' : null,
      terms: [f.yuanPerShare, f.sharesPerMu, ...SHARE_CLASSES.map((k) => f.weights[k])].some(
        (t) => parseHundredths(t) === null,
      )
        ? '请都填数字（最多两位小数）'
        : null,
    }),
    send: (input) => call('dividends', 'saveCooperative', input),
    done: async (data) => {
      toast('已保存', 'success');
      if (coopId) await Taro.navigateBack();
      else await Taro.redirectTo({ url: routes.dividends.coop({ coopId: data.coopId }) });
    },
  });
  const filled = useRef(false);
  useEffect(() => {
    if (existing.data && !filled.current) {
      filled.current = true;
      editor.setValues(formOf(existing.data));
    }
  }, [existing.data]);
  const form = editor.values;
  const set = editor.patch;
  const show = editor.show;
  const farmer = isFarmer(form);
  const shownFields = ['name', 'industry', 'legalForm', 'rule', 'transactionReturnBp', 'terms'];
  const other = Object.entries(editor.problems).find(([k]) => !shownFields.includes(k))?.[1];
  const ruleSum = [form.reserve, form.collective, form.members].reduce(
    (sum, t) => sum + (parseHundredths(t) ?? 0),
    0,
  );

  const title = coopId ? '编辑合作社' : '登记合作社';
  if (coopId && !c) {
    return (
      <Screen title={title}>
        <RemoteState remote={existing} />
      </Screen>
    );
  }

  /** A number with its unit after it, on one row. */
  const unitRow = (
    label: string,
    value: string,
    onChange: (v: string) => void,
    unit = '%',
    maxlength = 6,
  ) => (
    <View key={label} className="percent-row">
      <Text className="percent-row__label">{label}</Text>
      <Input
        className="input"
        type="digit"
        value={value}
        maxlength={maxlength}
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text>{unit}</Text>
    </View>
  );
  const percent = (label: string, value: string, onChange: (v: string) => void) =>
    unitRow(label, value, onChange);

  return (
    <Screen title={title}>
      <View className="card" data-testid="coop-form">
        <TextField
          label="合作社名称（全称）"
          {...editor.field('name')}
          maxlength={40}
          placeholder="例如：迤那镇中海村股份经济合作社"
        />
        <TextField label="产业" {...editor.field('industry')} maxlength={40} placeholder="例如：马铃薯种植" />
        <Field
          label="组织形式"
          error={show('legalForm')}
          hint={`分配办法：${BASIS_LABELS[BASIS_OF[form.legalForm]]}`}
        >
          <View className="chips">
            {LEGAL_FORMS.map((f) => (
              <Text
                ariaRole="button"
                key={f}
                className={`chip${form.legalForm === f ? ' chip--on' : ''}`}
                onClick={() => set({ legalForm: f })}
              >
                {LEGAL_FORM_LABELS[f]}
              </Text>
            ))}
          </View>
        </Field>
        <Field label="可分配盈余怎么分（合计 100%）" error={show('rule')}>
          <View className="stack">
            {percent('下一年度运营保障', form.reserve, (v) => set({ reserve: v }))}
            {percent('村集体', form.collective, (v) => set({ collective: v }))}
            {percent('股民分红', form.members, (v) => set({ members: v }))}
            <Text className={ruleSum === 10_000 ? 'muted' : 'form__error'}>
              现在合计 {fromHundredths(ruleSum)}%
            </Text>
          </View>
        </Field>
        {farmer && (
          <Field
            label="股民分红中按交易量返还"
            error={show('transactionReturnBp')}
            hint="法律规定不低于 60%，其余按股份分配"
          >
            {percent('按交易量返还', form.transactionReturn, (v) => set({ transactionReturn: v }))}
          </Field>
        )}
        <Field
          label="怎么折股"
          error={show('terms')}
          hint="各类股份的权重一般都是 1；村民代表大会另有决定的按决定填写"
        >
          <View className="stack">
            {unitRow('资金每股', form.yuanPerShare, (v) => set({ yuanPerShare: v }), '元', 12)}
            {unitRow('土地每亩折', form.sharesPerMu, (v) => set({ sharesPerMu: v }), '股', 8)}
            {SHARE_CLASSES.map((k) =>
              unitRow(
                `${SHARE_CLASS_LABELS[k]}权重`,
                form.weights[k],
                (v) => set({ weights: { ...form.weights, [k]: v } }),
                '倍',
              ),
            )}
          </View>
        </Field>
        {c && c.board.length > 0 && (
          <Text className="muted lead">理事会：{c.board.map((b) => b.name).join('、')}</Text>
        )}
        {editor.touched && <FormError message={other} />}
        <FormActions submitText="保存" form={editor} />
      </View>
    </Screen>
  );
}
