import { useState } from 'react';
import { Button, Picker, Text, View } from '@tarojs/components';
import {
  HONOR_FIELD_LABELS,
  HONOR_LIST_LABELS,
  HONOR_LISTS,
  honorInput,
  NOTE_MAX,
  type HonorList,
  type HonorOutput,
  type RuleView,
} from '@core/honor';
import Field from '../../../../components/Field';
import { FormError } from '../../../../components/FormActions';
import TextArea from '../../../../components/TextArea';
import TextField from '../../../../components/TextField';
import { useForm } from '../../../../hooks/use-form';
import { call } from '../../../../services/cloud';
import type { useAction } from '../../honor';
import { InputBox } from '../../../../components/TextField';

type Resident = HonorOutput['searchHouseholds']['residents'][number];

/**
 * 加入一户: find the household by name or number, the list, a rule of the 村规民约 for that list, a note,
 * and the reward (red list only).
 */
export default function EntryForm({
  boardId,
  rules,
  act,
}: {
  boardId: string;
  rules: RuleView[];
  act: ReturnType<typeof useAction>;
}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Resident[] | null>(null);
  const optionsFor = (list: HonorList) => rules.filter((r) => r.list === list && r.active);
  const ruleFor = (list: HonorList, code: string) => {
    const options = optionsFor(list);
    return options.find((r) => r.code === code) ?? options[0] ?? null;
  };
  const form = useForm({
    initial: { resident: null as Resident | null, list: 'red' as HonorList, code: '', note: '', reward: '' },
    input: ({ resident, list, code, note, reward }) => ({
      boardId,
      residentId: resident?.residentId ?? '',
      list,
      reasonCode: ruleFor(list, code)?.code ?? '',
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(list === 'red' && reward.trim() ? { reward: reward.trim() } : {}),
    }),
    schema: honorInput.addEntry,
    labels: HONOR_FIELD_LABELS,
  });
  const { resident, list, code } = form.values;
  const options = optionsFor(list);
  const rule = ruleFor(list, code);

  const search = async () => {
    form.setError(null);
    if (!query.trim()) return form.setError('请输入姓名或户号');
    const result = await call('honor', 'searchHouseholds', { query: query.trim() });
    if (!result.ok) return form.setError(result.error.message);
    setFound(result.data.residents);
  };

  const add = async () => {
    form.setError(null);
    if (!resident) return form.setError('请先搜索并选择一户');
    if (!rule) return form.setError(`请先在下面的村规民约里添加${HONOR_LIST_LABELS[list]}条目`);
    const problem = Object.values(form.problems)[0];
    if (problem) return form.setError(problem);
    const input = form.input;
    if (await act.run(null, () => call('honor', 'addEntry', input), `已加入${HONOR_LIST_LABELS[list]}`)) {
      form.reset({ ...form.values, resident: null, note: '', reward: '' });
      setFound(null);
      setQuery('');
    }
  };

  return (
    <View className="card" data-testid="entry-form">
      <Text className="card__title">加入一户</Text>
      <Field label="找农户">
        <View className="row">
          <InputBox
            value={query}
            placeholder="姓名或户号"
            maxlength={20}
            confirmType="search"
            onInput={setQuery}
            onConfirm={() => void search()}
          />
          <Button className="btn btn--ghost btn--small" onClick={() => void search()}>
            搜索
          </Button>
        </View>
      </Field>
      {found && found.length === 0 && <Text className="muted">没有找到，换个字试试。</Text>}
      {found && found.length > 0 && (
        <View className="chips" data-testid="search-results">
          {found.map((r) => (
            <Text
              ariaRole="button"
              key={r.residentId}
              className={`chip${resident?.residentId === r.residentId ? ' chip--on' : ''}`}
              onClick={() => form.set('resident', r)}
            >
              {r.name} {r.household}
            </Text>
          ))}
        </View>
      )}
      {resident && (
        <Text className="lead">
          已选：{resident.name}（{resident.household}）
        </Text>
      )}
      <Field label="上哪个榜">
        <View className="chips">
          {HONOR_LISTS.map((l) => (
            <Text
              ariaRole="button"
              key={l}
              className={`chip${list === l ? ' chip--on' : ''}`}
              onClick={() => form.set('list', l)}
            >
              {HONOR_LIST_LABELS[l]}
            </Text>
          ))}
        </View>
      </Field>
      <Field label="依据的村规民约">
        {options.length === 0 ? (
          <Text className="muted">还没有启用的{HONOR_LIST_LABELS[list]}条目。</Text>
        ) : (
          <Picker
            mode="selector"
            range={options.map((r) => `${r.code} ${r.title}`)}
            value={Math.max(0, options.indexOf(rule!))}
            onChange={(e) => form.set('code', options[Number(e.detail.value)]?.code ?? code)}
            data-testid="rule-picker"
          >
            <Text className="input">
              {rule!.code} {rule!.title} ›
            </Text>
          </Picker>
        )}
      </Field>
      <TextArea
        label="说明（可不填）"
        {...form.field('note')}
        error={null}
        counted
        style={{ minHeight: '120px' }}
        maxlength={NOTE_MAX}
        placeholder="具体事情，例如：多次往河道倒垃圾"
      />
      {list === 'red' && (
        <TextField
          label="奖励（可不填）"
          {...form.field('reward')}
          error={null}
          maxlength={40}
          placeholder="例如：洗衣粉一袋、积分 20 分"
        />
      )}
      <FormError message={form.error} />
      <Button className="btn btn--primary" disabled={act.busy} onClick={() => void add()}>
        加入{HONOR_LIST_LABELS[list]}
      </Button>
    </View>
  );
}
