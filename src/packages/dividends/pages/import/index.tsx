import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import Screen from '../../../../components/Screen';
import { call } from '../../../../services/cloud';
import { uploadFile } from '../../../../services/files';
import { pickFile, type PickedFile } from '../../../../services/pick-file';
import { toast } from '../../../../utils/feedback';
import { routes } from '../../../../routes';
import '../../dividends.css';

/** The columns of a roster file, in order, with an example of each. */
const COLUMNS: [string, string][] = [
  ['户号', '如：三组019号'],
  ['户主', '户主姓名'],
  ['资金入股（元）', '如：5000'],
  ['土地入股（亩）', '如：2.5'],
  ['配股（股）', '贫困户配股，如：1'],
  ['村集体股（股）', '一般只有村集体这一行有'],
  ['交易额（元）', '本年度和合作社的交易额'],
];

/**
 * 导入股东名册: what the file must look like, then one file (.xlsx or .csv) uploaded to cloud storage and read
 * there by the function, which checks every row. If any row is wrong nothing is imported, and the rows to fix are listed in full.
 */
export default function ImportRoster() {
  const coopId = useRouter().params.coopId ?? '';
  const [busy, setBusy] = useState<'uploading' | 'importing' | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; refused: boolean } | null>(null);

  const choose = async () => {
    setFailure(null);
    let file: PickedFile | null;
    try {
      file = await pickFile();
    } catch {
      return setFailure({ message: '没能读取这个文件，请重新选择', refused: false });
    }
    if (!file) return;
    setFileName(file.name);
    setBusy('uploading');
    let fileID: string;
    try {
      fileID = await uploadFile('dividends', file);
    } catch {
      setBusy(null);
      return setFailure({ message: '文件没有上传成功，请检查网络后重新选择', refused: false });
    }
    setBusy('importing');
    const result = await call('dividends', 'importRoster', {
      coopId,
      filename: file.name.slice(-120),
      fileID,
    });
    setBusy(null);
    if (!result.ok) {
      // Anything but a lost connection means the cloud refused the file: nothing was imported.
      return setFailure({ message: result.error.message, refused: result.error.code !== 'INTERNAL' });
    }
    toast(`已导入 ${result.data.households} 户`);
    // Back to the cooperative; opened on its own (a shared link), there is nothing to go back to.
    if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
    else await Taro.redirectTo({ url: routes.dividends.coop({ coopId }) });
  };

  return (
    <Screen title="导入股东名册">
      <View className="card facts" data-testid="columns">
        <Text className="card__title">文件要求</Text>
        <Text>Excel 表格（.xlsx）或 CSV 文件，第一行是表头，从第二行起每户一行，依次是这 7 列：</Text>
        {COLUMNS.map(([title, example], i) => (
          <Text key={title}>
            {i + 1}. {title}
            <Text className="muted"> — {example}</Text>
          </Text>
        ))}
        <Text className="muted">
          没有的填 0。可以先在电脑上整理好，用微信发给自己，再在这里从聊天记录中选择。
        </Text>
      </View>

      <View className="card stack">
        {/* The label stays the same while busy: Taro's H5 button cannot swap its text and its spinner at once. */}
        <Button
          className="btn btn--primary"
          ariaLabel="选择股东名册文件"
          loading={!!busy}
          disabled={!!busy}
          onClick={() => void choose()}
        >
          选择文件
        </Button>
        {busy && <Text className="muted">{busy === 'uploading' ? '正在上传…' : '正在导入…'}</Text>}
        {fileName && <Text className="muted">文件：{fileName}</Text>}
        {failure && (
          <View className="stack" data-testid="import-failure">
            {failure.refused && <Text className="form__error">没有导入任何数据，请改正后重新选择文件</Text>}
            <Text className="pre">{failure.message}</Text>
          </View>
        )}
      </View>
    </Screen>
  );
}
