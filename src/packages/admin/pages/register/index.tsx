import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { membersInput, MEMBER_FIELD_LABELS } from '@core/members';
import { formatDate } from '@core/time';
import { fieldProblems } from '@core/validation';
import Field from '../../../../components/Field';
import Screen from '../../../../components/Screen';
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
  const [name, setName] = useState('');
  const [household, setHousehold] = useState('');
  const [phone, setPhone] = useState('');
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [issued, setIssued] = useState<{ name: string; code: string; expiresAt: number } | null>(null);

  const input = { name, villageId, household, ...(phone.trim() ? { phone } : {}) };
  const problems = fieldProblems(membersInput.issueClaimCode, input, MEMBER_FIELD_LABELS);

  const submit = async () => {
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    setSending(true);
    const result = await call('members', 'issueClaimCode', input);
    setSending(false);
    if (!result.ok) return toast(result.error.message);
    setIssued({ name, code: result.data.code, expiresAt: result.data.expiresAt });
  };

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
  const show = (field: string) => (touched ? problems[field] : null);
  return (
    <Screen title="登记新村民">
      <View className="card">
        <Field label="姓名" error={show('name')}>
          <Input
            className="input"
            value={name}
            maxlength={20}
            placeholder="村民姓名"
            onInput={(e) => setName(e.detail.value)}
          />
        </Field>
        <Field label="户号或门牌号" error={show('household')}>
          <Input
            className="input"
            value={household}
            maxlength={30}
            placeholder="例如：三组 018 号"
            onInput={(e) => setHousehold(e.detail.value)}
          />
        </Field>
        <Field label="手机号码（可不填）" error={show('phone')} hint="只保存打码后的号码">
          <Input
            className="input"
            type="number"
            value={phone}
            maxlength={11}
            placeholder="11 位手机号码"
            onInput={(e) => setPhone(e.detail.value)}
          />
        </Field>
        <Button
          className="btn btn--primary"
          loading={sending}
          disabled={sending}
          onClick={() => void submit()}
        >
          登记并生成认领码
        </Button>
      </View>
    </Screen>
  );
}
