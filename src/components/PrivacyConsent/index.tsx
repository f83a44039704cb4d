import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import './index.css';

const H5_CONSENT_KEY = 'tongxin.privacy.agreed';

/**
 * Asks for consent to the privacy guide before the app collects personal information (name, household,
 * phone number). In WeChat the agree button is `open-type="agreePrivacyAuthorization"`, which records the
 * consent with WeChat itself; `Taro.getPrivacySetting` tells whether it is still needed. In H5 the consent
 * is kept in localStorage. Renders nothing once the user has agreed.
 */
export default function PrivacyConsent({ onChange }: { onChange: (agreed: boolean) => void }) {
  const [needed, setNeeded] = useState<boolean | null>(null);

  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      setNeeded(window.localStorage.getItem(H5_CONSENT_KEY) !== '1');
      return;
    }
    Taro.getPrivacySetting({
      success: (res) => setNeeded(res.needAuthorization),
      fail: () => setNeeded(true),
    });
  }, []);

  useEffect(() => {
    if (needed !== null) onChange(!needed);
  }, [needed, onChange]);

  if (needed !== true) return null;
  const agree = () => {
    if (process.env.TARO_ENV === 'h5') window.localStorage.setItem(H5_CONSENT_KEY, '1');
    setNeeded(false);
  };
  return (
    <View className="privacy">
      <Text className="privacy__text">
        绑定身份需要填写姓名、户号和手机号码。我们只用它们核实您的村民身份，手机号码只保存打码后的形式。
      </Text>
      <Text
        ariaRole="button"
        className="privacy__link"
        onClick={() => {
          if (process.env.TARO_ENV !== 'h5') void Taro.openPrivacyContract({});
        }}
      >
        查看《用户隐私保护指引》
      </Text>
      <Button
        className="btn btn--primary privacy__agree"
        openType={process.env.TARO_ENV === 'h5' ? undefined : 'agreePrivacyAuthorization'}
        onAgreePrivacyAuthorization={agree}
        onClick={process.env.TARO_ENV === 'h5' ? agree : undefined}
      >
        同意并继续
      </Button>
    </View>
  );
}
