import { randomBytes } from 'node:crypto';
import type { LocalCloud } from '../../local-cloud';

/**
 * A file put in the local cloud's storage as the mini-program's upload would (`uploads/<kind>/<day>/<random>-<name>`),
 * through the real SDK; returns its `cloud://` file id for the function call that reads it.
 */
export function upload(
  cloud: LocalCloud,
  filename: string,
  bytes: Uint8Array | string,
  kind = 'roster',
): Promise<string> {
  const body = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return cloud.uploadFile(`uploads/${kind}/20261202/${randomBytes(6).toString('hex')}-${filename}`, body);
}
