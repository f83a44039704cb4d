import { useEffect, useRef, useState } from 'react';
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
import { fieldProblems } from '@core/validation';
import Field from '../../../../components/Field';
import FormActions from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import { RemoteState } from '../../../../components/StateView';
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
  const [form, setForm] = useState<Form>(() => formOf(null));
  const filled = useRef(false);
  useEffect(() => {
    if (existing.data && !filled.current) {
      filled.current = true;
      setForm(formOf(existing.data));
    }
  }, [existing.data]);
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const c = existing.data;
  const farmer = form.legalForm === 'farmerCoop';
  const input = {
    ...(coopId ? { coopId } : {}),
    villageId: c?.villageId ?? params.villageId ?? '',
    name: form.name.trim(),
    industry: form.industry.trim(),
    legalForm: form.legalForm,
    rule: { reserveBp: num(form.reserve), collectiveBp: num(form.collective), membersBp: num(form.members) },
    // Only a 农民专业合作社 returns by transactions; the others keep what they had (the schema wants ≥ 60%).
    transactionReturnBp: farmer
      ? num(form.transactionReturn)
      : (c?.transactionReturnBp ?? MIN_TRANSACTION_RETURN_BP),
    terms: {
      fenPerShare: num(form.yuanPerShare),
      centiSharesPerMu: num(form.sharesPerMu),
      weights: Object.fromEntries(SHARE_CLASSES.map((k) => [k, num(form.weights[k])])) as Record<
        ShareClass,
        number
      >,
    },
    // Choosing the board (理事会) is not in this form yet: an edit keeps the one the cooperative has.
    board: c?.board.map((b) => b.residentId) ?? [],
  };
  const problems = fieldProblems(dividendsInput.saveCooperative, input, DIVIDENDS_FIELD_LABELS);
  if ([form.reserve, form.collective, form.members].some((t) => parseHundredths(t) === null)) {
    problems.rule = '三项比例都要填数字（最多两位小数）';
  }
  if (farmer && parseHundredths(form.transactionReturn) === null) {
    problems.transactionReturnBp = '请填写数字，不低于 60';
  }
  if (
    [form.yuanPerShare, form.sharesPerMu, ...SHARE_CLASSES.map((k) => form.weights[k])].some(
      (t) => parseHundredths(t) === null,
    )
  ) {
    problems.terms = '请都填数字（最多两位小数）';
  }
  const show = (field: string) => (touched ? problems[field] : null);
  const shownFields = ['name', 'industry', 'legalForm', 'rule', 'transactionReturnBp', 'terms'];
  const other = Object.entries(problems).find(([k]) => !shownFields.includes(k))?.[1];
  const ruleSum = [form.reserve, form.collective, form.members].reduce(
    (sum, t) => sum + (parseHundredths(t) ?? 0),
    0,
  );

  const submit = async () => {
    setTouched(true);
    setServerError(null);
    if (Object.keys(problems).length > 0) return;
    setSending(true);
    const result = await call('dividends', 'saveCooperative', input);
    setSending(false);
    if (!result.ok) return setServerError(result.error.message);
    toast('已保存', 'success');
    if (coopId) await Taro.navigateBack();
    else await Taro.redirectTo({ url: routes.dividends.coop({ coopId: result.data.coopId }) });
  };

  const title = coopId ? '编辑合作社' : '登记合作社';
  if (coopId && !c) {
    return (
      <Screen title={title}>
        <RemoteState remote={existing} />
      </Screen>
    );
  }

  const percent = (label: string, value: string, onChange: (v: string) => void) => (
    <View className="percent-row">
      <Text className="percent-row__label">{label}</Text>
      <Input
        className="input"
        type="digit"
        value={value}
        maxlength={6}
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text>%</Text>
    </View>
  );

  return (
    <Screen title={title}>
      <View className="card" data-testid="coop-form">
        <Field label="合作社名称（全称）" error={show('name')}>
          <Input
            className="input"
            value={form.name}
            maxlength={40}
            placeholder="例如：迤那镇中海村股份经济合作社"
            onInput={(e) => set({ name: e.detail.value })}
          />
        </Field>
        <Field label="产业" error={show('industry')}>
          <Input
            className="input"
            value={form.industry}
            maxlength={40}
            placeholder="例如：马铃薯种植"
            onInput={(e) => set({ industry: e.detail.value })}
          />
        </Field>
        <Field
          label="组织形式"
          error={show('legalForm')}
          hint={`分配办法：${BASIS_LABELS[BASIS_OF[form.legalForm]]}`}
        >
          <View className="chips">
            {LEGAL_FORMS.map((f) => (
              <Text
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
            <View className="percent-row">
              <Text className="percent-row__label">资金每股</Text>
              <Input
                className="input"
                type="digit"
                value={form.yuanPerShare}
                maxlength={12}
                onInput={(e) => set({ yuanPerShare: e.detail.value })}
              />
              <Text>元</Text>
            </View>
            <View className="percent-row">
              <Text className="percent-row__label">土地每亩折</Text>
              <Input
                className="input"
                type="digit"
                value={form.sharesPerMu}
                maxlength={8}
                onInput={(e) => set({ sharesPerMu: e.detail.value })}
              />
              <Text>股</Text>
            </View>
            {SHARE_CLASSES.map((k) => (
              <View key={k} className="percent-row">
                <Text className="percent-row__label">{SHARE_CLASS_LABELS[k]}权重</Text>
                <Input
                  className="input"
                  type="digit"
                  value={form.weights[k]}
                  maxlength={6}
                  onInput={(e) => set({ weights: { ...form.weights, [k]: e.detail.value } })}
                />
                <Text>倍</Text>
              </View>
            ))}
          </View>
        </Field>
        {c && c.board.length > 0 && (
          <Text className="muted lead">理事会：{c.board.map((b) => b.name).join('、')}</Text>
        )}
        {touched && other && <Text className="form__error">{other}</Text>}
        {serverError && <Text className="form__error">{serverError}</Text>}
        <FormActions
          submitText="保存"
          sending={sending}
          onSubmit={() => void submit()}
          onCancel={() => void Taro.navigateBack()}
        />
      </View>
    </Screen>
  );
}
