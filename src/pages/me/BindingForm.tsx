import { useCallback, useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import { membersInput, MEMBER_FIELD_LABELS, type BindingRequestView } from '@core/members';
import { fieldProblems } from '@core/validation';
import Field from '../../components/Field';
import FormActions from '../../components/FormActions';
import PrivacyConsent from '../../components/PrivacyConsent';
import StateView from '../../components/StateView';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/cloud';
import { toast } from '../../utils/feedback';

interface Props {
  /** A pending or rejected request to correct. */
  initial: BindingRequestView | null;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * 申请绑定: name, village, household and phone number, checked with the same rules the cloud applies, sent
 * for the village admin's approval. The phone number is only kept masked.
 */
export default function BindingForm({ initial, onDone, onCancel }: Props) {
  const villages = useRemote(() => call('members', 'listVillages', {}));
  const [name, setName] = useState(initial?.name ?? '');
  const [villageId, setVillageId] = useState(initial?.villageId ?? '');
  const [household, setHousehold] = useState(initial?.household ?? '');
  const [phone, setPhone] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const onConsent = useCallback((ok: boolean) => setAgreed(ok), []);

  const input = { name, villageId, household, phone };
  const problems = fieldProblems(membersInput.requestBinding, input, MEMBER_FIELD_LABELS);
  const list = villages.data?.villages ?? [];
  const villageIndex = list.findIndex((v) => v.id === villageId);

  const submit = async () => {
    setTouched(true);
    setServerError(null);
    if (Object.keys(problems).length > 0 || !agreed) return;
    setSending(true);
    const result = await call('members', 'requestBinding', input);
    setSending(false);
    if (result.ok) {
      toast('已提交，请等待审核', 'success');
      onDone();
    } else {
      setServerError(result.error.message);
    }
  };

  if (villages.state === 'error' && !villages.data) {
    return <StateView kind="error" message={villages.message} onRetry={() => void villages.reload()} />;
  }
  const show = (field: string) => (touched ? problems[field] : null);
  return (
    <View className="card" data-testid="binding-form">
      <Text className="card__title">申请绑定村民身份</Text>
      <PrivacyConsent onChange={onConsent} />
      <Field label="姓名" error={show('name')}>
        <Input
          className="input"
          value={name}
          placeholder="请填写身份证上的姓名"
          maxlength={20}
          onInput={(e) => setName(e.detail.value)}
        />
      </Field>
      <Field label="所在村（社区）" error={show('villageId') && '请选择所在的村或社区'}>
        <Picker
          mode="selector"
          range={list.map((v) => v.name)}
          value={Math.max(0, villageIndex)}
          onChange={(e) => setVillageId(list[Number(e.detail.value)]?.id ?? '')}
        >
          <Text className={villageIndex >= 0 ? '' : 'muted'}>
            {villageIndex >= 0 ? list[villageIndex]!.name : '请选择'}
          </Text>
        </Picker>
      </Field>
      <Field label="户号或门牌号" error={show('household')} hint="例如：三组 018 号">
        <Input
          className="input"
          value={household}
          placeholder="请填写户号"
          maxlength={30}
          onInput={(e) => setHousehold(e.detail.value)}
        />
      </Field>
      <Field label="手机号码" error={show('phone')} hint="只保存打码后的号码，如 138****5678">
        <Input
          className="input"
          type="number"
          value={phone}
          placeholder="11 位手机号码"
          maxlength={11}
          onInput={(e) => setPhone(e.detail.value)}
        />
      </Field>
      {touched && !agreed && <Text className="form__error">请先阅读并同意隐私保护指引</Text>}
      {serverError && <Text className="form__error">{serverError}</Text>}
      <FormActions
        submitText="提交申请"
        sending={sending}
        onSubmit={() => void submit()}
        onCancel={onCancel}
      />
    </View>
  );
}
