/**
 * Package sizes of the built mini-program, measured one way for test/weapp/sizes.test.ts and `npm run bench`.
 *
 * Budgets (WeChat's hard limit is 2 MB per package; ours are tighter so that the first open on a weak signal
 * stays quick): the main package at most 450 KB, each subpackage 300 KB. Sizes are the bytes of the built
 * files, as DevTools uploads them; the main package is everything outside the subpackages' roots. The main budget
 * was 400 KB until the build targeted ES5 for old phones (scripts/tools/weapp-syntax.ts): lowering classes,
 * async functions and spreads in the Taro runtime, React glue and zod costs about 45 KB (385 KB → 429 KB).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const MAIN_BUDGET = 450 * 1024;
export const SUBPACKAGE_BUDGET = 300 * 1024;

export interface WeappSizes {
  /** Bytes of the main package. */
  main: number;
  /** Bytes of each subpackage, in app.json's order. */
  subpackages: { root: string; bytes: number }[];
}

function bytes(dir: string, skip: (rel: string) => boolean = () => false, base = dir): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = path.relative(base, full).split(path.sep).join('/');
    if (skip(rel)) continue;
    total += statSync(full).isDirectory() ? bytes(full, skip, base) : statSync(full).size;
  }
  return total;
}

/** The package sizes of the weapp build in `dist` (the folder holding app.json). */
export function weappSizes(dist: string): WeappSizes {
  const appJson = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
    subPackages: { root: string }[];
  };
  const roots = appJson.subPackages.map((p) => p.root.replace(/\/$/, ''));
  return {
    main: bytes(dist, (rel) => roots.includes(rel)),
    subpackages: roots.map((root) => ({ root, bytes: bytes(path.join(dist, root)) })),
  };
}

/** Bytes in KB (1024), one decimal. */
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
