/**
 * 选择文件: lets the user pick one file (by default a spreadsheet, .xlsx or .csv) and reads its bytes. Per-platform files:
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

export interface PickOptions {
  /** Extensions allowed, without the dot; default the spreadsheets (xlsx, csv); [] for any file. */
  extensions?: string[];
  /**
   * Whether the bytes are needed (default true). An attachment only uploaded needs none in the mini-program
   * (wx.cloud.uploadFile reads the temporary path): `bytes` is then empty there, sparing a cheap phone's memory.
   */
  read?: boolean;
}

export async function pickFile(_options: PickOptions = {}): Promise<PickedFile | null> {
  return null;
}
