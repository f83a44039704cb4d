import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import {
  AGENDA_FIELD_LABELS,
  agendaInput,
  ELIGIBILITY_LABELS,
  POLL_KIND_LABELS,
  POLL_KINDS,
  type AgendaInput,
  type PollKind,
} from '@core/agenda';
import { GROUP_CODES, GROUPS, type GroupCode } from '@core/groups';
import { DAY_MS, fromChinaPickers, toChinaPickers } from '@core/time';
import Field from '../../../../components/Field';
import FormActions from '../../../../components/FormActions';
import NumberField from '../../../../components/NumberField';
import Screen from '../../../../components/Screen';
import TextField from '../../../../components/TextField';
import { useForm } from '../../../../hooks/use-form';
import { call } from '../../../../services/cloud';
import { openPollFully } from '../../open-poll';
import { confirm, inform, toast } from '../../../../utils/feedback';
import '../../agenda.css';
import './index.css';

type EligibilityKind = keyof typeof ELIGIBILITY_LABELS;

function Chips<T extends string | number>(props: {
  values: readonly T[];
  value: T;
  label: (v: T) => string;
  onChange: (v: T) => void;
}) {
  return (
    <View className="chips">
      {props.values.map((v) => (
        <Text
          ariaRole="button"
          key={String(v)}
          className={`chip${props.value === v ? ' chip--on' : ''}`}
          onClick={() => props.onChange(v)}
        >
          {props.label(v)}
        </Text>
      ))}
    </View>
  );
}

const percent = (value: string) => (/^\d{1,3}$/.test(value) ? Number(value) : NaN);

/**
 * 会议定事 (admin): set up the vote — question, kind, options, who may vote, closing time, quorum, pass
 * threshold and when results show — then open it at once or later from the matter's page.
 */
