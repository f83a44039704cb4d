import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { AGENDA_FIELD_LABELS, agendaInput } from '@core/agenda';
import type { ResidentView } from '@core/members';
import { DAY_MS, fromChinaPickers, toChinaPickers } from '@core/time';
import { fieldProblems } from '@core/validation';
import Field from '../../../../components/Field';
import FormActions from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { toast } from '../../../../utils/feedback';
import Choice from '../../components/Choice';
import '../../agenda.css';

/**
 * 集中办事 (admin): one task of the decision — what, who is responsible (found on the village roster by
 * name), and by when. The owner reports progress on the matter's page.
 */
export default function TaskPage() {
  const itemId = useRouter().params.id ?? '';
  const item = useRemote(() => call('agenda', 'getItem', { itemId }), [itemId]);
  const [title, setTitle] = useState('');
  const [keyword, setKeyword] = useState('');
  const [found, setFound] = useState<ResidentView[] | null>(null);
  const [owner, setOwner] = useState<ResidentView | null>(null);
  const [date, setDate] = useState(() => toChinaPickers(Date.now() + 14 * DAY_MS).date);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [sending, setSending] = useState(false);

  if (!item.data) {
    return (
      <Screen title="安排任务">
        <RemoteState remote={item} />
      </Screen>
    );
  }
  const villageId = item.data.villageId;
  const input = { itemId, title, ownerId: owner?.residentId ?? '', dueAt: fromChinaPickers(date, '23:59') };
  const problems = fieldProblems(agendaInput.addTask, input, AGENDA_FIELD_LABELS);
  const show = (field: string) => (touched ? problems[field] : null);

  const search = async () => {
    setSearching(true);
    const result = await call('members', 'listResidents', {
      villageId,
      ...(keyword.trim() ? { keyword: keyword.trim() } : {}),
      limit: 20,
    });
    setSearching(false);
    if (!result.ok) return setError(result.error.message);
    setFound(result.data.items);
  };

  const submit = async () => {
    setTouched(true);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setSending(true);
    const result = await call('agenda', 'addTask', input);
    setSending(false);
    if (!result.ok) return setError(result.error.message);
    toast('任务已安排', 'success');
    await Taro.navigateBack();
  };

  return (
    <Screen title="安排任务">
      <View className="card" data-testid="task-form">
        <Text className="card__title">安排任务：{item.data.title}</Text>
        <Field label="任务" error={show('title')}>
          <Input
            className="input"
            value={title}
            placeholder="例如：请施工队修缮井壁"
            maxlength={40}
            onInput={(e) => setTitle(e.detail.value)}
          />
        </Field>
        <Field label="负责人" error={show('ownerId') && '请选择负责人'}>
          <Text>{owner ? `${owner.name}（${owner.household}）` : '在下面按姓名查找'}</Text>
        </Field>
        <View className="row">
          <View className="box task__search">
            <Input
              className="input"
              value={keyword}
              placeholder="姓名"
              maxlength={20}
              onInput={(e) => setKeyword(e.detail.value)}
            />
          </View>
          <Button className="btn btn--ghost btn--small" loading={searching} onClick={() => void search()}>
            查找
          </Button>
        </View>
        {found?.length === 0 && <Text className="muted lead">没有找到，换个字试试。</Text>}
        {found?.map((r) => (
          <Choice
            key={r.residentId}
            on={owner?.residentId === r.residentId}
            testId="owner-option"
            onClick={() => setOwner(r)}
          >
            <Text>
              {r.name} · {r.household}
            </Text>
          </Choice>
        ))}
        <Field label="完成期限" error={show('dueAt')}>
          <Picker mode="date" value={date} onChange={(e) => setDate(String(e.detail.value))}>
            <Text>{date}</Text>
          </Picker>
        </Field>
        {error && <Text className="form__error">{error}</Text>}
        <FormActions
          submitText="安排"
          sending={sending}
          onSubmit={() => void submit()}
          onCancel={() => void Taro.navigateBack()}
        />
      </View>
    </Screen>
  );
}
