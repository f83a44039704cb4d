import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
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
import { fieldProblems } from '@core/validation';
import Field from '../../../../components/Field';
import FormActions from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { randomBytes } from '../../../../services/random';
import { confirm } from '../../../../utils/feedback';
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
  const [choice, setChoice] = useState(0);
  const [kind, setKind] = useState<NoticeKind>('meeting');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [link, setLink] = useState(() => linkParam(router.params.link));
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const requestId = useRef<string | null>(null);

  const data = options.data;
  const picked = data?.options[choice] ?? null;
  const problems = fieldProblems(
    noticesInput.push,
    { requestId: 'x'.repeat(16), title, body, kind, urgency, audience: picked?.audience, link },
    NOTICE_FIELD_LABELS,
  );
  const show = (field: string) => (touched ? problems[field] : null);
  const left = data ? data.perDay - data.sentToday : 0;

  const submit = async () => {
    setTouched(true);
    setServerError(null);
    if (!picked || Object.keys(problems).length > 0) return;
    if (!(await confirm(`发送给${picked.label}？`, '发送后所有收件人都能看到，不能撤回。', '发送'))) return;
    setSending(true);
    requestId.current ??= hex(await randomBytes(12));
    const result = await call('notices', 'push', {
      requestId: requestId.current,
      title,
      body,
      kind,
      urgency,
      audience: picked.audience,
      link,
    });
    setSending(false);
    if (!result.ok) return setServerError(result.error.message);
    await Taro.redirectTo({ url: routes.notices.coverage({ noticeId: result.data.noticeId }) });
  };

  const chip = (on: boolean, text: string, pick: () => void) => (
    <Text key={text} className={`chip${on ? ' chip--on' : ''}`} onClick={pick}>
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
          <Field label="发给谁" error={show('audience')}>
            <View className="choice-list" data-testid="audiences">
              {data.options.map((o, i) => chip(i === choice, o.label, () => setChoice(i)))}
            </View>
          </Field>
          <Field label="类别">
            <View className="choice-list">
              {NOTICE_KINDS.map((k) => chip(k === kind, NOTICE_KIND_LABELS[k], () => setKind(k)))}
            </View>
          </Field>
          <Field label="紧急程度">
            <View className="choice-list">
              {URGENCIES.map((u) => chip(u === urgency, URGENCY_LABELS[u], () => setUrgency(u)))}
            </View>
          </Field>
          <Field
            label="标题（微信提醒里显示）"
            error={show('title')}
            hint={`${title.trim().length}/${NOTICE_TITLE_MAX} 字`}
          >
            <Input
              className="input"
              value={title}
              placeholder="例如：周六召开党群圆桌会"
              maxlength={NOTICE_TITLE_MAX}
              onInput={(e) => setTitle(e.detail.value)}
            />
          </Field>
          <Field label="内容" error={show('body')} hint={`${body.trim().length}/${NOTICE_BODY_MAX} 字`}>
            <Textarea
              className="textarea"
              value={body}
              placeholder="时间、地点、要做什么、联系谁"
              maxlength={NOTICE_BODY_MAX}
              onInput={(e) => setBody(e.detail.value)}
            />
          </Field>
          {link && (
            <View className="row">
              <Text className="tag tag--grey">附带：{LINK_LABELS[link.kind]}</Text>
              <Text className="chip" onClick={() => setLink(null)}>
                去掉
              </Text>
            </View>
          )}
          {serverError && <Text className="form__error">{serverError}</Text>}
          <FormActions
            submitText="发送"
            sending={sending}
            onSubmit={() => void submit()}
            onCancel={() => void Taro.navigateBack()}
          />
        </View>
      )}
    </Screen>
  );
}
