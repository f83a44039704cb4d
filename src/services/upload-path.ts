import { inShanghai } from '@core/time';
import { randomBytes } from './random';

/**
 * Where a client upload goes: `uploads/<kind>/<yyyymmdd>/<random>-<name>` (the functions read only `uploads/`).
 * The random part keeps two uploads of the same name apart and makes the path unguessable; the name keeps
 * letters, digits and CJK only, as WeChat advises for cloud paths.
 */
export async function uploadPath(kind: string, name: string): Promise<string> {
  const safe =
    name
      .replace(/[^\p{L}\p{N}._-]+/gu, '_')
      .replace(/^[._]+/, '')
      .slice(-80) || 'file';
  const random = Array.from(await randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('');
  return `uploads/${kind}/${inShanghai(Date.now()).format('YYYYMMDD')}/${random}-${safe}`;
}
