import { useState } from 'react';
import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components';
import {
  HONOR_FIELD_LABELS,
  HONOR_LIST_LABELS,
  HONOR_LISTS,
  honorInput,
  type HonorList,
  type HonorOutput,
} from '@core/honor';
import { fieldProblems } from '@core/validation';
import Field from '../../../../components/Field';
import { call } from '../../../../services/cloud';
import { useAction } from '../../honor';

const EMPTY = { code: '', list: 'red' as HonorList, title: '', article: '', active: true };

/** 村规民约: the rules an entry can cite, a form to add or change one, and whether black-list names are masked. */
export default function Rules({
  data,
  onChanged,
}: {
  data: HonorOutput['listRules'];
  onChanged: () => void;
}) {
  const [form, setForm] = useState(EMPTY);
  const [editing, setEditing] = useState(false);
  const [touched, setTouched] = useState(false);
  const act = useAction(onChanged);
  const problems = fieldProblems(honorInput.saveRule, form, HONOR_FIELD_LABELS);
  const show = (field: string) => (touched ? problems[field] : null);
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));

  const save = async () => {
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    const input = { ...form, code: form.code.trim(), title: form.title.trim(), article: form.article.trim() };
    if (await act.run(null, () => call('honor', 'saveRule', input), '已保存')) {
      setForm(EMPTY);
      setEditing(false);
      setTouched(false);
    }
  };

  const mask = (on: boolean) =>
    on !== data.maskBlackNames &&
    void act.run(
      on
        ? {
            title: '黑榜隐去姓名？',
            content: '黑榜只显示姓和名的最后一个字，如“张*明”。',
            confirmText: '隐去',
          }
        : {
            title: '黑榜显示全名？',
            content: '请确认村民代表大会已决定公开黑榜全名。所有村民都会看到完整姓名。',
            confirmText: '显示全名',
          },
      () => call('honor', 'saveSettings', { maskBlackNames: on }),
      '已保存',
    );

  return (
    <>
      <View className="card" data-testid="rules">
        {data.rules.length === 0 && (
          <Text className="muted">还没有条目。上榜必须依据村规民约，请先添加。</Text>
        )}
        {data.rules.map((r) => (
          <View key={r.code} className="honor-facts" style={{ marginBottom: '24px' }}>
            <View>
              <Text className={`tag${r.list === 'red' ? '' : ' tag--grey'}`}>
                {HONOR_LIST_LABELS[r.list]}
              </Text>
              {!r.active && <Text className="tag tag--grey">已停用</Text>}
              <Text>
                {r.code} {r.title}
              </Text>
            </View>
            <Text className="muted">{r.article}</Text>
            <Text
              className="chip"
              onClick={() => {
                setForm({ code: r.code, list: r.list, title: r.title, article: r.article, active: r.active });
                setEditing(true);
                setTouched(false);
              }}
            >
              修改
            </Text>
          </View>
        ))}
      </View>

      <View className="card" data-testid="rule-form">
        <Text className="card__title">{editing ? `修改 ${form.code}` : '添加条目'}</Text>
        {!editing && (
          <Field label="原因代码" error={show('code')} hint="字母、数字或 -，如 HJ-2">
            <Input
              className="input"
              value={form.code}
              maxlength={12}
              onInput={(e) => set({ code: e.detail.value })}
            />
          </Field>
        )}
        <Field label="用于" error={show('list')}>
          <View className="chips">
            {HONOR_LISTS.map((l) => (
              <Text
                key={l}
                className={`chip${form.list === l ? ' chip--on' : ''}`}
                onClick={() => set({ list: l })}
              >
                {HONOR_LIST_LABELS[l]}
              </Text>
            ))}
          </View>
        </Field>
        <Field label="通俗说明" error={show('title')} hint="村民一看就懂的话，如：乱倒垃圾，屡教不改">
          <Input
            className="input"
            value={form.title}
            maxlength={40}
            onInput={(e) => set({ title: e.detail.value })}
          />
        </Field>
        <Field label="村规民约条文" error={show('article')}>
          <Textarea
            className="textarea"
            style={{ minHeight: '120px' }}
            value={form.article}
            maxlength={300}
            onInput={(e) => set({ article: e.detail.value })}
          />
        </Field>
        <Field label="启用">
          <Switch checked={form.active} color="#b3261e" onChange={(e) => set({ active: e.detail.value })} />
        </Field>
        <View className="row">
          {editing && (
            <Button
              className="btn btn--ghost"
              onClick={() => {
                setForm(EMPTY);
                setEditing(false);
                setTouched(false);
              }}
            >
              取消修改
            </Button>
          )}
          <Button className="btn btn--primary" disabled={act.busy} onClick={() => void save()}>
            保存条目
          </Button>
        </View>
      </View>

      <View className="card" data-testid="mask-setting">
        <Text className="card__title">黑榜姓名</Text>
        <Text className="muted">现在：{data.maskBlackNames ? '隐去姓名（如 张*明）' : '显示全名'}</Text>
        <View className="chips" style={{ marginTop: '16px' }}>
          <Text className={`chip${data.maskBlackNames ? ' chip--on' : ''}`} onClick={() => mask(true)}>
            隐去姓名
          </Text>
          <Text className={`chip${data.maskBlackNames ? '' : ' chip--on'}`} onClick={() => mask(false)}>
            显示全名
          </Text>
        </View>
      </View>
      {act.error && <Text className="form__error">{act.error}</Text>}
    </>
  );
}
