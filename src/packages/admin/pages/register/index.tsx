import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { membersInput, MEMBER_FIELD_LABELS } from '@core/members';
import { formatDate } from '@core/time';
import NumberField from '../../../../components/NumberField';
import Screen from '../../../../components/Screen';
import TextField from '../../../../components/TextField';
import { useForm } from '../../../../hooks/use-form';
import { call } from '../../../../services/cloud';
import { toast } from '../../../../utils/feedback';
import './index.css';

/**
 * 登记新村民: for residents who cannot fill in the form themselves (many are elderly). The admin enters the
 * record; the page shows the one-time claim code, large, to copy onto paper and hand over.
 */
export default function Register() {
  const { params } = useRouter();
  const villageId = params.villageId ?? '';
  const [issued, setIssued] = useState<{ name: string; code: string; expiresAt: number } | null>(null);
  const form = useForm({
    initial: { name: '', household: '', phone: '' },
    input: ({ name, household, phone }) => ({
      name,
      villageId,
      household,
      ...(phone.trim() ? { phone } : {}),
    }),
    schema: membersInput.issueClaimCode,
    labels: MEMBER_FIELD_LABELS,
    send: (input) => call('members', 'issueClaimCode', input),
    done: ({ code, expiresAt }, { name }) => setIssued({ name, code, expiresAt }),
    onRefused: (message) => toast(message),
  });

  if (issued) {
    return (
      <Screen title="认领码">
        <View className="card register__issued" data-testid="issued-code">
          <Text className="card__title">{issued.name} 的认领码</Text>
          <Text className="register__code" data-testid="claim-code">
            {issued.code}
          </Text>
          <Text>
            请抄写在纸上交给本人。本人在同心小程序“我的”页面选择“我有村干部给的认领码”，输入即可绑定。
          </Text>
          <Text className="muted">只能使用一次，有效期至 {formatDate(issued.expiresAt)}。</Text>
        </View>
        <Button className="btn btn--primary" onClick={() => void Taro.navigateBack()}>
          完成
        </Button>
      </Screen>
    );
  }
  return (
    <Screen title="登记新村民">
      <View className="card">
        <TextField label="姓名" {...form.field('name')} maxlength={20} placeholder="村民姓名" />
        <TextField
          label="户号或门牌号"
          {...form.field('household')}
          maxlength={30}
          placeholder="例如：三组 018 号"
        />
        <NumberField
          label="手机号码（可不填）"
          {...form.field('phone')}
          hint="只保存打码后的号码"
          maxlength={11}
          placeholder="11 位手机号码"
        />
        <Button
          className="btn btn--primary"
          loading={form.sending}
          disabled={form.sending}
          onClick={() => void form.submit()}
        >
          登记并生成认领码
        </Button>
      </View>
    </Screen>
  );
}
