import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { membersInput, MEMBER_FIELD_LABELS, type BindingRequestView } from '@core/members';
import FormActions, { FormError } from '../../components/FormActions';
import NumberField from '../../components/NumberField';
import PrivacyConsent from '../../components/PrivacyConsent';
import StateView from '../../components/StateView';
import TextField from '../../components/TextField';
import VillageField from '../../components/VillageField';
import { useForm } from '../../hooks/use-form';
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
  const [agreed, setAgreed] = useState(false);
  const onConsent = useCallback((ok: boolean) => setAgreed(ok), []);
  const form = useForm({
    initial: {
      name: initial?.name ?? '',
      villageId: initial?.villageId ?? '',
      household: initial?.household ?? '',
      phone: '',
    },
    schema: membersInput.requestBinding,
    labels: MEMBER_FIELD_LABELS,
    check: () => ({ _consent: agreed ? null : '请先阅读并同意隐私保护指引' }),
    send: (input) => call('members', 'requestBinding', input),
    done: () => {
      toast('已提交，请等待审核', 'success');
      onDone();
    },
  });
  const list = villages.data?.villages ?? [];

  if (villages.state === 'error' && !villages.data) {
    return <StateView kind="error" message={villages.message} onRetry={() => void villages.reload()} />;
  }
  return (
    <View className="card" data-testid="binding-form">
      <Text className="card__title">申请绑定村民身份</Text>
      <PrivacyConsent onChange={onConsent} />
      <TextField label="姓名" {...form.field('name')} placeholder="请填写身份证上的姓名" maxlength={20} />
      <VillageField
        villages={list}
        value={form.values.villageId}
        error={form.show('villageId') && '请选择所在的村或社区'}
        onChange={(id) => form.set('villageId', id)}
      />
      <TextField
        label="户号或门牌号"
        {...form.field('household')}
        hint="例如：三组 018 号"
        placeholder="请填写户号"
        maxlength={30}
      />
      <NumberField
        label="手机号码"
        {...form.field('phone')}
        hint="只保存打码后的号码，如 138****5678"
        placeholder="11 位手机号码"
        maxlength={11}
      />
      <FormError message={form.show('_consent')} />
      <FormActions submitText="提交申请" form={form} onCancel={onCancel} />
    </View>
  );
}
