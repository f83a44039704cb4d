import type { PickedFile } from './pick-file';

/**
 * 上传文件: puts a picked file into the cloud environment's storage and resolves with its `cloud://` id, which a
 * function call then names (a file never travels inside the call). Per-platform files: `files.weapp.ts` uses
 * wx.cloud.uploadFile from the picked file's temporary path; `files.h5.ts` PUTs the bytes to the local dev server.
 * This one serves tests and other platforms: there is no storage. Rejects when the upload fails.
 */
export async function uploadFile(_kind: string, _file: PickedFile): Promise<string> {
  throw new Error('no cloud storage on this platform');
}

/** Opens a cloud file for reading (an attachment): WeChat's document viewer, or the browser's. */
export async function openCloudFile(_fileID: string): Promise<void> {
  throw new Error('no cloud storage on this platform');
}
