import { useEffect, useRef, useState } from 'react';
import Taro, { useUnload } from '@tarojs/taro';
import { Button, Progress, Text, View } from '@tarojs/components';
import {
  problemText,
  ROSTER_COLUMN_LABELS,
  ROSTER_UPLOAD_KIND,
  type RosterCheck,
  type RosterImportView,
} from '@core/members';
import Screen from '../../../../components/Screen';
import StateView from '../../../../components/StateView';
import { call } from '../../../../services/cloud';
import { uploadFile } from '../../../../services/files';
import { pickFile } from '../../../../services/pick-file';
import { routes } from '../../../../routes';
import { toast } from '../../../../utils/feedback';
import './index.css';

const COLUMNS: [string, string][] = [
  [ROSTER_COLUMN_LABELS.village, '村或社区的名称，如“中海村”'],
  [ROSTER_COLUMN_LABELS.team, '如“第一组”，村里设了村民小组时必填'],
  [ROSTER_COLUMN_LABELS.household, '户口簿或门牌上的户号'],
  [ROSTER_COLUMN_LABELS.name, '每人一行'],
  [
    `${ROSTER_COLUMN_LABELS.idTail}或${ROSTER_COLUMN_LABELS.phone}`,
    '至少填一项；完整号码会自动打码，只保存后四位',
  ],
  [ROSTER_COLUMN_LABELS.rep, '填“是”或“否”'],
];

type Step =
  | { kind: 'loading' }
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'problems'; check: RosterCheck; filename: string }
  | { kind: 'applying'; imp: RosterImportView; stalled: string | null }
  | { kind: 'done'; imp: RosterImportView };

/**
 * 导入村民名册: the file (.xlsx or .csv, from a WeChat chat) goes to cloud storage, the cloud checks every row,
 * and either lists every problem (nothing imported) or applies the file in chunks while the bar moves. Closing the
 * page does not stop it: the cloud finishes on its own, and reopening the page shows where it is.
 */
export default function ImportRoster() {
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const alive = useRef(true);
  useUnload(() => {
    alive.current = false;
  });

  const drive = async (imp: RosterImportView) => {
    let current = imp;
    while (alive.current && current.status !== 'done') {
      setStep({ kind: 'applying', imp: current, stalled: null });
      const r = await call('members', 'continueRosterImport', { importId: current.importId });
      if (!r.ok) {
        const stalled =
          r.error.code === 'INTERNAL'
            ? '网络不好，导入暂停了。云端会接着完成，也可以点“继续”'
            : r.error.message;
        return setStep({ kind: 'applying', imp: current, stalled });
      }
      current = r.data.import;
    }
    if (alive.current && current.status === 'done') setStep({ kind: 'done', imp: current });
  };

  useEffect(() => {
    void call('members', 'getRosterImport', {}).then((r) => {
      const imp = r.ok ? r.data.import : null;
      if (imp && imp.status === 'applying') void drive(imp);
      else setStep({ kind: 'idle' });
    });
  }, []);

  const choose = async () => {
    let file;
    try {
      file = await pickFile();
    } catch {
      return toast('文件读取失败，请重新选择');
    }
    if (!file) return;
    setStep({ kind: 'busy', text: '正在上传…' });
    let fileID: string;
    try {
      fileID = await uploadFile(ROSTER_UPLOAD_KIND, file);
    } catch {
      setStep({ kind: 'idle' });
      return toast('文件没有上传成功，请检查网络后重新选择');
    }
    setStep({ kind: 'busy', text: '正在检查每一行…' });
    const filename = file.name.slice(-120);
    const r = await call('members', 'startRosterImport', { fileID, filename });
    if (!r.ok) {
      setStep({ kind: 'idle' });
      return toast(r.error.message);
    }
    if (!r.data.import) return setStep({ kind: 'problems', check: r.data, filename });
    await drive(r.data.import);
  };

  return (
    <Screen title="导入村民名册">
      {step.kind === 'loading' && <StateView kind="loading" />}
      {(step.kind === 'idle' || step.kind === 'problems') && (
        <View className="card stack">
          <Text className="card__title">名册的样子</Text>
          <Text>Excel（.xlsx）或 CSV 文件，第一行是表头，以下每行一人：</Text>
          {COLUMNS.map(([name, hint]) => (
            <View key={name} className="roster-import__column">
              <Text className="roster-import__name">{name}</Text>
              <Text className="muted">{hint}</Text>
            </View>
          ))}
          <Text className="muted">
            有一行不对，整个文件都不导入；改好后重新选择即可。再次导入同一个名册只会更新，不会重复。
          </Text>
        </View>
      )}
      {step.kind === 'problems' && (
        <View className="card stack roster-import__problems" data-testid="problems">
          <Text className="card__title">
            {step.filename}：有 {step.check.problemCount} 处问题，没有导入任何人
          </Text>
          {step.check.problems.map((p) => (
            <Text key={`${p.row}-${p.column}-${p.reason}`}>{problemText(p)}</Text>
          ))}
          {step.check.problemCount > step.check.problems.length && (
            <Text className="muted">只列出前 {step.check.problems.length} 处，请先改好这些。</Text>
          )}
        </View>
      )}
      {step.kind === 'busy' && <StateView kind="loading" text={step.text} />}
      {step.kind === 'applying' && (
        <View className="card stack" data-testid="progress">
          <Text className="card__title">正在导入 {step.imp.filename}</Text>
          <Progress
            percent={Math.floor((100 * step.imp.applied) / Math.max(1, step.imp.total))}
            strokeWidth={12}
            showInfo
          />
          <Text>
            已导入 {step.imp.applied} / {step.imp.total} 人
          </Text>
          {step.stalled ? (
            <>
              <Text className="roster-import__stalled">{step.stalled}</Text>
              <Button className="btn btn--primary" ariaLabel="继续导入" onClick={() => void drive(step.imp)}>
                继续
              </Button>
            </>
          ) : (
            <Text className="muted">可以离开这个页面，云端会接着完成。</Text>
          )}
        </View>
      )}
      {step.kind === 'done' && (
        <View className="card stack" data-testid="done">
          <Text className="card__title">导入完成：{step.imp.filename}</Text>
          <Text>
            共 {step.imp.total} 人：新增 {step.imp.inserted}，更新 {step.imp.updated}，没有变化{' '}
            {step.imp.unchanged}
          </Text>
          <Text>为 {step.imp.codes} 位还没绑定微信的村民生成了认领码。</Text>
          {step.imp.repKept > 0 && (
            <Text className="muted">
              有 {step.imp.repKept}{' '}
              位已绑定的村民，名册里的“村民代表”和现在不同，没有改动，请到“设置身份”里调整。
            </Text>
          )}
          {step.imp.villages.map((v) => (
            <Button
              key={v.id}
              className="btn btn--primary"
              ariaLabel={`打开${v.name}的认领码清单`}
              onClick={() => void Taro.navigateTo({ url: routes.admin.claimSheet({ villageId: v.id }) })}
            >
              {v.name}认领码清单
            </Button>
          ))}
        </View>
      )}
      {(step.kind === 'idle' || step.kind === 'problems' || step.kind === 'done') && (
        <Button className="btn btn--ghost" ariaLabel="选择村民名册文件" onClick={() => void choose()}>
          {step.kind === 'idle' ? '选择名册文件' : '重新选择文件'}
        </Button>
      )}
    </Screen>
  );
}
