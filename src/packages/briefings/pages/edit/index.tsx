import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Picker, Switch, Text, View } from '@tarojs/components';
import {
  ATTACHMENTS_MAX,
  BRIEFING_BODY_MAX,
  BRIEFING_SUMMARY_MAX,
  BRIEFING_TITLE_MAX,
  BRIEFINGS_FIELD_LABELS,
  briefingsInput,
  canPublishBriefing,
  type BriefingScope,
  type CategoryView,
} from '@core/briefings';
import type { Result } from '@core/result';
import { DAY_MS, fromChinaPickers, toChinaPickers } from '@core/time';
import Field from '../../../../components/Field';
import FormActions from '../../../../components/FormActions';
import Screen from '../../../../components/Screen';
import StateView from '../../../../components/StateView';
import TextArea from '../../../../components/TextArea';
import TextField from '../../../../components/TextField';
import { useForm } from '../../../../hooks/use-form';
import { call } from '../../../../services/cloud';
import { uploadFile } from '../../../../services/files';
import { pickFile } from '../../../../services/pick-file';
import { useSession } from '../../../../store/session';
import { toast } from '../../../../utils/feedback';
import { routes } from '../../../../routes';
import '../../briefings.css';

interface ScopeOption {
  scope: BriefingScope;
  label: string;
}

/** Any file picked from a WeChat chat (or the browser's dialog), uploaded to cloud storage. */
async function uploadAttachment(): Promise<{ fileId: string; name: string } | null> {
  let file;
  try {
    file = await pickFile({ extensions: [], read: false });
  } catch {
    toast('文件读取失败，请重新选择');
    return null;
  }
  if (!file) return null;
  await Taro.showLoading({ title: '正在上传…' });
  try {
    return { fileId: await uploadFile('briefings', file), name: file.name.slice(0, 60) };
  } catch {
    toast('上传失败，请稍后再试');
    return null;
  } finally {
    void Taro.hideLoading();
  }
}

/**
 * 发布宣讲 / 修改: title, a one-line summary, the category, who it is for (the whole town or one village, as
 * far as the publisher's role reaches), an optional 公示 period, the body in Markdown, and attachments.
 * Checked with the cloud's own rules as the official types; an edit keeps the old version.
 */
