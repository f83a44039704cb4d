import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { WEAPP_DIST } from './harness/dist-dir';

/**
 * Package size budgets of the built mini-program (WeChat's hard limit is 2 MB per package; ours are tighter so
 * that the first open on a weak signal stays quick): the main package at most 400 KB, each subpackage 300 KB.
 * Sizes are the bytes of the built files, as DevTools uploads them.
 */
const MAIN_BUDGET = 400 * 1024;
const SUBPACKAGE_BUDGET = 300 * 1024;

const appJson = JSON.parse(readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8')) as {
  subPackages: { root: string }[];
};
const roots = appJson.subPackages.map((p) => p.root.replace(/\/$/, ''));

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

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

test(`the main package is at most ${kb(MAIN_BUDGET)}`, () => {
  const main = bytes(WEAPP_DIST, (rel) => roots.includes(rel));
  console.log(`weapp main package ${kb(main)}`);
  expect(main).toBeLessThanOrEqual(MAIN_BUDGET);
});

test.each(roots)(`subpackage %s is at most ${kb(SUBPACKAGE_BUDGET)}`, (root) => {
  const size = bytes(path.join(WEAPP_DIST, root));
  console.log(`weapp subpackage ${root} ${kb(size)}`);
  expect(size).toBeGreaterThan(0);
  expect(size).toBeLessThanOrEqual(SUBPACKAGE_BUDGET);
});
