import { readFileSync } from 'node:fs';
import { canonicalKey } from './values';
import type { IndexSpec, WalOp } from './store/engine';
import type { Store } from './store/store';

/**
 * The collections a deployment needs, with their indexes. The same file creates them in the local cloud
 * (on every start) and in a real environment (the deploy script), so the two cannot drift apart.
 *
 * ```json
 * { "collections": [ { "name": "members", "indexes": [ { "name": "openid_unique", "keys": { "openid": 1 }, "unique": true } ] } ] }
 * ```
 */
export interface CollectionsManifest {
  collections: { name: string; indexes?: IndexSpec[] }[];
}

/** Reads (from a file, or as given) and validates a manifest: the one reader of the local cloud and the deploy script. */
export function loadManifest(input: unknown): CollectionsManifest {
  if (input === undefined) return { collections: [] };
  const manifest = typeof input === 'string' ? readManifestFile(input) : input;
  validateManifest(manifest);
  return manifest;
}

function readManifestFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read manifest ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`manifest ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

export function validateManifest(value: unknown): asserts value is CollectionsManifest {
  const fail = (why: string): never => {
    throw new Error(`collections manifest: ${why}`);
  };
  if (!value || typeof value !== 'object' || !Array.isArray((value as CollectionsManifest).collections)) {
    fail('expected { "collections": [...] }');
  }
  const names = new Set<string>();
  for (const c of (value as CollectionsManifest).collections) {
    if (!c || typeof c.name !== 'string' || c.name === '') fail('every collection needs a name');
    if (c.name.startsWith('$')) fail(`collection names may not start with $ (${c.name})`);
    if (names.has(c.name)) fail(`collection ${c.name} is listed twice`);
    names.add(c.name);
    for (const index of c.indexes ?? []) {
      if (!index || typeof index.name !== 'string' || !index.keys || typeof index.keys !== 'object') {
        fail(`collection ${c.name}: each index needs a name and keys`);
      }
      if (index.name === '_id_') fail(`collection ${c.name}: _id_ is implicit`);
      for (const [field, dir] of Object.entries(index.keys)) {
        if (dir !== 1 && dir !== -1)
          fail(`collection ${c.name}: index ${index.name} key ${field} must be 1 or -1`);
      }
    }
    if ((c.indexes ?? []).length > 20) fail(`collection ${c.name}: WeChat cloud allows at most 20 indexes`);
  }
}

/** Creates missing collections and brings index definitions up to date, in one atomic change. */
export async function applyManifest(store: Store, manifest: CollectionsManifest): Promise<string[]> {
  const ops: WalOp[] = [];
  const changed: string[] = [];
  for (const c of manifest.collections) {
    const indexes = (c.indexes ?? []).map((i) => ({
      name: i.name,
      keys: { ...i.keys },
      unique: i.unique === true,
    }));
    if (store.engine.hasCollection(c.name)) {
      const current = store.engine.indexesOf(c.name).map((i) => ({ ...i, unique: i.unique === true }));
      if (canonicalKey(current) === canonicalKey(indexes)) continue;
    }
    ops.push(...store.engine.planDefineCollection(c.name, indexes));
    changed.push(c.name);
  }
  await store.commit(ops);
  return changed;
}
