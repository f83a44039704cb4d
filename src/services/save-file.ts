/**
 * 导出: hands a generated text file (a CSV) to the user. Per-platform files: `save-file.weapp.ts` writes it to the
 * mini-program's user folder and opens WeChat's "send file to a chat" sheet (a grid worker forwards it to the
 * village group or to a computer); `save-file.h5.ts` downloads it in the browser. This one serves tests.
 * Resolves true when the file was handed over.
 */
export async function saveTextFile(_filename: string, _text: string): Promise<boolean> {
  return false;
}

/** A file a function wrote to cloud storage, handed to the user the same way (its id, a temporary link, a name). */
export async function saveCloudFile(_file: {
  fileID: string;
  url: string;
  filename: string;
}): Promise<boolean> {
  return false;
}
