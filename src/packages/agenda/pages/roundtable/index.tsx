import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { ItemDetail, ParticipantView } from '@core/agenda';
import { DAY_MS, fromChinaPickers, toChinaPickers } from '@core/time';
import Field from '../../../../components/Field';
import FormActions from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import StateView, { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { confirm, toast } from '../../../../utils/feedback';
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
  const [date, setDate] = useState(() => toChinaPickers(Date.now() + DAY_MS).date);
  const [time, setTime] = useState('19:00');
  const [place, setPlace] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const list: ParticipantView[] = people.data?.participants ?? [];

  const toggle = (id: string) =>
    setChosen((c) =>
      c.includes(id) ? c.filter((x) => x !== id) : c.length < MAX_PARTICIPANTS ? [...c, id] : c,
    );

  const submit = async () => {
    setError(null);
    if (place.trim().length < 2) return setError('请填写开会地点');
    if (chosen.length === 0) return setError('请至少选择一位参会人');
    const at = fromChinaPickers(date, time);
    const names = list.filter((p) => chosen.includes(p.residentId)).map((p) => p.name);
    if (!(await confirm('安排圆桌会？', `${date} ${time}，${place}\n参会：${names.join('、')}`, '安排')))
      return;
    setSending(true);
    const result = await call('agenda', 'scheduleRoundtable', {
      itemId: item.itemId,
      at,
      place,
      participantIds: chosen,
    });
    setSending(false);
    if (!result.ok) return setError(result.error.message);
    toast('已安排圆桌会', 'success');
    await Taro.navigateBack();
  };

  return (
    <View className="card" data-testid="schedule-form">
      <Text className="card__title">安排圆桌会：{item.title}</Text>
      <Field label="日期">
        <Picker mode="date" value={date} onChange={(e) => setDate(String(e.detail.value))}>
          <Text>{date}</Text>
        </Picker>
      </Field>
      <Field label="时间">
        <Picker mode="time" value={time} onChange={(e) => setTime(String(e.detail.value))}>
          <Text>{time}</Text>
        </Picker>
      </Field>
      <Field label="地点">
        <Input
          className="input"
          value={place}
          placeholder="例如：村委会议室"
          maxlength={40}
          onInput={(e) => setPlace(e.detail.value)}
        />
      </Field>
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
          <Choice key={p.residentId} on={on} testId="participant" onClick={() => toggle(p.residentId)}>
            <View className="facts">
              <Text>{p.name}</Text>
              <Text className="muted">
                {p.role} · {p.villageName}
              </Text>
            </View>
          </Choice>
        );
      })}
      {error && <Text className="form__error">{error}</Text>}
      <FormActions
        submitText="安排"
        sending={sending}
        onSubmit={() => void submit()}
        onCancel={() => void Taro.navigateBack()}
      />
    </View>
  );
}

function MinutesForm({ item }: { item: ItemDetail }) {
  const [minutes, setMinutes] = useState(item.roundtable?.minutes ?? '');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  useEffect(() => setMinutes(item.roundtable?.minutes ?? ''), [item.roundtable?.minutes]);

  const submit = async () => {
    setError(null);
    if (minutes.trim().length < 2) return setError('请填写会议纪要');
    setSending(true);
    const result = await call('agenda', 'recordMinutes', { itemId: item.itemId, minutes });
    setSending(false);
    if (!result.ok) return setError(result.error.message);
    toast('纪要已保存', 'success');
    await Taro.navigateBack();
  };

  return (
    <View className="card" data-testid="minutes-form">
      <Text className="card__title">会议纪要：{item.title}</Text>
      <Text className="muted lead">纪要会公开在事项页上：谁参加了、讨论了什么、形成了什么意见。</Text>
      <View className="box">
        <Textarea
          className="textarea"
          value={minutes}
          placeholder="会议讨论的情况和形成的意见"
          maxlength={2000}
          onInput={(e) => setMinutes(e.detail.value)}
        />
      </View>
      {error && <Text className="form__error">{error}</Text>}
      <FormActions
        submitText="保存纪要"
        sending={sending}
        onSubmit={() => void submit()}
        onCancel={() => void Taro.navigateBack()}
      />
    </View>
  );
}
