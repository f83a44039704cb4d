import fs from 'node:fs';
import path from 'node:path';
import * as COLLECTIONS from '../../../cloudfunctions/_shared/collections';

const manifest = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../../cloudfunctions/collections.json'), 'utf8'),
) as { collections: { name: string }[] };

describe('collection names', () => {
  const named = Object.values(COLLECTIONS) as string[];

  test('each collection is named once in _shared/collections.ts', () => {
    expect(new Set(named).size).toBe(named.length);
  });

  test('the manifest creates exactly the collections the functions name', () => {
    expect(manifest.collections.map((c) => c.name).sort()).toEqual([...named].sort());
  });

  test('no function writes a collection name as a raw string', () => {
    const root = path.join(__dirname, '../../../cloudfunctions');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts') && !file.endsWith(path.join('_shared', 'collections.ts'))) {
          const text = fs.readFileSync(file, 'utf8');
          for (const name of named) {
            if (new RegExp(`collection\\(\\s*['"\`]${name}['"\`]`).test(text))
              offenders.push(`${file}: ${name}`);
          }
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
