/**
 * 选择文件: lets the user pick one spreadsheet (.xlsx or .csv) and reads its bytes. Per-platform files:
 * `pick-file.weapp.ts` picks from a WeChat chat (wx.chooseMessageFile: a roster is usually sent from a computer
 * to the phone as a chat file); `pick-file.h5.ts` opens the browser's file dialog. This one serves tests and
 * other platforms: nothing can be picked. Resolves null when the user cancels; rejects when the file cannot be read.
 */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
  /** The mini-program's temporary path of the file (what wx.cloud.uploadFile takes). */
  path?: string;
}

export async function pickFile(): Promise<PickedFile | null> {
  return null;
}
