/**
 * `npm run build:cloud`: bundles each cloud function (`cloudfunctions/<name>/index.ts`, folders starting with
 * `_` are shared code) with esbuild into one plain-JS `index.js`, wx-server-sdk left external, beside its
 * `package.json` and `config.json` — exactly what WeChat DevTools or `npm run deploy` uploads.
 *
 *   tsx scripts/tools/build-cloud.ts [--out build/cloudfunctions]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const ROOT = path.join(__dirname, '..', '..');
export const SOURCE_DIR = path.join(ROOT, 'cloudfunctions');
export const DEFAULT_OUT = path.join(ROOT, 'build', 'cloudfunctions');
export const SDK_VERSION = '4.0.2';

export function functionNames(): string[] {
  return readdirSync(SOURCE_DIR)
    .filter((name) => !name.startsWith('_') && existsSync(path.join(SOURCE_DIR, name, 'index.ts')))
    .sort();
}

export interface BuiltFunction {
  name: string;
  bytes: number;
}

export async function buildCloudFunctions(outDir = DEFAULT_OUT): Promise<BuiltFunction[]> {
  rmSync(outDir, { recursive: true, force: true });
  const built: BuiltFunction[] = [];
  for (const name of functionNames()) {
    const src = path.join(SOURCE_DIR, name);
    const out = path.join(outDir, name);
    mkdirSync(out, { recursive: true });
    await build({
      entryPoints: [path.join(src, 'index.ts')],
      outfile: path.join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      // WeChat cloud offers Node.js 16 and newer runtimes.
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      legalComments: 'none',
      logLevel: 'warning',
    });
    const pkg = JSON.parse(readFileSync(path.join(src, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    if (pkg.dependencies?.['wx-server-sdk'] !== SDK_VERSION) {
      throw new Error(
        `cloudfunctions/${name}/package.json must depend on wx-server-sdk ${SDK_VERSION} exactly`,
      );
    }
    writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    writeFileSync(path.join(out, 'config.json'), readFileSync(path.join(src, 'config.json')));
    built.push({ name, bytes: statSync(path.join(out, 'index.js')).size });
  }
  return built;
}

if (require.main === module) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? path.resolve(process.argv[i + 1]!) : DEFAULT_OUT;
  buildCloudFunctions(out).then(
    (built) => {
      for (const f of built)
        console.log(
          `built ${path.relative(ROOT, path.join(out, f.name))}/index.js  ${(f.bytes / 1024).toFixed(1)} KiB`,
        );
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
