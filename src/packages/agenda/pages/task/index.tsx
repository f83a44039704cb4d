import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { AGENDA_FIELD_LABELS, agendaInput } from '@core/agenda';
import type { ResidentView } from '@core/members';
import { DAY_MS, fromChinaPickers, toChinaPickers } from '@core/time';
import Field from '../../../../components/Field';
import FormActions from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import { RemoteState } from '../../../../components/StateView';
import TextField from '../../../../components/TextField';
import { useForm } from '../../../../hooks/use-form';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { backWith } from '../../../../utils/feedback';
import Choice from '../../components/Choice';
import '../../agenda.css';
import { InputBox } from '../../../../components/TextField';

/**
 * 集中办事 (admin): one task of the decision — what, who is responsible (found on the village roster by
 * name), and by when. The owner reports progress on the matter's page.
 */
export default function TaskPage() {
  const itemId = useRouter().params.id ?? '';
  const item = useRemote(() => call('agenda', 'getItem', { itemId }), [itemId]);
  const [keyword, setKeyword] = useState('');
  const [found, setFound] = useState<ResidentView[] | null>(null);
  const [searching, setSearching] = useState(false);
  const form = useForm({
    initial: () => ({
      title: '',
      owner: null as ResidentView | null,
      date: toChinaPickers(Date.now() + 14 * DAY_MS).date,
    }),
    input: ({ title, owner, date }) => ({
      itemId,
      title,
      ownerId: owner?.residentId ?? '',
      dueAt: fromChinaPickers(date, '23:59'),
    }),
    schema: agendaInput.addTask,
    labels: AGENDA_FIELD_LABELS,
    send: (input) => call('agenda', 'addTask', input),
    done: () => backWith('任务已安排'),
  });
  const { owner, date } = form.values;

  if (!item.data) {
    return (
      <Screen title="安排任务">
        <RemoteState remote={item} />
      </Screen>
    );
  }
  const villageId = item.data.villageId;

  const search = async () => {
    setSearching(true);
    const result = await call('members', 'listResidents', {
      villageId,
      ...(keyword.trim() ? { keyword: keyword.trim() } : {}),
      limit: 20,
    });
    setSearching(false);
    if (!result.ok) return form.setError(result.error.message);
    setFound(result.data.items);
  };

  return (
    <Screen title="安排任务">
      <View className="card" data-testid="task-form">
        <Text className="card__title">安排任务：{item.data.title}</Text>
        <TextField
          label="任务"
          {...form.field('title')}
          placeholder="例如：请施工队修缮井壁"
          maxlength={40}
        />
        <Field label="负责人" error={form.show('ownerId') && '请选择负责人'}>
          <Text>{owner ? `${owner.name}（${owner.household}）` : '在下面按姓名查找'}</Text>
        </Field>
        <View className="row">
          <View className="box task__search">
            <InputBox value={keyword} placeholder="姓名" maxlength={20} onInput={setKeyword} />
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
            label={`${r.name}，${r.household}`}
            onClick={() => form.set('owner', r)}
          >
            <Text>
              {r.name} · {r.household}
            </Text>
          </Choice>
        ))}
        <Field label="完成期限" error={form.show('dueAt')}>
          <Picker mode="date" value={date} onChange={(e) => form.set('date', String(e.detail.value))}>
            <Text>{date}</Text>
          </Picker>
        </Field>
        <FormActions submitText="安排" form={form} />
      </View>
    </Screen>
  );
}
