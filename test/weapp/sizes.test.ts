import { kb, MAIN_BUDGET, SUBPACKAGE_BUDGET, weappSizes } from '../../scripts/tools/weapp-sizes';
import { WEAPP_DIST } from './harness/dist-dir';

/** Package size budgets of the built mini-program: scripts/tools/weapp-sizes.ts measures them (so does `npm run bench`). */
const sizes = weappSizes(WEAPP_DIST);

test(`the main package is at most ${kb(MAIN_BUDGET)}`, () => {
  console.log(`weapp main package ${kb(sizes.main)}`);
  expect(sizes.main).toBeLessThanOrEqual(MAIN_BUDGET);
});

test.each(sizes.subpackages)(`subpackage $root is at most ${kb(SUBPACKAGE_BUDGET)}`, ({ root, bytes }) => {
  console.log(`weapp subpackage ${root} ${kb(bytes)}`);
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThanOrEqual(SUBPACKAGE_BUDGET);
});
