import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { MERGE_FROM_STEPS, STEP_LABELS, type ItemDetail, type ItemSummary } from '@core/agenda';
import type { Result } from '@core/result';
import { TextBox } from '../../../../components/TextArea';
import { call } from '../../../../services/cloud';
import { openPollFully } from '../../open-poll';
import Choice from '../../components/Choice';
import { confirm, toast } from '../../../../utils/feedback';
import { routes } from '../../../../routes';

/**
 * 办理: what the village admin (or, for merging, the 协商议事组 leader) can do with the matter at its step —
 * each move asks for confirmation first, since none can be undone.
 */
export default function AdminPanel({ item, onChanged }: { item: ItemDetail; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [merging, setMerging] = useState<ItemSummary[] | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const manage = item.mine.canManage;
  const poll = item.poll;

  /** Asks, runs, and reports: the page reloads after a move that worked. */
  const act = async (
    title: string,
    content: string,
    run: () => Promise<Result<unknown, string>>,
    done: string,
  ) => {
    if (!(await confirm(title, content, '确定'))) return;
    setBusy(true);
    setError(null);
    const result = await run();
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    toast(done, 'success');
    setNote('');
    setMerging(null);
    onChanged();
  };
  const advance = (title: string, content: string, done: string) =>
    act(
      title,
      content,
      () => call('agenda', 'advance', { itemId: item.itemId, ...(note.trim() ? { note } : {}) }),
      done,
    );
  const go = (page: 'roundtable' | 'pollSetup' | 'task') =>
    void Taro.navigateTo({ url: routes.agenda[page]({ itemId: item.itemId }) });

  const startMerge = async () => {
    setError(null);
    const found = await Promise.all(
      (['raised', 'consulting', 'roundtable'] as const).map((step) =>
        call('agenda', 'listItems', { villageId: item.villageId, step, limit: 50 }),
      ),
    );
    const failed = found.find((r) => !r.ok);
    if (failed && !failed.ok) return setError(failed.error.message);
    setMerging(found.flatMap((r) => (r.ok ? r.data.items : [])).filter((i) => i.itemId !== item.itemId));
    setTarget(null);
  };

  const buttons: { label: string; onClick: () => void; ghost?: boolean; usesNote?: boolean }[] = [];
  if (manage && item.status === 'held') {
    buttons.push({
      label: '审核通过，公开',
      onClick: () =>
        void act(
          '公开这件事项？',
          '公开后全村村民都能看到。',
          () => call('agenda', 'moderate', { itemId: item.itemId, approve: true }),
          '已公开',
        ),
    });
    buttons.push({
      label: '不予公开',
      ghost: true,
      usesNote: true,
      onClick: () =>
        note.trim().length < 2
          ? setError('请在下面写明不公开的原因，提出人会看到')
          : void act(
              '不予公开？',
              `原因：${note}`,
              () => call('agenda', 'moderate', { itemId: item.itemId, approve: false, reason: note }),
              '已处理',
            ),
    });
  }
  if (item.status === 'open') {
    switch (item.step) {
      case 'raised':
        if (manage)
          buttons.push({
            label: '开始征求意见',
            usesNote: true,
            onClick: () =>
              void advance('开始征求意见？', '进入“征求论事”，村民可以继续支持和讨论。', '已进入征求论事'),
          });
        break;
      case 'consulting':
        if (manage) buttons.push({ label: '安排圆桌会', onClick: () => go('roundtable') });
        break;
      case 'roundtable':
        if (manage) {
          buttons.push({
            label: item.roundtable?.minutes ? '修改会议纪要' : '记录会议纪要',
            ghost: true,
            onClick: () => go('roundtable'),
          });
          if (!poll) buttons.push({ label: '发起表决', onClick: () => go('pollSetup') });
          else
            buttons.push({
              label: '开始投票',
              onClick: () =>
                void act(
                  '开始投票？',
                  `“${poll.question}”\n开始后投票名单就固定了，表决内容不能再改。`,
                  () => openPollFully(poll.pollId),
                  '投票已开始',
                ),
            });
        }
        break;
      case 'deciding':
        if (manage && poll?.status === 'open')
          buttons.push({
            label: '结束投票',
            onClick: () =>
              void act(
                '现在结束投票？',
                '结束后不再接受投票，稍后公布结果。',
                () => call('agenda', 'closePoll', { pollId: poll.pollId }),
                '投票已结束',
              ),
          });
        if (manage && poll?.status === 'closed')
          buttons.push({
            label: poll.passed ? '进入集中办事' : '表决未通过，办结',
            usesNote: true,
            onClick: () =>
              void advance(
                poll.passed ? '进入集中办事？' : '办结这件事项？',
                `${poll.summary ?? ''}\n${poll.passed ? '接下来把决定落实成任务。' : '表决未通过，事项将办结并公示。'}`,
                '已办理',
              ),
          });
        break;
      case 'doing':
        if (manage) {
          buttons.push({ label: '安排任务', ghost: true, onClick: () => go('task') });
          buttons.push({
            label: '任务完成，请村民评议',
            usesNote: true,
            onClick: () =>
              void advance('进入制度监事？', '所有任务都已完成，请村民确认或提出异议。', '已进入制度监事'),
          });
        }
        break;
      case 'supervising':
        if (manage)
          buttons.push({
            label: '办结',
            usesNote: true,
            onClick: () =>
              void advance(
                '办结这件事项？',
                `${item.verdicts.confirm} 人确认，${item.verdicts.dispute} 人有异议。办结后六步记录全部公示。`,
                '已办结',
              ),
          });
        break;
      default:
        break;
    }
    if (item.mine.canMerge && MERGE_FROM_STEPS.includes(item.step))
      buttons.push({ label: '合并重复事项', ghost: true, onClick: () => void startMerge() });
  }
  if (buttons.length === 0) return null;

  const noteHint =
    item.status === 'held'
      ? '不予公开时填写原因'
      : item.step === 'supervising' && item.verdicts.dispute > 0
        ? '有村民提出异议，办结前请在这里回应'
        : '可选：给这一步写个说明，会记在公开记录里';
  return (
    <View className="card admin-panel" data-testid="admin-panel">
      <Text className="card__title">办理（{STEP_LABELS[item.step]}）</Text>
      {merging ? (
        <View>
          <Text className="lead">把本事项合并到：</Text>
          {merging.length === 0 && <Text className="muted lead">没有可以合并到的事项。</Text>}
          {merging.map((m) => (
            <Choice
              key={m.itemId}
              on={target === m.itemId}
              label={m.title}
              onClick={() => setTarget(m.itemId)}
            >
              <Text>{m.title}</Text>
            </Choice>
          ))}
          <TextBox
            value={note}
            placeholder="合并原因（两件事项上都会显示）"
            maxlength={100}
            onInput={setNote}
          />
          {error && <Text className="form__error">{error}</Text>}
          <View className="row admin-panel__row">
            <Button className="btn btn--ghost" onClick={() => setMerging(null)}>
              取消
            </Button>
            <Button
              className="btn btn--primary"
              disabled={busy || !target}
              onClick={() =>
                note.trim().length < 2
                  ? setError('请写明合并原因')
                  : void act(
                      '确认合并？',
                      `本事项将合并到“${merging.find((m) => m.itemId === target)?.title ?? ''}”，之后在那里继续办理。`,
                      () =>
                        call('agenda', 'merge', { itemId: item.itemId, intoItemId: target!, reason: note }),
                      '已合并',
                    )
              }
            >
              合并
            </Button>
          </View>
        </View>
      ) : (
        <View>
          {buttons.some((b) => b.usesNote) && (
            <TextBox
              value={note}
              placeholder={noteHint}
              maxlength={200}
              onInput={setNote}
              className="admin-panel__note"
            />
          )}
          {error && <Text className="form__error">{error}</Text>}
          <View className="stack admin-panel__row">
            {buttons.map((b) => (
              <Button
                key={b.label}
                className={`btn ${b.ghost ? 'btn--ghost' : 'btn--primary'}`}
                disabled={busy}
                onClick={b.onClick}
              >
                {b.label}
              </Button>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