export default function PollSetup() {
  const itemId = useRouter().params.id ?? '';
  const form = useForm({
    initial: () => ({
      question: '',
      kind: 'approval' as PollKind,
      options: ['', ''],
      minChoices: 1,
      maxChoices: 2,
      who: 'reps' as EligibilityKind,
      group: 'consult' as GroupCode,
      date: toChinaPickers(Date.now() + 3 * DAY_MS).date,
      time: '18:00',
      quorum: '50',
      threshold: '50',
      base: 'cast' as 'cast' | 'eligible',
      visibility: 'afterClose' as 'afterClose' | 'live',
    }),
    input: (v): AgendaInput['createPoll'] => {
      const filled = v.options.map((o) => o.trim()).filter(Boolean);
      return {
        itemId,
        question: v.question,
        kind: v.kind,
        ...(v.kind !== 'approval' ? { options: filled } : {}),
        ...(v.kind === 'multiple'
          ? { minChoices: v.minChoices, maxChoices: Math.min(v.maxChoices, filled.length || v.maxChoices) }
          : {}),
        eligibility: v.who === 'group' ? { kind: 'group', group: v.group } : { kind: v.who },
        closesAt: fromChinaPickers(v.date, v.time),
        quorumPct: percent(v.quorum),
        thresholdPct: percent(v.threshold),
        thresholdBase: v.base,
        visibility: v.visibility,
      };
    },
    schema: agendaInput.createPoll,
    labels: AGENDA_FIELD_LABELS,
    send: (input) => call('agenda', 'createPoll', input),
    done: async ({ pollId }) => {
      if (
        await confirm(
          '表决已创建',
          '现在就开始投票吗？开始后投票名单就固定了，表决内容不能再改。',
          '开始投票',
        )
      ) {
        const opened = await openPollFully(pollId);
        if (!opened.ok) {
          await inform('没能开始投票', `${opened.error.message}\n可以稍后在事项页点“开始投票”。`);
        } else {
          await inform('投票已开始', `共 ${opened.data.eligibleCount} 人有投票资格。`);
        }
      } else {
        toast('已保存，可稍后开始投票', 'none');
      }
      await Taro.navigateBack();
    },
  });
  const { kind, options, minChoices, maxChoices, who, group, date, time, base, visibility } = form.values;
  const show = form.show;
  const choice = kind !== 'approval';
  const filled = options.map((o) => o.trim()).filter(Boolean);
  const setOptions = (update: (all: string[]) => string[]) =>
    form.setValues((v) => ({ ...v, options: update(v.options) }));
  const counts = Array.from({ length: Math.max(filled.length, 2) }, (_v, i) => i + 1);

  return (
    <Screen title="发起表决">
      <View className="card" data-testid="poll-setup">
        <Text className="card__title">发起表决</Text>
        <TextField
          label="表决事项"
          {...form.field('question')}
          placeholder="例如：是否同意用村集体资金修缮水井"
          maxlength={60}
        />
        <Text className="section-title">表决方式</Text>
        <Chips
          values={POLL_KINDS}
          value={kind}
          label={(k) => POLL_KIND_LABELS[k]}
          onChange={form.on('kind')}
        />
        {choice && (
          <View>
            <Text className="section-title">选项（2–8 个）</Text>
            {options.map((o, i) => (
              <View key={i} className="box poll-setup__option">
                <Input
                  className="input"
                  value={o}
                  placeholder={`选项 ${i + 1}`}
                  maxlength={20}
                  onInput={(e) => setOptions((all) => all.map((x, j) => (j === i ? e.detail.value : x)))}
                />
              </View>
            ))}
            {show('options') && <Text className="form__error">{show('options')}</Text>}
            <View className="row">
              <Button
                className="btn btn--ghost btn--small"
                disabled={options.length >= 8}
                onClick={() => setOptions((all) => [...all, ''])}
              >
                加一个选项
              </Button>
              <Button
                className="btn btn--ghost btn--small"
                disabled={options.length <= 2}
                onClick={() => setOptions((all) => all.slice(0, -1))}
              >
                去掉最后一个
              </Button>
            </View>
          </View>
        )}
        {kind === 'multiple' && (
          <View>
            <Text className="section-title">至少选几项</Text>
            <Chips values={counts} value={minChoices} label={String} onChange={form.on('minChoices')} />
            <Text className="section-title">最多选几项</Text>
            <Chips values={counts} value={maxChoices} label={String} onChange={form.on('maxChoices')} />
          </View>
        )}
        <Text className="section-title">谁可以投票</Text>
        <Chips
          values={Object.keys(ELIGIBILITY_LABELS) as EligibilityKind[]}
          value={who}
          label={(k) => ELIGIBILITY_LABELS[k]}
          onChange={form.on('who')}
        />
        {who === 'group' && (
          <Chips
            values={GROUP_CODES}
            value={group}
            label={(g) => GROUPS[g].name}
            onChange={form.on('group')}
          />
        )}
        <Text className="muted lead">名单在开始投票时确定，之后新加入的人不能投这次票。</Text>
        <Field label="截止日期">
          <Picker mode="date" value={date} onChange={(e) => form.set('date', String(e.detail.value))}>
            <Text>{date}</Text>
          </Picker>
        </Field>
        <Field label="截止时间" error={show('closesAt')}>
          <Picker mode="time" value={time} onChange={(e) => form.set('time', String(e.detail.value))}>
            <Text>{time}</Text>
          </Picker>
        </Field>
        <NumberField
          label="参与率（%）"
          {...form.field('quorum')}
          error={show('quorumPct')}
          hint="至少这么多比例的人投票，结果才有效"
          maxlength={3}
        />
        <NumberField
          label="通过比例（%）"
          {...form.field('threshold')}
          error={show('thresholdPct')}
          maxlength={3}
        />
        <Chips
          values={['cast', 'eligible'] as const}
          value={base}
          label={(b) => (b === 'cast' ? '按投票人数计算' : '按全部有资格人数计算')}
          onChange={form.on('base')}
        />
        <Text className="section-title">结果何时公开</Text>
        <Chips
          values={['afterClose', 'live'] as const}
          value={visibility}
          label={(v) => (v === 'afterClose' ? '投票结束后公布（推荐）' : '投票期间实时公开')}
          onChange={form.on('visibility')}
        />
        <FormActions submitText="创建表决" form={form} />
      </View>
    </Screen>
  );
}
