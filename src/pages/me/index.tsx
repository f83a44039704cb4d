import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { formatDateTime } from '@core/time';
import Screen from '../../components/Screen';
import StateView from '../../components/StateView';
import RoleTags from '../../components/RoleTags';
import { refreshSession, useSession } from '../../store/session';
import BindingForm from './BindingForm';
import ClaimForm from './ClaimForm';
import SetupForm from './SetupForm';
import { routes } from '../../routes';
import './index.css';

type Mode = 'choose' | 'request' | 'claim' | 'setup';

/** 我的: who I am in the village — my record and roles once bound; otherwise the two ways to bind. */
export default function Me() {
  const session = useSession();
  const [mode, setMode] = useState<Mode>('choose');
  usePullDownRefresh(() => {
    void refreshSession().finally(() => Taro.stopPullDownRefresh());
  });
  const me = session.me;

  let body;
  if (!me) {
    body =
      session.state === 'error' ? (
        <StateView kind="error" message={session.message} onRetry={() => void refreshSession()} />
      ) : (
        <StateView kind="loading" />
      );
  } else if (me.status === 'bound') {
    const m = me.member;
    body = (
      <View className="card" data-testid="member-card">
        <Text className="card__title">{m.name}</Text>
        <View className="me__facts">
          <Text>所在村（社区）：{m.villageName}</Text>
          <Text>户号：{m.household}</Text>
          {m.phoneMasked && <Text>手机：{m.phoneMasked}</Text>}
          <Text className="muted">绑定时间：{formatDateTime(m.boundAt)}</Text>
        </View>
        <Text className="me__roles-title">我的身份</Text>
        <RoleTags labels={m.roleLabels} />
      </View>
    );
  } else if (me.status === 'pending' && mode !== 'request') {
    body = (
      <View className="card" data-testid="pending-card">
        <Text className="card__title">身份审核中</Text>
        <Text className="muted">
          您的申请已提交给{me.request.villageName}的村干部，审核通过后就能使用全部功能。
        </Text>
        <View className="me__facts">
          <Text>姓名：{me.request.name}</Text>
          <Text>户号：{me.request.household}</Text>
          <Text>手机：{me.request.phoneMasked}</Text>
          <Text className="muted">提交时间：{formatDateTime(me.request.createdAt)}</Text>
        </View>
        <Button className="btn btn--ghost" onClick={() => setMode('request')}>
          修改申请
        </Button>
      </View>
    );
  } else if (mode === 'choose') {
    body = (
      <View>
        {me.status === 'rejected' && (
          <View className="card me__rejected">
            <Text className="card__title">申请未通过</Text>
            <Text>原因：{me.reason}</Text>
            <Text className="muted">您可以修改后重新申请。</Text>
          </View>
        )}
        <View className="card">
          <Text className="card__title">绑定村民身份</Text>
          <Text className="muted">绑定后可以参与村里的议事、投票，查看本户信息。</Text>
          <View className="me__choices">
            <Button className="btn btn--primary" onClick={() => setMode('request')}>
              填写资料申请绑定
            </Button>
            <Button className="btn btn--ghost" onClick={() => setMode('claim')}>
              我有村干部给的认领码
            </Button>
          </View>
        </View>
        <Button
          className="btn btn--ghost btn--small me__setup"
          ariaLabel="我是管理员，输入开通码"
          onClick={() => setMode('setup')}
        >
          我是管理员，输入开通码
        </Button>
      </View>
    );
  } else if (mode === 'request') {
    body = (
      <BindingForm
        initial={me.status === 'pending' || me.status === 'rejected' ? me.request : null}
        onDone={() => {
          setMode('choose');
          void refreshSession();
        }}
        onCancel={() => setMode('choose')}
      />
    );
  } else if (mode === 'setup') {
    body = (
      <SetupForm
        onDone={() => {
          setMode('choose');
          void refreshSession();
        }}
        onCancel={() => setMode('choose')}
      />
    );
  } else {
    body = (
      <ClaimForm
        onDone={() => {
          setMode('choose');
          void refreshSession();
        }}
        onCancel={() => setMode('choose')}
      />
    );
  }

  return (
    <Screen title="我的">
      {body}
      {process.env.TARO_ENV === 'h5' && (
        <Button
          className="btn btn--ghost me__dev"
          onClick={() => void Taro.navigateTo({ url: routes.devIdentity })}
        >
          切换身份（本地开发）
        </Button>
      )}
    </Screen>
  );
}
