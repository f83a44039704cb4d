import path from 'node:path';
import { buildCloudFunctions } from '../../scripts/tools/build-cloud';

/**
 * Cloud tests run the BUILT functions (what deploys), built once per test run into their own folder.
 * TONGXIN_TEST_BUILD names another folder under build/ (inside the repo, where wx-server-sdk resolves),
 * so that two test runs at once do not rebuild each other's functions.
 */
export const TEST_FUNCTIONS_DIR = path.join(
  __dirname,
  '..',
  '..',
  'build',
  process.env.TONGXIN_TEST_BUILD?.replace(/[^\w-]/g, '') || 'test-cloudfunctions',
);

export default async function globalSetup(): Promise<void> {
  const built = await buildCloudFunctions(TEST_FUNCTIONS_DIR);
  // The size of each function bundle, in every test run's log (what deploys: index.js beside the SDK).
  console.log(
    `\ncloud function bundles: ${built.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(1)} KiB`).join(', ')}`,
  );
}
