import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { connectCloud } from '../../local-cloud';
import { exited, FIXTURE_FUNCTIONS, keptDataDir, startServe } from './support';

/** Every file's content names itself, so a torn or swapped file shows. */
const contentOf = (id: string) => {
  const seed = createHash('sha256').update(id).digest();
  return Buffer.concat(Array.from({ length: 200 }, () => seed)); // 6.4 KB
};

function tempFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.startsWith('.upload-'))
    .map((e) => e.name);
}

/**
 * SIGKILL the backend while clients upload through wx-server-sdk, restart it: every acknowledged upload is there
 * byte for byte, and no half-written file shows (neither under its name nor as a leftover temporary file).
 */
test('after SIGKILL under concurrent uploads, every acknowledged file is whole and nothing torn remains', async () => {
  const kept = keptDataDir();
  const envDir = path.join(kept.dir, 'data', 'files');
  const args = [
    '--data-dir',
    path.join(kept.dir, 'data'),
    '--env',
    'files',
    '--functions',
    FIXTURE_FUNCTIONS,
  ];
  try {
    const first = await startServe(args, envDir);
    const sdk = connectCloud(first.lock);
    const acked = new Map<string, string>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const id = `f${next++}`;
        try {
          const { fileID } = await sdk.uploadFile({
            cloudPath: `uploads/load/${id}.bin`,
            fileContent: contentOf(id),
          });
          acked.set(id, fileID);
        } catch {
          if (killed) return;
        }
      }
    };
    const load = Array.from({ length: 8 }, worker);
    const started = Date.now();
    while (acked.size < 150 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(load);
    await exited(first.child);
    expect(acked.size).toBeGreaterThanOrEqual(150);
    expect(next).toBeGreaterThan(acked.size); // uploads were in flight when it died

    const second = await startServe(args, envDir);
    try {
      const after = connectCloud(second.lock);
      const wrong: string[] = [];
      for (const [id, fileID] of acked) {
        const { fileContent } = await after.downloadFile({ fileID });
        if (!fileContent.equals(contentOf(id))) wrong.push(id);
      }
      expect(wrong).toEqual([]);
      // Files that exist but were never acknowledged must still be whole.
      const storage = path.join(envDir, 'storage', 'uploads', 'load');
      const torn = readdirSync(storage)
        .filter((n) => !n.startsWith('.'))
        .map((n) => n.replace(/\.bin$/, ''))
        .filter((id) => {
          const bytes = readFileSync(path.join(storage, `${id}.bin`));
          return !bytes.equals(contentOf(id));
        });
      expect(torn).toEqual([]);
      expect(tempFiles(path.join(envDir, 'storage'))).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  } finally {
    kept.cleanup();
  }
}, 90_000);
