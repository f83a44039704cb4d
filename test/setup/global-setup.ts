import path from 'node:path';
import { buildCloudFunctions } from '../../scripts/build-cloud';

/** Cloud tests run the BUILT functions (what deploys), built once per test run into their own folder. */
export const TEST_FUNCTIONS_DIR = path.join(__dirname, '..', '..', 'build', 'test-cloudfunctions');

export default async function globalSetup(): Promise<void> {
  await buildCloudFunctions(TEST_FUNCTIONS_DIR);
}
