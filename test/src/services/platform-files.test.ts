import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A platform file (`x.h5.ts`, `x.weapp.ts`) may import only types from its base `x.ts`: in that platform's build
 * `./x` resolves to the platform file itself, so a value imported from it is undefined there (jest, which resolves
 * `./x` to the base, cannot see this).
 */
const SERVICES = path.join(__dirname, '..', '..', '..', 'src', 'services');

test.each(readdirSync(SERVICES).filter((f) => /\.(h5|weapp)\.ts$/.test(f)))(
  '%s imports only types from its base',
  (file) => {
    const base = file.replace(/\.(h5|weapp)\.ts$/, '');
    const source = readFileSync(path.join(SERVICES, file), 'utf8');
    const valueImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*from\s+'\.\/([^']+)';/gm)].map(
      (m) => m[1],
    );
    expect(valueImports).not.toContain(base);
  },
);
