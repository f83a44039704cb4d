import { currentDevOpenid } from './dev-identity';
import type { PickedFile } from './pick-file';
import { uploadPath } from './upload-path';

const devUrl = (cloudPath: string) => `/_files/${cloudPath.split('/').map(encodeURIComponent).join('/')}`;

/** PUT /_files/<cloudPath> on the local dev server as the chosen demo user; it answers `{fileID}`. */
export async function uploadFile(kind: string, file: PickedFile): Promise<string> {
  const cloudPath = await uploadPath(kind, file.name);
  const res = await fetch(devUrl(cloudPath), {
    method: 'PUT',
    headers: { 'X-Openid': currentDevOpenid() },
    body: new Blob([file.bytes as Uint8Array<ArrayBuffer>]),
  });
  const body = (await res.json().catch(() => null)) as { fileID?: string; errMsg?: string } | null;
  if (!res.ok || !body?.fileID) throw new Error(body?.errMsg ?? `upload answered HTTP ${res.status}`);
  return body.fileID;
}

/** The dev server redirects `GET /_files/<cloudPath>` to a temporary URL: the browser opens it in a new tab. */
export async function openCloudFile(fileID: string): Promise<void> {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  if (!match) throw new Error(`not a cloud file id: ${fileID}`);
  window.open(devUrl(match[1]!), '_blank', 'noopener');
}
