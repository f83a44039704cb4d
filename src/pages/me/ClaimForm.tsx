import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { normalizeClaimCode } from '@core/members/claim-code';
import Field from '../../components/Field';
import FormActions from '../../components/FormActions';
import { call } from '../../services/cloud';
import { toast } from '../../utils/feedback';

/** 使用认领码: the 8-digit code a village cadre handed over binds this WeChat user to the record they made. */
export default function ClaimForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async () => {
    if (!normalizeClaimCode(code)) {
      setError('认领码是 8 位数字，请核对后再输入');
      return;
    }
    setError(null);
    setSending(true);
    const result = await call('members', 'claimWithCode', { code });
    setSending(false);
    if (result.ok) {
      toast('绑定成功', 'success');
      onDone();
    } else {
      setError(result.error.message);
    }
  };

  return (
    <View className="card" data-testid="claim-form">
      <Text className="card__title">使用认领码</Text>
      <Text className="muted">请输入村干部交给您的 8 位数字认领码。</Text>
      <Field label="认领码" error={error}>
        <Input
          className="input claim__input"
          type="number"
          value={code}
          placeholder="例如 1234 5678"
          maxlength={9}
          onInput={(e) => setCode(e.detail.value)}
        />
      </Field>
      <FormActions
        submitText="确认绑定"
        sending={sending}
        onSubmit={() => void submit()}
        onCancel={onCancel}
      />
    </View>
  );
}
