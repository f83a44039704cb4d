import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { BOARD_STATUS_LABELS, boardId as boardIdOf, monthLabel, monthOf } from '@core/honor';
import { canManageVillage } from '@core/roles';
import Screen from '../../../../components/Screen';
import StateView from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { useSession } from '../../../../store/session';
import { useAction } from '../../honor';
import Appeals from './Appeals';
import BoardPanel from './BoardPanel';
import Rules from './Rules';
import '../../honor.css';

/**
 * 管理红黑榜 (village admins): start a month's board, draft it household by household, submit it for review,
 * approve it as the second admin or record the 村民代表大会's vote, correct a published board, resolve
 * appeals, and keep the 村规民约 and the black list's name setting. Every step changes one section and the
 * page reloads what it shows.
 */
export default function ManageHonor() {
  const session = useSession();
  const member = session.me?.status === 'bound' ? session.me.member : null;
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const boards = useRemote(() => call('honor', 'listBoards', {}), [version]);
  const rules = useRemote(() => call('honor', 'listRules', {}), [version]);
  const [month, setMonth] = useState(() => monthOf(Date.now()));
  const [chosen, setChosen] = useState<string | null>(null);
  const create = useAction(refresh);

  usePullDownRefresh(() => {
    refresh();
    void Taro.stopPullDownRefresh();
  });

  if (!member) {
    return (
      <Screen title="管理红黑榜">
        <StateView kind="loading" />
      </Screen>
    );
  }
  if (!canManageVillage(member, member.villageId)) {
    return (
      <Screen title="管理红黑榜">
        <StateView kind="empty" title="只有村管理员可以管理红黑榜" hint="村民可以在“红黑榜”里查看和申诉。" />
      </Screen>
    );
  }

  const list = boards.data?.boards ?? [];
  const shownId = (chosen && list.some((b) => b.boardId === chosen) ? chosen : list[0]?.boardId) ?? null;
  const shownIndex = list.findIndex((b) => b.boardId === shownId);
  const exists = list.some((b) => b.month === month);

  const createBoard = async () => {
    const done = await create.run(
      null,
      () => call('honor', 'createBoard', { month }),
      `已新建${monthLabel(month)}红黑榜`,
    );
    if (done) setChosen(boardIdOf(boards.data?.villageId ?? member.villageId, month));
  };

  return (
    <Screen title="管理红黑榜">
      <Text className="section-title">新建红黑榜</Text>
      <View className="card stack" data-testid="create">
        <Picker
          mode="date"
          fields="month"
          value={month}
          end={monthOf(Date.now())}
          onChange={(e) => setMonth(String(e.detail.value).slice(0, 7))}
        >
          <Text className="input">月份：{monthLabel(month)} ›</Text>
        </Picker>
        {exists ? (
          <Text className="muted">{monthLabel(month)}的红黑榜已经建好了，在下面选择它。</Text>
        ) : (
          <Button className="btn btn--primary" disabled={create.busy} onClick={() => void createBoard()}>
            新建{monthLabel(month)}红黑榜
          </Button>
        )}
        {create.error && <Text className="form__error">{create.error}</Text>}
      </View>

      <Text className="section-title">榜单</Text>
      {boards.state === 'error' && !boards.data ? (
        <StateView kind="error" message={boards.message} onRetry={() => void boards.reload()} />
      ) : !boards.data ? (
        <StateView kind="loading" />
      ) : list.length === 0 ? (
        <StateView kind="empty" title="还没有红黑榜" hint="先在上面新建本月的红黑榜。" />
      ) : (
        <>
          <Picker
            mode="selector"
            range={list.map((b) => `${monthLabel(b.month)}（${BOARD_STATUS_LABELS[b.status]}）`)}
            value={Math.max(0, shownIndex)}
            onChange={(e) => setChosen(list[Number(e.detail.value)]?.boardId ?? null)}
            data-testid="board-picker"
          >
            <Text className="input">
              {shownIndex >= 0
                ? `${monthLabel(list[shownIndex]!.month)}（${BOARD_STATUS_LABELS[list[shownIndex]!.status]}）`
                : '选择榜单'}{' '}
              ›
            </Text>
          </Picker>
          {shownId && (
            <BoardPanel
              boardId={shownId}
              rules={rules.data?.rules ?? []}
              version={version}
              onChanged={refresh}
            />
          )}
        </>
      )}

      <Text className="section-title">待处理申诉</Text>
      <Appeals version={version} onChanged={refresh} />

      <Text className="section-title">村规民约</Text>
      {rules.data ? (
        <Rules data={rules.data} onChanged={refresh} />
      ) : rules.state === 'error' ? (
        <StateView kind="error" message={rules.message} onRetry={() => void rules.reload()} />
      ) : (
        <StateView kind="loading" />
      )}
    </Screen>
  );
}
