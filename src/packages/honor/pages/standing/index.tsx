import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { HONOR_LIST_LABELS, monthLabel, type StandingEntry } from '@core/honor';
import { formatDate, formatDateTime } from '@core/time';
import Screen from '../../../../components/Screen';
import StateView, { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import EntryCard from '../../components/EntryCard';
import { APPEAL_STATUS_LABELS, appealLastDay, RESTRICTION_STATE_LABELS } from '../../honor';
import { routes } from '../../../../routes';
import '../../honor.css';
import { useRefresh } from '../../../../hooks/use-refresh';

/** One time the household was on a board: the entry, its appeal, its restriction, and 申诉 while it may. */
function StandingCard({ item }: { item: StandingEntry }) {
  const { entry, appeal, restriction } = item;
  return (
    <View className="card" data-testid="standing-entry">
      <Text className="card__title">
        {monthLabel(item.month)} · {HONOR_LIST_LABELS[entry.list]}
      </Text>
      <EntryCard entry={entry} />
      <View className="facts">
        {restriction && (
          <Text>
            <Text className={`tag${restriction.state === 'active' ? '' : ' tag--ok'}`}>
              {RESTRICTION_STATE_LABELS[restriction.state]}
            </Text>
            {formatDate(restriction.startsAt)} 至 {formatDate(restriction.endsAt)}
            {restriction.liftedAt ? `，${formatDate(restriction.liftedAt)} 解除` : ''}
            {restriction.liftReason ? `（${restriction.liftReason}）` : ''}
          </Text>
        )}
        {appeal && (
          <View data-testid="appeal">
            <Text className={`tag${appeal.status === 'revoked' ? ' tag--ok' : ' tag--grey'}`}>
              {APPEAL_STATUS_LABELS[appeal.status]}
            </Text>
            <Text className="muted">{formatDateTime(appeal.createdAt)} 提交</Text>
            <Text className="honor-quote">我的申诉：{appeal.text}</Text>
            {appeal.resolution && (
              <Text className="honor-quote">
                处理意见（{appeal.resolution.name}，{formatDate(appeal.resolution.at)}）：
                {appeal.resolution.reason}
              </Text>
            )}
          </View>
        )}
        {item.canAppeal && item.appealUntil && (
          <>
            <Text>如有异议，可以申诉，截止到 {appealLastDay(item.appealUntil)}。</Text>
            <Button
              className="btn btn--primary"
              onClick={() =>
                void Taro.navigateTo({
                  url: routes.honor.appeal({ boardId: item.boardId, entryId: entry.entryId }),
                })
              }
            >
              申诉
            </Button>
          </>
        )}
        {!item.canAppeal && !appeal && item.appealUntil && !entry.correction && (
          <Text className="muted">申诉期已于 {appealLastDay(item.appealUntil)} 结束。</Text>
        )}
      </View>
    </View>
  );
}

/**
 * 我家的情况: whether the household is restricted now (and until when, and why), or a reassuring line; then
 * every time it was on a board, with corrections, appeals and restrictions, and 申诉 within the 15 days.
 */
export default function MyStanding() {
  const standing = useRemote(() => call('honor', 'myStanding', {}), []);
  useRefresh(standing.reload, { shownAgain: true });

  if (!standing.data) {
    return (
      <Screen title="我家的情况">
        <RemoteState remote={standing} />
      </Screen>
    );
  }
  const s = standing.data;
  return (
    <Screen title="我家的情况">
      <Text className="lead muted">
        {s.villageName} {s.household}
      </Text>
      {s.restricted ? (
        <View className="honor-banner honor-banner--warn" data-testid="restricted">
          <Text className="honor-banner__title">您家在黑榜限制期内</Text>
          <Text>到 {formatDate(s.restricted.until)} 为止，暂停享受村集体服务和福利。</Text>
          <Text>原因：{s.restricted.reasonTitle}</Text>
        </View>
      ) : (
        <View className="honor-banner honor-banner--ok" data-testid="not-restricted">
          <Text className="honor-banner__title">您家目前没有受到限制</Text>
          <Text>村集体的服务和福利都可以正常享受。</Text>
        </View>
      )}

      <Text className="section-title">上榜记录</Text>
      {s.entries.length === 0 ? (
        <StateView kind="empty" title="您家还没有上过红黑榜" />
      ) : (
        s.entries.map((item) => <StandingCard key={`${item.boardId}/${item.entry.entryId}`} item={item} />)
      )}
    </Screen>
  );
}
