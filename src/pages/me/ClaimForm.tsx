import { Text, View } from '@tarojs/components';
import { normalizeClaimCode } from '@core/members/claim-code';
import FormActions from '../../components/FormActions';
import NumberField from '../../components/NumberField';
import { useForm } from '../../hooks/use-form';
import { call } from '../../services/cloud';
import { toast } from '../../utils/feedback';

/** 使用认领码: the 8-digit code a village cadre handed over binds this WeChat user to the record they made. */
export default function ClaimForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const form = useForm({
    initial: { code: '' },
    precheck: ({ code }) => (normalizeClaimCode(code) ? null : '认领码是 8 位数字，请核对后再输入'),
    send: (input) => call('members', 'claimWithCode', input),
    done: () => {
      toast('绑定成功', 'success');
      onDone();
    },
  });

  return (
    <View className="card" data-testid="claim-form">
      <Text className="card__title">使用认领码</Text>
      <Text className="muted">请输入村干部交给您的 8 位数字认领码。</Text>
      <NumberField
        label="认领码"
        {...form.field('code')}
        error={form.error}
        className="claim__input"
        placeholder="例如 1234 5678"
        maxlength={9}
      />
      <FormActions
        submitText="确认绑定"
        sending={form.sending}
        onSubmit={() => void form.submit()}
        onCancel={onCancel}
      />
    </View>
  );
}
