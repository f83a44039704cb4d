import { Text, View } from '@tarojs/components';
import { LEVEL_LABELS, POSITION_LABELS } from '@core/groups';
import Screen from '../../../../components/Screen';
import StateView from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import './index.css';
import { useRefresh } from '../../../../hooks/use-refresh';

/** 联盟小组: the five functional groups, what each does, who leads it, how many members it has. */
export default function Groups() {
  const groups = useRemote(() => call('members', 'listGroups', {}));
  useRefresh(groups.reload);

  return (
    <Screen title="联盟小组">
      {!groups.data && groups.state === 'loading' && <StateView kind="loading" />}
      {!groups.data && groups.state === 'error' && (
        <StateView kind="error" message={groups.message} onRetry={() => void groups.reload()} />
      )}
      {groups.data?.groups.map((g) => (
        <View key={g.code} className="card" data-testid={`group-${g.code}`}>
          <Text className="card__title">{g.name}</Text>
          <Text className="groups__duty">{g.duty}</Text>
          <Text className="muted">成员 {g.memberCount} 人</Text>
          {g.leaders.length === 0 ? (
            <Text className="groups__none">暂未设组长</Text>
          ) : (
            <View className="groups__leaders">
              {g.leaders.map((l) => (
                <Text key={`${l.residentId}-${l.level}`} className="groups__leader">
                  {LEVEL_LABELS[l.level]}
                  {POSITION_LABELS[l.position]}：{l.name}（{l.villageName}）
                </Text>
              ))}
            </View>
          )}
        </View>
      ))}
    </Screen>
  );
}
