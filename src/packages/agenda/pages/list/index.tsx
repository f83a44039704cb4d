import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { canSeeEveryVillage, STEP_LABELS, STEPS, type ItemSummary, type Step } from '@core/agenda';
import { formatDate } from '@core/time';
import { useShownAgain } from '../../../../hooks/use-shown-again';
import Screen from '../../../../components/Screen';
import { PagedListMore, PagedListTop } from '../../../../components/PagedListStatus';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { call } from '../../../../services/cloud';
import { useSession } from '../../../../store/session';
import { routes } from '../../../../routes';
import '../../agenda.css';
import './index.css';

/**
 * 圆桌议事: the village's matters by step (群众提事 … 制度监事, 已办结), newest activity first, with 我提的 as a
 * filter; town-level users pick the village. 我要提事 and 我的回执 are one tap away.
 */
export default function AgendaList() {
  const session = useSession();
  const member = session.me?.status === 'bound' ? session.me.member : null;
  const townWide = !!member && canSeeEveryVillage(member);
  const [step, setStep] = useState<Step | null>(null);
  const [mine, setMine] = useState(false);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [villages, setVillages] = useState<{ id: string; name: string }[]>([]);

  useEffect(() => {
    if (!member) return;
    setVillageId((v) => v ?? member.villageId);
    if (townWide) {
      void call('members', 'listVillages', {}).then((r) => {
        if (r.ok) setVillages(r.data.villages);
      });
    }
  }, [member, townWide]);

  const list = usePagedList<ItemSummary>(
    useCallback(
      (cursor: string | null) =>
        call('agenda', 'listItems', {
          ...(villageId ? { villageId } : {}),
          ...(step ? { step } : {}),
          ...(mine ? { mine } : {}),
          ...(cursor ? { cursor } : {}),
        }),
      [villageId, step, mine],
    ),
  );
  useEffect(() => {
    if (villageId) void list.reload();
  }, [villageId, step, mine]);
  // Back from a matter or the propose form: show what changed (the first show is the effect above).
  useShownAgain(() => {
    if (villageId) void list.reload();
  });

  if (session.me && session.me.status !== 'bound') {
    return (
      <Screen title="圆桌议事">
        <View
          className="card"
          onClick={() => void Taro.switchTab({ url: routes.tabs.me })}
          ariaRole="button"
          ariaLabel="请先绑定村民身份，点这里去绑定"
        >
          <Text className="card__title">请先绑定村民身份</Text>
          <Text className="muted">绑定后可以提事、讨论和投票。点这里去绑定。</Text>
        </View>
      </Screen>
    );
  }

  const villageIndex = villages.findIndex((v) => v.id === villageId);
  return (
    <Screen title="圆桌议事">
      <View className="row agenda-list__actions">
        <Button
          className="btn btn--primary"
          onClick={() => void Taro.navigateTo({ url: routes.agenda.propose })}
        >
          我要提事
        </Button>
        <Button
          className="btn btn--ghost"
          onClick={() => void Taro.navigateTo({ url: routes.agenda.receipts })}
        >
          我的回执
        </Button>
      </View>

      {townWide && villages.length > 0 && (
        <Picker
          mode="selector"
          range={villages.map((v) => v.name)}
          value={Math.max(0, villageIndex)}
          onChange={(e) => setVillageId(villages[Number(e.detail.value)]?.id ?? villageId)}
        >
          <View className="agenda-list__village">
            <Text>{villageIndex >= 0 ? villages[villageIndex]!.name : '选择村（社区）'}</Text>
            <Text className="muted">切换 ›</Text>
          </View>
        </Picker>
      )}

      <View className="chips" data-testid="step-filter">
        <Text
          ariaRole="button"
          className={`chip${step === null ? ' chip--on' : ''}`}
          onClick={() => setStep(null)}
        >
          全部
        </Text>
        {STEPS.map((s) => (
          <Text
            ariaRole="button"
            key={s}
            className={`chip${step === s ? ' chip--on' : ''}`}
            onClick={() => setStep(s)}
          >
            {STEP_LABELS[s]}
          </Text>
        ))}
        <Text
          ariaRole="button"
          className={`chip${mine ? ' chip--on' : ''}`}
          onClick={() => setMine((m) => !m)}
        >
          我提的
        </Text>
      </View>

      <PagedListTop
        list={list}
        emptyTitle={step ? `没有处于“${STEP_LABELS[step]}”的事项` : '还没有事项'}
        emptyHint="村里的事，大家商量着办。点“我要提事”提出您关心的事。"
      />
      {list.items.map((item) => (
        <View
          key={item.itemId}
          className="card agenda-list__item"
          data-testid="agenda-item"
          ariaRole="button"
          ariaLabel={`${STEP_LABELS[item.step]}：${item.title}`}
          onClick={() => void Taro.navigateTo({ url: routes.agenda.item({ itemId: item.itemId }) })}
        >
          <View>
            <Text className={`tag${item.step === 'closed' ? ' tag--grey' : ''}`}>
              {STEP_LABELS[item.step]}
            </Text>
            {item.status === 'held' && <Text className="tag tag--grey">待审核</Text>}
          </View>
          <Text className="card__title agenda-list__title">{item.title}</Text>
          <Text className="muted">
            {item.authorName} 提出 · {formatDate(item.createdAt)}
            {townWide ? ` · ${item.villageName}` : ''}
          </Text>
          <Text className="muted">
            支持 {item.supportCount} · 评论 {item.commentCount}
          </Text>
        </View>
      ))}
      <PagedListMore list={list} />
    </Screen>
  );
}
