import { useState } from 'react';
import { Button, Switch, Text, View } from '@tarojs/components';
import {
  HONOR_FIELD_LABELS,
  HONOR_LIST_LABELS,
  HONOR_LISTS,
  honorInput,
  type HonorList,
  type HonorOutput,
} from '@core/honor';
import Field from '../../../../components/Field';
import TextArea from '../../../../components/TextArea';
import TextField from '../../../../components/TextField';
import { useForm } from '../../../../hooks/use-form';
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
  const [editing, setEditing] = useState(false);
  const act = useAction(onChanged);
  const rule = useForm({ initial: EMPTY, schema: honorInput.saveRule, labels: HONOR_FIELD_LABELS });
  const form = rule.values;
  const edit = (next: typeof EMPTY | null) => {
    rule.reset(next ?? EMPTY);
    setEditing(!!next);
  };

  const save = async () => {
    if (!rule.validate()) return;
    const input = { ...form, code: form.code.trim(), title: form.title.trim(), article: form.article.trim() };
    if (await act.run(null, () => call('honor', 'saveRule', input), '已保存')) edit(null);
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
          <View key={r.code} className="facts" style={{ marginBottom: '24px' }}>
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
              ariaRole="button"
              className="chip"
              onClick={() =>
                edit({ code: r.code, list: r.list, title: r.title, article: r.article, active: r.active })
              }
            >
              修改
            </Text>
          </View>
        ))}
      </View>

      <View className="card" data-testid="rule-form">
        <Text className="card__title">{editing ? `修改 ${form.code}` : '添加条目'}</Text>
        {!editing && (
          <TextField label="原因代码" {...rule.field('code')} hint="字母、数字或 -，如 HJ-2" maxlength={12} />
        )}
        <Field label="用于" error={rule.show('list')}>
          <View className="chips">
            {HONOR_LISTS.map((l) => (
              <Text
                ariaRole="button"
                key={l}
                className={`chip${form.list === l ? ' chip--on' : ''}`}
                onClick={() => rule.set('list', l)}
              >
                {HONOR_LIST_LABELS[l]}
              </Text>
            ))}
          </View>
        </Field>
        <TextField
          label="通俗说明"
          {...rule.field('title')}
          hint="村民一看就懂的话，如：乱倒垃圾，屡教不改"
          maxlength={40}
        />
        <TextArea
          label="村规民约条文"
          {...rule.field('article')}
          style={{ minHeight: '120px' }}
          maxlength={300}
        />
        <Field label="启用">
          <Switch
            checked={form.active}
            color="#b3261e"
            onChange={(e) => rule.set('active', e.detail.value)}
          />
        </Field>
        <View className="row">
          {editing && (
            <Button className="btn btn--ghost" onClick={() => edit(null)}>
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
          <Text
            ariaRole="button"
            className={`chip${data.maskBlackNames ? ' chip--on' : ''}`}
            onClick={() => mask(true)}
          >
            隐去姓名
          </Text>
          <Text
            ariaRole="button"
            className={`chip${data.maskBlackNames ? '' : ' chip--on'}`}
            onClick={() => mask(false)}
          >
            显示全名
          </Text>
        </View>
      </View>
      {act.error && <Text className="form__error">{act.error}</Text>}
    </>
  );
}
