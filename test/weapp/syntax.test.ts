import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatLater, weappSyntax } from '../../scripts/tools/weapp-syntax';
import { WEAPP_DIST } from './harness/dist-dir';

/**
 * Old WeChat clients run ES5 only, and DevTools does not transpile on upload (project.config.json es6: false):
 * every script of the weapp build must parse as ES5 (scripts/tools/weapp-syntax.ts). No build is a failure.
 */
test('every script of the weapp build is ES5 (no ?., ??, class fields, classes, arrows, let/const…)', () => {
  expect(
    existsSync(path.join(WEAPP_DIST, 'app.js')) ? WEAPP_DIST : 'no weapp build: run `npm run build:weapp`',
  ).toBe(WEAPP_DIST);
  const { files, later } = weappSyntax(WEAPP_DIST);
  expect(files.length).toBeGreaterThan(10);
  expect(formatLater(later)).toBe('');
});
