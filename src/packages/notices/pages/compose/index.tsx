import { useRef } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  LINK_KINDS,
  LINK_LABELS,
  NOTICE_BODY_MAX,
  NOTICE_FIELD_LABELS,
  NOTICE_KINDS,
  NOTICE_KIND_LABELS,
  NOTICE_TITLE_MAX,
  URGENCIES,
  URGENCY_LABELS,
  noticesInput,
  type LinkKind,
  type NoticeKind,
  type Urgency,
} from '@core/notices';
import Field from '../../../../components/Field';
import FormActions from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import TextArea from '../../../../components/TextArea';
import TextField from '../../../../components/TextField';
import { useForm } from '../../../../hooks/use-form';
import { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { randomBytes } from '../../../../services/random';
import { routes } from '../../../../routes';
import '../../notices.css';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** `?link=briefing:<id>` (or agenda, honor) when composing from the thing the notice is about. */
function linkParam(raw: string | undefined): { kind: LinkKind; id: string } | null {
  const [kind, id] = decodeURIComponent(raw ?? '').split(':');
  return kind && id && (LINK_KINDS as readonly string[]).includes(kind)
    ? { kind: kind as LinkKind, id }
    : null;
}

/**
 * 发通知: to whom (only the audiences the sender may use), what kind, how urgent, a title that fits WeChat's
 * reminder (20 characters) and the text — checked with the cloud's own rules as the sender types, confirmed
 * before it goes out (it cannot be recalled). A retry after a weak signal sends the same notice, not a second.
 */
export default function Compose() {
  const router = useRouter();
  const options = useRemote(() => call('notices', 'composeOptions', {}), []);
  const requestId = useRef<string | null>(null);
  const data = options.data;
  const form = useForm({
    initial: () => ({
      choice: 0,
      kind: 'meeting' as NoticeKind,
      urgency: 'normal' as Urgency,
      title: '',
      body: '',
      link: linkParam(router.params.link),
    }),
    // The request id is drawn when sending; any 16 characters stand for it in the check.
    input: ({ choice, title, body, kind, urgency, link }) => ({
      requestId: 'x'.repeat(16),
      title,
      body,
      kind,
      urgency,
      audience: data?.options[choice]?.audience,
      link,
    }),
    schema: noticesInput.push,
    labels: NOTICE_FIELD_LABELS,
    ask: (v) => ({
      title: `发送给${data?.options[v.choice]?.label}？`,
      content: '发送后所有收件人都能看到，不能撤回。',
      confirmText: '发送',
    }),
    send: async (input, v) => {
      requestId.current ??= hex(await randomBytes(12));
      const audience = data!.options[v.choice]!.audience;
      return call('notices', 'push', { ...input, requestId: requestId.current, audience });
    },
    done: ({ noticeId }) => Taro.redirectTo({ url: routes.notices.coverage({ noticeId }) }),
  });
  const { choice, kind, urgency, link } = form.values;
  const left = data ? data.perDay - data.sentToday : 0;

  const chip = (on: boolean, text: string, pick: () => void) => (
    <Text ariaRole="button" key={text} className={`chip${on ? ' chip--on' : ''}`} onClick={pick}>
      {text}
    </Text>
  );

  return (
    <Screen title="发通知">
      {!data ? (
        <RemoteState remote={options} />
      ) : (
        <View className="card" data-testid="compose-form">
          <Text className="muted lead">
            收件人在“通知”里都能看到；开启了提醒的，还会收到微信提醒。今天还可发送 {left} 条。
          </Text>
          <Field label="发给谁" error={form.show('audience')}>
            <View className="choice-list" data-testid="audiences">
              {data.options.map((o, i) => chip(i === choice, o.label, () => form.set('choice', i)))}
            </View>
          </Field>
          <Field label="类别">
            <View className="choice-list">
              {NOTICE_KINDS.map((k) => chip(k === kind, NOTICE_KIND_LABELS[k], () => form.set('kind', k)))}
            </View>
          </Field>
          <Field label="紧急程度">
            <View className="choice-list">
              {URGENCIES.map((u) => chip(u === urgency, URGENCY_LABELS[u], () => form.set('urgency', u)))}
            </View>
          </Field>
          <TextField
            label="标题（微信提醒里显示）"
            {...form.field('title')}
            counted
            placeholder="例如：周六召开党群圆桌会"
            maxlength={NOTICE_TITLE_MAX}
          />
          <TextArea
            label="内容"
            {...form.field('body')}
            counted
            placeholder="时间、地点、要做什么、联系谁"
            maxlength={NOTICE_BODY_MAX}
          />
          {link && (
            <View className="row">
              <Text className="tag tag--grey">附带：{LINK_LABELS[link.kind]}</Text>
              <Text ariaRole="button" className="chip" onClick={() => form.set('link', null)}>
                去掉
              </Text>
            </View>
          )}
          <FormActions submitText="发送" form={form} />
        </View>
      )}
    </Screen>
  );
}
