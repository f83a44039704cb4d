import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { membersInput, MEMBER_FIELD_LABELS } from '@core/members';
import { normalizeSetupCode } from '@core/members/township';
import FormActions, { FormError } from '../../components/FormActions';
import PrivacyConsent from '../../components/PrivacyConsent';
import StateView from '../../components/StateView';
import TextField from '../../components/TextField';
import VillageField from '../../components/VillageField';
import { useForm } from '../../hooks/use-form';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/cloud';
import { toast } from '../../utils/feedback';

/**
 * 开通（镇管理员）: the one-time code printed when the township was set up (README 上线清单), the admin's name
 * and the village or community they live in. The first person to enter it becomes the town admin.
 */
export default function SetupForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const villages = useRemote(() => call('members', 'listVillages', {}));
  const [agreed, setAgreed] = useState(false);
  const onConsent = useCallback((ok: boolean) => setAgreed(ok), []);
  const form = useForm({
    initial: { code: '', name: '', villageId: '' },
    schema: membersInput.claimSetup,
    labels: { ...MEMBER_FIELD_LABELS, code: '开通码' },
    check: ({ code }) => ({
      code: normalizeSetupCode(code) ? null : '开通码是 12 位字母和数字，请核对后再输入',
      _consent: agreed ? null : '请先阅读并同意隐私保护指引',
    }),
    send: (input) => call('members', 'claimSetup', input),
    done: () => {
      toast('开通成功，您是镇管理员', 'success');
      onDone();
    },
  });
  const list = villages.data?.villages ?? [];

  if (villages.state === 'error' && !villages.data) {
    return <StateView kind="error" message={villages.message} onRetry={() => void villages.reload()} />;
  }
  return (
    <View className="card" data-testid="setup-form">
      <Text className="card__title">开通（镇管理员）</Text>
      <Text className="muted">
        请输入部署时打印的 12 位开通码。开通码只能用一次，用后您就是本镇的管理员。
      </Text>
      <PrivacyConsent onChange={onConsent} />
      <TextField label="开通码" {...form.field('code')} placeholder="例如 ABCD-EFGH-JKMN" maxlength={16} />
      <TextField label="姓名" {...form.field('name')} placeholder="请填写身份证上的姓名" maxlength={20} />
      <VillageField
        villages={list}
        value={form.values.villageId}
        error={form.show('villageId') && '请选择所在的村或社区'}
        onChange={(id) => form.set('villageId', id)}
      />
      <FormError message={form.show('_consent')} />
      <FormActions submitText="开通" form={form} onCancel={onCancel} />
    </View>
  );
}