export default function EditBriefing() {
  const briefingId = useRouter().params.id ?? '';
  const session = useSession();
  const member = session.me?.status === 'bound' ? session.me.member : null;
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [categories, setCategories] = useState<CategoryView[]>([]);
  const [scopes, setScopes] = useState<ScopeOption[]>([]);
  const [version, setVersion] = useState(0);
  const [disclosing, setDisclosing] = useState(false);
  const [period, setPeriod] = useState(() => {
    const today = toChinaPickers(Date.now()).date;
    return { from: today, to: toChinaPickers(Date.now() + 6 * DAY_MS).date };
  });
  // A period runs from the first day's 00:00 to the end of its last day, China time.
  const disclosure = disclosing
    ? { startsAt: fromChinaPickers(period.from), endsAt: fromChinaPickers(period.to) + DAY_MS }
    : null;
  const where = (scope: BriefingScope | null) =>
    scopes.find((s) => JSON.stringify(s.scope) === JSON.stringify(scope))?.label ?? '';
  const form = useForm({
    initial: {
      title: '',
      summary: '',
      body: '',
      categoryId: '',
      scope: null as BriefingScope | null,
      attachments: [] as { fileId: string; name: string }[],
    },
    input: (v) => ({ ...v, disclosure }),
    schema: briefingsInput.publish,
    labels: BRIEFINGS_FIELD_LABELS,
    ask: (v) =>
      version
        ? {
            title: '保存修改？',
            content: '修改后旧版本仍会保留，村民可以查看修改历史。',
            confirmText: '保存',
          }
        : {
            title: '发布这篇宣讲？',
            content: `发布后${where(v.scope)}的村民都能看到。`,
            confirmText: '发布',
          },
    send: async (input): Promise<Result<{ briefingId: string }, string>> => {
      const scope = input.scope!;
      if (!version) return call('briefings', 'publish', { ...input, scope });
      const result = await call('briefings', 'edit', { briefingId, version, ...input, scope });
      return result.ok ? { ok: true, data: { briefingId } } : result;
    },
    done: async (data) => {
      toast(version ? '已保存' : '已发布', 'success');
      await Taro.redirectTo({ url: routes.briefings.detail({ briefingId: data.briefingId }) });
    },
  });
  const { categoryId, scope, attachments } = form.values;
  const setAttachments = (update: (list: typeof attachments) => typeof attachments) =>
    form.setValues((v) => ({ ...v, attachments: update(v.attachments) }));

  useEffect(() => {
    if (!member) return;
    void (async () => {
      const townWide = canPublishBriefing(member, null);
      const [cats, villages, current] = await Promise.all([
        call('briefings', 'listCategories', {}),
        townWide ? call('members', 'listVillages', {}) : Promise.resolve(null),
        briefingId ? call('briefings', 'get', { briefingId }) : Promise.resolve(null),
      ]);
      if (!cats.ok) return setLoadError(cats.error.message);
      if (current && !current.ok) return setLoadError(current.error.message);
      setCategories(cats.data.categories.filter((c) => !c.hidden));
      const options: ScopeOption[] = townWide ? [{ scope: { kind: 'town' }, label: '全镇' }] : [];
      if (villages?.ok) {
        for (const v of villages.data.villages)
          options.push({ scope: { kind: 'village', villageId: v.id }, label: v.name });
      } else if (canPublishBriefing(member, member.villageId)) {
        options.push({ scope: { kind: 'village', villageId: member.villageId }, label: member.villageName });
      }
      setScopes(options);
      if (current?.ok) {
        const b = current.data;
        setVersion(b.version);
        form.setValues({
          title: b.title,
          summary: b.summary,
          body: b.body ?? '',
          categoryId: b.categoryId,
          scope:
            b.scope.kind === 'town' ? { kind: 'town' } : { kind: 'village', villageId: b.scope.villageId! },
          attachments: b.attachments,
        });
        if (b.disclosure) {
          setDisclosing(true);
          setPeriod({
            from: toChinaPickers(b.disclosure.startsAt).date,
            to: toChinaPickers(b.disclosure.endsAt - DAY_MS).date,
          });
        }
      } else {
        form.patch({
          scope: options[0]?.scope ?? null,
          categoryId: cats.data.categories.find((c) => !c.hidden)?.categoryId ?? '',
        });
      }
      setLoading(false);
    })();
  }, [member?.residentId, briefingId]);

  const pageTitle = briefingId ? '修改宣讲' : '发布宣讲';
  if (!member || loading || loadError) {
    return (
      <Screen title={pageTitle}>
        {loadError ? (
          <StateView kind="error" message={loadError} onRetry={() => void Taro.navigateBack()} />
        ) : (
          <StateView kind="loading" />
        )}
      </Screen>
    );
  }
  if (scopes.length === 0) {
    return (
      <Screen title={pageTitle}>
        <StateView
          kind="empty"
          title="您不能发布宣讲"
          hint="政策解读组组长、副组长和村、镇管理员可以发布。"
        />
      </Screen>
    );
  }
  const categoryIndex = categories.findIndex((c) => c.categoryId === categoryId);
  const scopeIndex = scopes.findIndex((s) => JSON.stringify(s.scope) === JSON.stringify(scope));

  return (
    <Screen title={pageTitle}>
      <View className="card" data-testid="briefing-form">
        <TextField
          label="标题"
          {...form.field('title')}
          counted
          placeholder="例如：2026年耕地地力保护补贴发放说明"
          maxlength={BRIEFING_TITLE_MAX}
        />
        <TextArea
          label="摘要"
          {...form.field('summary')}
          counted="一句话说清要点，"
          style={{ minHeight: '120px' }}
          maxlength={BRIEFING_SUMMARY_MAX}
        />
        <Field label="分类" error={form.show('categoryId')}>
          <Picker
            mode="selector"
            range={categories.map((c) => c.name)}
            value={Math.max(0, categoryIndex)}
            onChange={(e) =>
              form.set('categoryId', categories[Number(e.detail.value)]?.categoryId ?? categoryId)
            }
          >
            <Text className="input">
              {categoryIndex >= 0 ? categories[categoryIndex]!.name : '选择分类'} ›
            </Text>
          </Picker>
        </Field>
        <Field label="发布范围" error={form.show('scope')}>
          <Picker
            mode="selector"
            range={scopes.map((s) => s.label)}
            value={Math.max(0, scopeIndex)}
            onChange={(e) => form.set('scope', scopes[Number(e.detail.value)]?.scope ?? scope)}
          >
            <Text className="input">{scopeIndex >= 0 ? scopes[scopeIndex]!.label : '选择范围'} ›</Text>
          </Picker>
        </Field>
        <Field label="作为公示发布" error={form.show('disclosure')}>
          <Switch checked={disclosing} color="#b3261e" onChange={(e) => setDisclosing(e.detail.value)} />
        </Field>
        {disclosing && (
          <View className="row">
            <Picker
              mode="date"
              value={period.from}
              onChange={(e) => setPeriod((p) => ({ ...p, from: e.detail.value }))}
            >
              <Text className="input">从 {period.from}</Text>
            </Picker>
            <Picker
              mode="date"
              value={period.to}
              onChange={(e) => setPeriod((p) => ({ ...p, to: e.detail.value }))}
            >
              <Text className="input">到 {period.to}</Text>
            </Picker>
          </View>
        )}
        <TextArea
          label="正文"
          {...form.field('body')}
          counted="## 小标题，**加粗**，- 列表，[文字](网址)。"
          style={{ minHeight: '400px' }}
          maxlength={BRIEFING_BODY_MAX}
          placeholder="政策内容、办理方法、咨询电话"
        />
        <Field label="附件" error={form.show('attachments')} hint={`最多 ${ATTACHMENTS_MAX} 个`}>
          {attachments.map((a) => (
            <View key={a.fileId} className="row">
              <Text>{a.name}</Text>
              <Text
                ariaRole="button"
                className="chip"
                onClick={() => setAttachments((list) => list.filter((x) => x.fileId !== a.fileId))}
              >
                移除
              </Text>
            </View>
          ))}
          {attachments.length < ATTACHMENTS_MAX && (
            <Button
              className="btn btn--ghost btn--small"
              onClick={() => void uploadAttachment().then((a) => a && setAttachments((list) => [...list, a]))}
            >
              添加附件
            </Button>
          )}
        </Field>
        <FormActions submitText={version ? '保存修改' : '发布'} form={form} />
      </View>
    </Screen>
  );
}
