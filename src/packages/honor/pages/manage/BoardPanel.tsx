import { useState } from 'react';
import { Button, Picker, Text, View } from '@tarojs/components';
import {
  BOARD_STATUS_LABELS,
  canEditBoard,
  monthLabel,
  NOTE_MAX,
  RESTRICTION_MONTHS,
  type BoardView,
  type RuleView,
} from '@core/honor';
import { toChinaPickers } from '@core/time';
import { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import EntryCard from '../../components/EntryCard';
import ReasonForm from '../../components/ReasonForm';
import { assemblyDate, reviewText, useAction } from '../../honor';
import EntryForm from './EntryForm';

type Action = ReturnType<typeof useAction>;

/** 草稿: entries with 移除, the form to add one, and 提交审核. */
function Draft({ board, rules, act }: { board: BoardView; rules: RuleView[]; act: Action }) {
  const { boardId } = board;
  return (
    <>
      {board.returnedReason && (
        <View className="honor-banner honor-banner--warn" data-testid="returned">
          <Text className="honor-banner__title">审核时被退回</Text>
          <Text>原因：{board.returnedReason}</Text>
        </View>
      )}
      <View className="card">
        <Text className="card__title">榜上农户（{board.entries.length} 户）</Text>
        {board.entries.length === 0 && <Text className="muted">还没有加入任何一户。</Text>}
        {board.entries.map((e) => (
          <EntryCard key={e.entryId} entry={e} showList>
            <Text
              ariaRole="button"
              className="chip"
              onClick={() =>
                void act.run(
                  null,
                  () => call('honor', 'removeEntry', { boardId, entryId: e.entryId }),
                  '已移除',
                )
              }
            >
              移除
            </Text>
          </EntryCard>
        ))}
      </View>
      <EntryForm boardId={boardId} rules={rules} act={act} />
      <Button
        className="btn btn--primary"
        disabled={act.busy || board.entries.length === 0}
        onClick={() =>
          void act.run(
            {
              title: '提交审核？',
              content: '提交后不能再修改。需另一位管理员审核通过，或记录村民代表大会决议，才会公布。',
              confirmText: '提交',
            },
            () => call('honor', 'submitBoard', { boardId }),
            '已提交审核',
          )
        }
      >
        提交审核
      </Button>
    </>
  );
}

/** 待审核: 审核通过 (a second admin only), 退回 with a reason, or the 村民代表大会's vote with its date. */
function Pending({ board, act }: { board: BoardView; act: Action }) {
  const { boardId } = board;
  const [date, setDate] = useState(() => toChinaPickers(Date.now()).date);
  const publishes = `公布后榜单不能再修改，黑榜农户的限制从公布之日起 ${RESTRICTION_MONTHS} 个月。`;
  return (
    <>
      <View className="card">
        <Text className="card__title">榜上农户（{board.entries.length} 户）</Text>
        {board.entries.map((e) => (
          <EntryCard key={e.entryId} entry={e} showList />
        ))}
      </View>
      <View className="card stack" data-testid="review">
        <Text className="card__title">审核</Text>
        {board.canApprove ? (
          <Button
            className="btn btn--primary"
            disabled={act.busy}
            onClick={() =>
              void act.run(
                { title: '审核通过并公布？', content: publishes, confirmText: '公布' },
                () => call('honor', 'approveBoard', { boardId }),
                '已公布',
              )
            }
          >
            审核通过
          </Button>
        ) : (
          <Text className="muted">
            您起草或提交了这期榜单，不能自己审核。请另一位管理员审核，或记录村民代表大会决议。
          </Text>
        )}
        <Text className="muted">发现问题，写明原因退回修改：</Text>
        <ReasonForm
          placeholder="退回原因（起草人会看到）"
          max={100}
          busy={act.busy}
          actions={[
            {
              label: '退回',
              ghost: true,
              onClick: (reason) =>
                act.run(
                  { title: '退回这期榜单？', content: `原因：${reason}`, confirmText: '退回' },
                  () => call('honor', 'returnBoard', { boardId, reason }),
                  '已退回',
                ),
            },
          ]}
        />
      </View>
      <View className="card stack" data-testid="assembly">
        <Text className="card__title">记录村民代表大会决议</Text>
        <Picker
          mode="date"
          value={date}
          end={toChinaPickers(Date.now()).date}
          onChange={(e) => setDate(e.detail.value)}
        >
          <Text className="input">会议日期：{assemblyDate(date)} ›</Text>
        </Picker>
        <Button
          className="btn btn--ghost"
          disabled={act.busy}
          onClick={() =>
            void act.run(
              {
                title: '记录决议并公布？',
                content: `村民代表大会于 ${assemblyDate(date)} 表决通过这期榜单。${publishes}`,
                confirmText: '公布',
              },
              () => call('honor', 'recordAssembly', { boardId, date }),
              '已公布',
            )
          }
        >
          记录决议并公布
        </Button>
      </View>
    </>
  );
}

/** 已公布: the board never changes; a correction is added beside an entry, with its reason; a black-listed
 * household can be re-assessed before its 3 months are up (复评: lift the restriction, or keep it). */
function Published({ board, act }: { board: BoardView; act: Action }) {
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [reassessing, setReassessing] = useState<string | null>(null);
  const reassess = (entryId: string, name: string, outcome: 'lifted' | 'kept', note: string) =>
    act.run(
      outcome === 'lifted'
        ? { title: `解除 ${name} 的限制？`, content: `复评意见：${note}`, confirmText: '解除' }
        : { title: `维持 ${name} 的限制？`, content: `复评意见：${note}`, confirmText: '维持' },
      () => call('honor', 'reassess', { restrictionId: `${board.boardId}_${entryId}`, outcome, note }),
      outcome === 'lifted' ? '已解除限制' : '已记录复评',
    );
  return (
    <View className="card">
      {board.review && <Text className="muted">{reviewText(board.review)}</Text>}
      {board.entries.map((e) => (
        <EntryCard key={e.entryId} entry={e} showList>
          {!e.correction && correcting !== e.entryId && (
            <Text ariaRole="button" className="chip" onClick={() => setCorrecting(e.entryId)}>
              更正
            </Text>
          )}
          {e.list === 'black' && !e.correction && reassessing !== e.entryId && (
            <Text ariaRole="button" className="chip" onClick={() => setReassessing(e.entryId)}>
              复评
            </Text>
          )}
          {reassessing === e.entryId && (
            <ReasonForm
              placeholder="复评意见（如：已整改，主动清理河道）"
              max={NOTE_MAX}
              busy={act.busy}
              actions={[
                {
                  label: '解除限制',
                  onClick: async (note) => {
                    const done = await reassess(e.entryId, e.name, 'lifted', note);
                    if (done) setReassessing(null);
                    return done;
                  },
                },
                {
                  label: '维持限制',
                  ghost: true,
                  onClick: async (note) => {
                    const done = await reassess(e.entryId, e.name, 'kept', note);
                    if (done) setReassessing(null);
                    return done;
                  },
                },
                { label: '取消', ghost: true, onClick: async () => (setReassessing(null), false) },
              ]}
            />
          )}
          {correcting === e.entryId && (
            <ReasonForm
              placeholder="更正原因（会公布在原记录旁边）"
              max={NOTE_MAX}
              busy={act.busy}
              actions={[
                {
                  label: '确认更正',
                  onClick: async (reason) => {
                    const done = await act.run(
                      {
                        title: `更正 ${e.name} 的记录？`,
                        content: '更正会公布在原记录旁边，原记录不删除；黑榜的限制随即解除。',
                        confirmText: '更正',
                      },
                      () =>
                        call('honor', 'addCorrection', {
                          boardId: board.boardId,
                          entryId: e.entryId,
                          reason,
                        }),
                      '已更正',
                    );
                    if (done) setCorrecting(null);
                    return done;
                  },
                },
                { label: '取消', ghost: true, onClick: async () => (setCorrecting(null), false) },
              ]}
            />
          )}
        </EntryCard>
      ))}
    </View>
  );
}

/** The chosen board, with what its status allows. */
export default function BoardPanel({
  boardId,
  rules,
  version,
  onChanged,
}: {
  boardId: string;
  rules: RuleView[];
  version: number;
  onChanged: () => void;
}) {
  const board = useRemote(() => call('honor', 'getBoard', { boardId }), [boardId, version]);
  const act = useAction(onChanged);
  const b = board.data;
  if (!b || b.boardId !== boardId) return <RemoteState remote={board} />;
  return (
    <View data-testid="manage-board">
      <Text className="lead">
        {monthLabel(b.month)} · <Text className="tag tag--grey">{BOARD_STATUS_LABELS[b.status]}</Text>
        {b.draftedBy} 起草
      </Text>
      {canEditBoard(b.status) && <Draft board={b} rules={rules} act={act} />}
      {b.status === 'pending' && <Pending board={b} act={act} />}
      {b.status === 'published' && <Published board={b} act={act} />}
      {act.error && <Text className="form__error">{act.error}</Text>}
    </View>
  );
}
