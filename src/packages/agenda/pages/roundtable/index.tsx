import { useEffect } from 'react';
import { useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import type { ItemDetail, ParticipantView } from '@core/agenda';
import { DAY_MS, fromChinaPickers, toChinaPickers } from '@core/time';
import Field from '../../../../components/Field';
import FormActions from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import StateView, { RemoteState } from '../../../../components/StateView';
import TextField from '../../../../components/TextField';
import { useForm } from '../../../../hooks/use-form';
import { useRemote } from '../../../../hooks/use-remote';
import { TextBox } from '../../../../components/TextArea';
import { call } from '../../../../services/cloud';
import { backWith } from '../../../../utils/feedback';
import Choice from '../../components/Choice';
import '../../agenda.css';

const MAX_PARTICIPANTS = 30;

/**
 * 圆桌议事 (admin): schedule the round table — date, time, place and who sits at it, chosen from the
 * alliance groups — or, once it is scheduled, record its minutes.
 */
export default function RoundtablePage() {
  const itemId = useRouter().params.id ?? '';
  const item = useRemote(() => call('agenda', 'getItem', { itemId }), [itemId]);
  if (!item.data) {
    return (
      <Screen title="圆桌会">
        <RemoteState remote={item} />
      </Screen>
    );
  }
  return (
    <Screen title="圆桌会">
      {item.data.step === 'roundtable' ? <MinutesForm item={item.data} /> : <ScheduleForm item={item.data} />}
    </Screen>
  );
}

function ScheduleForm({ item }: { item: ItemDetail }) {
  const people = useRemote(() => call('agenda', 'listParticipants', { itemId: item.itemId }), [item.itemId]);
  const list: ParticipantView[] = people.data?.participants ?? [];
  const form = useForm({
    initial: () => ({
      date: toChinaPickers(Date.now() + DAY_MS).date,
      time: '19:00',
      place: '',
      chosen: [] as string[],
    }),
    precheck: ({ place, chosen }) =>
      place.trim().length < 2 ? '请填写开会地点' : chosen.length === 0 ? '请至少选择一位参会人' : null,
    ask: ({ date, time, place, chosen }) => ({
      title: '安排圆桌会？',
      content: `${date} ${time}，${place}\n参会：${list
        .filter((p) => chosen.includes(p.residentId))
        .map((p) => p.name)
        .join('、')}`,
      confirmText: '安排',
    }),
    send: (_, { date, time, place, chosen }) =>
      call('agenda', 'scheduleRoundtable', {
        itemId: item.itemId,
        at: fromChinaPickers(date, time),
        place,
        participantIds: chosen,
      }),
    done: () => backWith('已安排圆桌会'),
  });
  const { date, time, chosen } = form.values;

  const toggle = (id: string) =>
    form.setValues((v) => ({
      ...v,
      chosen: v.chosen.includes(id)
        ? v.chosen.filter((x) => x !== id)
        : v.chosen.length < MAX_PARTICIPANTS
          ? [...v.chosen, id]
          : v.chosen,
    }));

  return (
    <View className="card" data-testid="schedule-form">
      <Text className="card__title">安排圆桌会：{item.title}</Text>
      <Field label="日期">
        <Picker mode="date" value={date} onChange={(e) => form.set('date', String(e.detail.value))}>
          <Text>{date}</Text>
        </Picker>
      </Field>
      <Field label="时间">
        <Picker mode="time" value={time} onChange={(e) => form.set('time', String(e.detail.value))}>
          <Text>{time}</Text>
        </Picker>
      </Field>
      <TextField
        label="地点"
        {...form.field('place')}
        error={null}
        placeholder="例如：村委会议室"
        maxlength={40}
      />
      <Text className="section-title">
        参会人（联盟小组成员，已选 {chosen.length}/{MAX_PARTICIPANTS}）
      </Text>
      {people.state === 'error' && (
        <StateView kind="error" message={people.message} onRetry={() => void people.reload()} />
      )}
      {people.state === 'loading' && !people.data && <StateView kind="loading" />}
      {people.state === 'ready' && list.length === 0 && (
        <StateView kind="empty" title="还没有联盟小组成员" hint="请先在“村民名册”里设置小组成员。" />
      )}
      {list.map((p) => {
        const on = chosen.includes(p.residentId);
        return (
          <Choice
            key={p.residentId}
            on={on}
            testId="participant"
            label={`${p.name}，${p.role}，${p.villageName}`}
            onClick={() => toggle(p.residentId)}
          >
            <View className="facts">
              <Text>{p.name}</Text>
              <Text className="muted">
                {p.role} · {p.villageName}
              </Text>
            </View>
          </Choice>
        );
      })}
      <FormActions submitText="安排" form={form} />
    </View>
  );
}

function MinutesForm({ item }: { item: ItemDetail }) {
  const form = useForm({
    initial: { minutes: item.roundtable?.minutes ?? '' },
    precheck: ({ minutes }) => (minutes.trim().length < 2 ? '请填写会议纪要' : null),
    send: ({ minutes }) => call('agenda', 'recordMinutes', { itemId: item.itemId, minutes }),
    done: () => backWith('纪要已保存'),
  });
  useEffect(() => form.set('minutes', item.roundtable?.minutes ?? ''), [item.roundtable?.minutes]);

  return (
    <View className="card" data-testid="minutes-form">
      <Text className="card__title">会议纪要：{item.title}</Text>
      <Text className="muted lead">纪要会公开在事项页上：谁参加了、讨论了什么、形成了什么意见。</Text>
      <TextBox
        value={form.values.minutes}
        placeholder="会议讨论的情况和形成的意见"
        maxlength={2000}
        onInput={form.on('minutes')}
      />
      <FormActions submitText="保存纪要" form={form} />
    </View>
  );
}
