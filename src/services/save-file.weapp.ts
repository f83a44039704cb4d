import Taro from '@tarojs/taro';

/** Writes the file to the user folder, then WeChat's sheet to send it to a chat (base library 2.16.1+). */
export async function saveTextFile(filename: string, text: string): Promise<boolean> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
    await Taro.shareFileMessage({ filePath, fileName: filename });
    return true;
  } catch {
    return false;
  }
}

/** Downloads the cloud file by its id (no domain whitelist needed), then the same send-to-chat sheet. */
export async function saveCloudFile(file: { fileID: string; filename: string }): Promise<boolean> {
  try {
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: file.fileID });
    await Taro.shareFileMessage({ filePath: tempFilePath, fileName: file.filename });
    return true;
  } catch {
    return false;
  }
}
