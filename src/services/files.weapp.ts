import Taro from '@tarojs/taro';
import type { PickedFile } from './pick-file';
import { uploadPath } from './upload-path';

/** wx.cloud.uploadFile from the picked file's temporary path (wx.chooseMessageFile gives one). */
export async function uploadFile(kind: string, file: PickedFile): Promise<string> {
  if (!file.path) throw new Error('the picked file has no temporary path');
  const { fileID } = await Taro.cloud.uploadFile({
    cloudPath: await uploadPath(kind, file.name),
    filePath: file.path,
  });
  return fileID;
}

/** Downloads the file by its id and opens it in WeChat's document viewer (with its menu to forward or save). */
export async function openCloudFile(fileID: string): Promise<void> {
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID });
  await Taro.openDocument({ filePath: tempFilePath, showMenu: true });
}
