import Taro from '@tarojs/taro';
// Types only: a value import of './pick-file' would resolve to this very file in the platform build.
import type { PickedFile, PickOptions } from './pick-file';

/** One file from a WeChat chat (by default .xlsx or .csv), read from its temporary path. Null when the user cancels. */
export async function pickFile({
  extensions = ['xlsx', 'csv'],
  read = true,
}: PickOptions = {}): Promise<PickedFile | null> {
  let picked: { path: string; name: string } | undefined;
  try {
    const res = await Taro.chooseMessageFile({
      count: 1,
      type: 'file',
      ...(extensions.length ? { extension: extensions } : {}),
    });
    picked = res.tempFiles[0];
  } catch {
    // Cancelled (chooseMessageFile:fail cancel).
    return null;
  }
  if (!picked) return null;
  if (!read) return { name: picked.name, bytes: new Uint8Array(0), path: picked.path };
  const data = Taro.getFileSystemManager().readFileSync(picked.path) as ArrayBuffer;
  return { name: picked.name, bytes: new Uint8Array(data), path: picked.path };
}
