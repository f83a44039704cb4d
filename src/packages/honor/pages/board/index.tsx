import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  BOARD_STATUS_LABELS,
  HONOR_LIST_LABELS,
  HONOR_LISTS,
  monthLabel,
  RESTRICTION_MONTHS,
  APPEAL_DAYS,
  type BoardView,
} from '@core/honor';
import { ok } from '@core/result';
import { canManageVillage } from '@core/roles';
import { formatDate } from '@core/time';
import Screen from '../../../../components/Screen';
import StateView, { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { useSession } from '../../../../store/session';
import EntryCard from '../../components/EntryCard';
import { reviewText } from '../../honor';
import { routes } from '../../../../routes';
import '../../honor.css';
import { useRefresh } from '../../../../hooks/use-refresh';
import { useShare } from '../../../../hooks/use-share';

/** The red list and the black list of one board, side by side when the screen is wide enough. */
function BoardLists({ board }: { board: BoardView }) {
  return (
    <View className="honor-lists">
      {HONOR_LISTS.map((list) => {
        const entries = board.entries.filter((e) => e.list === list);
        return (
          <View key={list} className="card honor-list" data-testid={`list-${list}`}>
            <Text className={`honor-list__title honor-list__title--${list}`}>
              {HONOR_LIST_LABELS[list]}（{entries.length} 户）
            </Text>
            {entries.length === 0 && <Text className="muted">本月没有{HONOR_LIST_LABELS[list]}农户。</Text>}
            {entries.map((e) => (
              <EntryCard key={e.entryId} entry={e} />
            ))}
          </View>
        );
      })}
    </View>
  );
}

/**
 * 诚信红黑榜: the village's boards by month, newest first (its admins also see drafts and boards waiting
 * for review), and the chosen month's red and black lists, how the board was reviewed, and corrections.
 */
export default function HonorBoard() {
  const session = useSession();
  const member = session.me?.status === 'bound' ? session.me.member : null;
  // A shared board opens on the sender's month when it is on the receiver's village's list too.
  const [chosen, setChosen] = useState<string | null>(useRouter().params.boardId ?? null);
  const boards = useRemote(() => call('honor', 'listBoards', {}), []);
  const list = boards.data?.boards ?? [];
  const shownId =
    (chosen && list.some((b) => b.boardId === chosen) ? chosen : null) ??
    (list.find((b) => b.status === 'published') ?? list[0])?.boardId ??
    null;
  const board = useRemote(
    () => (shownId ? call('honor', 'getBoard', { boardId: shownId }) : Promise.resolve(ok(null))),
    [shownId],
  );
  const admin = !!boards.data && canManageVillage(member, boards.data.villageId);
  const b = board.data?.boardId === shownId ? board.data : null;
  useShare(
    routes.honor.board(shownId ? { boardId: shownId } : {}),
    b && `${b.villageName}${monthLabel(b.month)}诚信红黑榜`,
    '诚信红黑榜',
  );

  const reload = async () => {
    await Promise.all([boards.reload(), board.reload()]);
  };
  useRefresh(reload, { shownAgain: true });

  const buttons = (
    <View className="row" style={{ marginBottom: '24px' }}>
      <Button
        className="btn btn--primary"
        onClick={() => void Taro.navigateTo({ url: routes.honor.standing })}
      >
        我家的情况
      </Button>
      {admin && (
        <Button className="btn btn--ghost" onClick={() => void Taro.navigateTo({ url: routes.honor.manage })}>
          管理红黑榜
        </Button>
      )}
    </View>
  );

  if (!boards.data) {
    return (
      <Screen title="红黑榜">
        <RemoteState remote={boards} />
      </Screen>
    );
  }
  if (list.length === 0) {
    return (
      <Screen title="红黑榜">
        {buttons}
        <StateView kind="empty" title="本村还没有公布红黑榜" hint="每月的红黑榜经审核公布后会显示在这里。" />
      </Screen>
    );
  }

  return (
    <Screen title="红黑榜">
      {buttons}
      <View className="honor-months" data-testid="months">
        {list.map((s) => (
          <Text
            ariaRole="button"
            key={s.boardId}
            className={`chip${s.boardId === shownId ? ' chip--on' : ''}`}
            onClick={() => setChosen(s.boardId)}
          >
            {monthLabel(s.month)}
            {s.status !== 'published' ? `（${BOARD_STATUS_LABELS[s.status]}）` : ''}
          </Text>
        ))}
      </View>

      {!b || b.boardId !== shownId ? (
        <RemoteState remote={board} />
      ) : (
        <>
          <View className="card facts" data-testid="board">
            <Text className="card__title">
              {b.villageName} {monthLabel(b.month)}诚信红黑榜
              {b.status !== 'published' && (
                <Text className="tag tag--grey">{BOARD_STATUS_LABELS[b.status]}</Text>
              )}
            </Text>
            {b.publishedAt && <Text>{formatDate(b.publishedAt)} 公布</Text>}
            {b.review && <Text data-testid="review">{reviewText(b.review)}</Text>}
            <Text className="muted">
              上黑榜的农户 {RESTRICTION_MONTHS} 个月内暂停享受村集体服务和福利；有异议的，可在公布后{' '}
              {APPEAL_DAYS} 天内申诉。
            </Text>
          </View>
          <BoardLists board={b} />
        </>
      )}
    </Screen>
  );
}
