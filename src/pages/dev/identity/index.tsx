import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { DEMO_IDENTITIES } from '../../../../scripts/demo/identities';
import Field from '../../../components/Field';
import { currentDevOpenid, newDevOpenid, setDevOpenid } from '../../../services/dev-identity';
import { refreshSession } from '../../../store/session';
import { routes } from '../../../routes';
import './index.css';

/**
 * 切换身份 — H5 local development only (not in the mini-program build): act as any demo WeChat user, or as a
 * brand-new one. In WeChat the identity comes from WeChat itself.
 */
export default function DevIdentity() {
  const [openid, setOpenid] = useState(currentDevOpenid());
  const [custom, setCustom] = useState('');

  const use = (next: string) => {
    setDevOpenid(next);
    setOpenid(next);
    void refreshSession();
    void Taro.switchTab({ url: routes.tabs.me });
  };

  return (
    <View className="dev-identity">
      <View className="card">
        <Text className="card__title">当前身份</Text>
        <Text data-testid="current-openid">{openid}</Text>
      </View>
      <View className="card">
        <Text className="card__title">演示身份</Text>
        {DEMO_IDENTITIES.map((d) => (
          <View
            key={d.openid}
            className="dev-identity__item"
            data-testid={`identity-${d.openid}`}
            ariaRole="button"
            ariaLabel={`切换为${d.label}`}
            onClick={() => use(d.openid)}
          >
            <Text className="dev-identity__label">{d.label}</Text>
            <Text className="muted">{d.openid}</Text>
          </View>
        ))}
      </View>
      <View className="card">
        <Button className="btn btn--primary" data-testid="new-user" onClick={() => use(newDevOpenid())}>
          用一个新的微信用户
        </Button>
        <Field label="或输入任意 OpenID">
          <Input
            className="input"
            value={custom}
            placeholder="例如 demo-resident-123"
            onInput={(e) => setCustom(e.detail.value)}
          />
        </Field>
        <Button className="btn btn--ghost" disabled={!custom.trim()} onClick={() => use(custom.trim())}>
          使用这个身份
        </Button>
      </View>
    </View>
  );
}
