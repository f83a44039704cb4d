import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CollectionsManifest } from '../../local-cloud';
import { keptDataDir, startTestCloud } from './support';

const manifest: CollectionsManifest = {
  collections: [{ name: 'villages', indexes: [{ name: 'name_unique', keys: { name: 1 }, unique: true }] }],
};
const seed = { villages: [{ _id: 'v1', name: '中海村' }] };

test('seed data loads once per environment, not again on restart', async () => {
  const kept = keptDataDir();
  try {
    const first = await startTestCloud({ dataDir: kept.dir, manifest, seed });
    await first.db.collection('villages').add({ data: { _id: 'v2', name: '迤那村' } });
    await first.stop();
    const again = await startTestCloud({ dataDir: kept.dir, manifest, seed });
    try {
      expect(again.dump('villages')).toEqual([
        { _id: 'v1', name: '中海村' },
        { _id: 'v2', name: '迤那村' },
      ]);
    } finally {
      await again.stop();
    }
  } finally {
    kept.cleanup();
  }
});

test('seed data that breaks a unique index loads nothing and stops the start', async () => {
  const kept = keptDataDir();
  try {
    const bad = { villages: [...seed.villages, { _id: 'v9', name: '中海村' }] };
    await expect(startTestCloud({ dataDir: kept.dir, manifest, seed: bad })).rejects.toThrow(/E11000/);
    const after = await startTestCloud({ dataDir: kept.dir, manifest });
    try {
      expect(after.dump('villages')).toEqual([]);
    } finally {
      await after.stop();
    }
  } finally {
    kept.cleanup();
  }
});

test('a seed function gets a real SDK database', async () => {
  const cloud = await startTestCloud({
    manifest,
    seed: async (db) => {
      await db.collection('villages').add({ data: { _id: 'f1', name: '新营村' } });
    },
  });
  try {
    expect(cloud.dump('villages')).toEqual([{ _id: 'f1', name: '新营村' }]);
  } finally {
    await cloud.stop();
  }
});

test('a second local cloud on the same data folder is refused while the first runs', async () => {
  const kept = keptDataDir();
  try {
    const first = await startTestCloud({ dataDir: kept.dir });
    try {
      const lock = path.join(first.envDir, 'LOCK');
      expect(statSync(lock).mode & 0o777).toBe(0o600);
      await expect(startTestCloud({ dataDir: kept.dir })).rejects.toThrow(/in use by process/);
    } finally {
      await first.stop();
    }
    expect(existsSync(path.join(first.envDir, 'LOCK'))).toBe(false);
  } finally {
    kept.cleanup();
  }
});

test('without dataDir the temporary folder is removed by stop()', async () => {
  const cloud = await startTestCloud();
  expect(existsSync(cloud.envDir)).toBe(true);
  await cloud.stop();
  expect(existsSync(cloud.envDir)).toBe(false);
});

test('environments are separate folders: data in one is not in another', async () => {
  const kept = keptDataDir();
  try {
    const a = await startTestCloud({ dataDir: kept.dir, envId: 'env-a', manifest, seed });
    const b = await startTestCloud({ dataDir: kept.dir, envId: 'env-b', manifest });
    try {
      expect(a.dump('villages')).toHaveLength(1);
      expect(b.dump('villages')).toEqual([]);
      expect(a.envDir).not.toBe(b.envDir);
    } finally {
      await a.stop();
      await b.stop();
    }
  } finally {
    kept.cleanup();
  }
});
