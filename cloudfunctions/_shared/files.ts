import type { ICloud } from 'wx-server-sdk';
import { readSheetFile, type Cell } from '../../core/sheet';
import { cloud } from './cloud';
import { AppError } from './errors';

/**
 * Cloud storage as the functions use it, through wx-server-sdk's own calls. A file id is `cloud://<env>.<bucket>/<path>`;
 * the functions run as the environment's administrator, so they read and write any path.
 */

const GONE = '文件不存在或已过期，请重新上传';

/** The bytes of an uploaded file; a missing file is NOT_FOUND (the page asks for the upload again). */
export async function downloadBytes(fileID: string): Promise<Buffer> {
  try {
    const { fileContent } = await cloud.downloadFile({ fileID });
    return fileContent;
  } catch (e) {
    if ((e as { code?: unknown }).code === 'STORAGE_FILE_NONEXIST') throw new AppError('NOT_FOUND', GONE);
    throw e;
  }
}

/** An uploaded spreadsheet (.xlsx or CSV) as cells; an empty or unreadable file is INVALID_INPUT. */
export async function downloadSheet(fileID: string, filename: string): Promise<Cell[][]> {
  const bytes = await downloadBytes(fileID);
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', '文件是空的');
  try {
    return readSheetFile(filename, new Uint8Array(bytes));
  } catch (e) {
    throw new AppError('INVALID_INPUT', (e as Error).message);
  }
}

/** Writes bytes at a cloud path (replacing what was there); resolves with the file id. */
export async function uploadBytes(cloudPath: string, bytes: Buffer): Promise<string> {
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: bytes });
  return fileID;
}

/** A download link that works for `maxAgeSeconds` (at most a day). */
export async function tempUrl(fileID: string, maxAgeSeconds: number): Promise<string> {
  const { fileList } = (await cloud.getTempFileURL({
    fileList: [{ fileID, maxAge: maxAgeSeconds }],
  })) as ICloud.GetTempFileURLResult;
  const item = fileList[0];
  if (!item || item.status !== 0 || !item.tempFileURL) throw new AppError('NOT_FOUND', GONE);
  return item.tempFileURL;
}

/** Removes files; ones already gone are not an error. */
export async function deleteFiles(fileIDs: string[]): Promise<void> {
  for (let i = 0; i < fileIDs.length; i += 50) {
    await cloud.deleteFile({ fileList: fileIDs.slice(i, i + 50) });
  }
}
