import Taro from '@tarojs/taro';
import type { PickedFile } from './pick-file';

/** One .xlsx or .csv file from a WeChat chat, read from its temporary path. Null when the user cancels. */
export async function pickFile(): Promise<PickedFile | null> {
  let picked: { path: string; name: string } | undefined;
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
    picked = res.tempFiles[0];
  } catch {
    // Cancelled (chooseMessageFile:fail cancel).
    return null;
  }
  if (!picked) return null;
  const data = Taro.getFileSystemManager().readFileSync(picked.path) as ArrayBuffer;
  return { name: picked.name, bytes: new Uint8Array(data), path: picked.path };
}
