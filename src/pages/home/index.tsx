import { useEffect } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import Screen from '../../components/Screen';
import StateView from '../../components/StateView';
import { menuFor } from '../../menu';
import { refreshSession, useSession } from '../../store/session';
import { showNoticeBadge } from '../../utils/notice-badge';
import { routes } from '../../routes';
import './index.css';

/** 首页: the “迤那之窗 · 统战联盟” menu — every feature the user may use, and a nudge to bind if they have not. */
export default function Home() {
  const session = useSession();
  usePullDownRefresh(() => {
    void refreshSession().finally(() => Taro.stopPullDownRefresh());
  });
  const me = session.me;
  const member = me?.status === 'bound' ? me.member : null;
  const entries = menuFor(member);
  // The 通知 tab's unread count, whenever the app comes to the front on 首页.
  useDidShow(() => {
    if (member) void showNoticeBadge();
  });
  useEffect(() => {
    if (member) void showNoticeBadge();
  }, [member?.residentId]);

  return (
    <Screen title="同心">
      <View className="home__banner">
        <Text className="home__title">迤那之窗 · 统战联盟</Text>
        <Text className="home__subtitle">
          {member ? `${member.villageName} · ${member.name}，您好` : '同心协力，共建美丽乡村'}
        </Text>
      </View>

      {session.state === 'error' && !me && (
        <StateView kind="error" message={session.message} onRetry={() => void refreshSession()} />
      )}

      {me && me.status !== 'bound' && (
        <View
          className="card home__nudge"
          onClick={() => void Taro.switchTab({ url: routes.tabs.me })}
          ariaRole="button"
          ariaLabel={me.status === 'pending' ? '身份审核中，查看我的' : '请先绑定村民身份，点这里去绑定'}
        >
          <Text className="card__title">{me.status === 'pending' ? '身份审核中' : '请先绑定村民身份'}</Text>
          <Text className="muted">
            {me.status === 'pending'
              ? '村干部审核通过后，您就可以参与议事和查看本户信息了。'
              : '绑定后可以参与村里的议事、投票，查看本户信息。点这里去绑定。'}
          </Text>
        </View>
      )}

      <View className="home__menu">
        {entries.map((entry) => (
          <View
            key={entry.id}
            className="home__entry"
            data-testid={`menu-${entry.id}`}
            ariaRole="button"
            ariaLabel={`${entry.title}：${entry.description}`}
            onClick={() => void Taro.navigateTo({ url: entry.url })}
          >
            <Text className="home__badge">{entry.badge}</Text>
            <View className="home__entry-text">
              <Text className="home__entry-title">{entry.title}</Text>
              <Text className="home__entry-desc">{entry.description}</Text>
            </View>
          </View>
        ))}
      </View>
    </Screen>
  );
}
