import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { functionNames } from '../../../scripts/tools/build-cloud';
import { TEST_FUNCTIONS_DIR } from '../../setup/global-setup';

/** The built functions (built by the global setup with `buildCloudFunctions`, as `npm run build:cloud` does). */
test.each(functionNames())(
  'built function %s is index.js + package.json (wx-server-sdk 4.0.2) + config.json',
  (name) => {
    const dir = path.join(TEST_FUNCTIONS_DIR, name);
    expect(readdirSync(dir).sort()).toEqual(['config.json', 'index.js', 'package.json']);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies).toEqual({ 'wx-server-sdk': '4.0.2' });
    const code = readFileSync(path.join(dir, 'index.js'), 'utf8');
    // One plain-JS file: shared code is bundled in, the SDK stays external (installed in the cloud).
    expect(code).toContain('require("wx-server-sdk")');
    expect(code).not.toMatch(/require\("\.\.?\//);
  },
);

test('shared code is not a function', () => expect(functionNames()).not.toContain('_shared'));
