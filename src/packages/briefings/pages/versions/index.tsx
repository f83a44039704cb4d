import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { BriefingsOutput } from '@core/briefings';
import { formatDateTime } from '@core/time';
import Screen from '../../../../components/Screen';
import StateView, { RemoteState } from '../../../../components/StateView';
import { useRemote } from '../../../../hooks/use-remote';
import { call } from '../../../../services/cloud';
import { toast } from '../../../../utils/feedback';
import RichBody from '../../components/RichBody';
import '../../briefings.css';
import { useRefresh } from '../../../../hooks/use-refresh';

/** 修改历史: every version of a briefing, newest first, who changed it and when; tap one to read it as it was. */
export default function Versions() {
  const briefingId = useRouter().params.id ?? '';
  const versions = useRemote(() => call('briefings', 'listVersions', { briefingId }), [briefingId]);
  const [open, setOpen] = useState<BriefingsOutput['getVersion'] | null>(null);
  useRefresh(versions.reload);

  const show = async (version: number) => {
    if (open?.version === version) return setOpen(null);
    const res = await call('briefings', 'getVersion', { briefingId, version });
    if (!res.ok) return toast(res.error.message);
    setOpen(res.data);
  };

  if (!versions.data) {
    return (
      <Screen title="修改历史">
        <RemoteState remote={versions} />
      </Screen>
    );
  }
  return (
    <Screen title="修改历史">
      {versions.data.versions.length === 0 && <StateView kind="empty" title="没有修改记录" />}
      {versions.data.versions.map((v, i) => (
        <View
          key={v.version}
          className="card brief-card"
          data-testid="version"
          ariaRole="button"
          ariaLabel={`第 ${v.version} 版：${v.title}，点击${open?.version === v.version ? '收起' : '展开'}`}
          onClick={() => void show(v.version)}
        >
          <Text className="tag">{i === 0 ? `第 ${v.version} 版（当前）` : `第 ${v.version} 版`}</Text>
          <Text className="brief-card__title">{v.title}</Text>
          <Text className="muted">
            {v.editorName} · {formatDateTime(v.editedAt)}
          </Text>
          {open?.version === v.version ? (
            <>
              <Text className="brief-card__summary">{open.summary}</Text>
              <RichBody nodes={open.nodes} />
            </>
          ) : (
            <Text className="muted">点此查看这一版的内容</Text>
          )}
        </View>
      ))}
    </Screen>
  );
}
