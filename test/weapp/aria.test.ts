import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fakeMembers } from '../support/fake-members';
import { WEAPP_DIST } from './harness/dist-dir';
import { loadBuiltPage } from './harness/load-built-page';

/**
 * ariaLabel / ariaRole reach WeChat (config/aria.ts + src/utils/aria.ts): the page's data names them by the
 * short keys Taro's runtime gives attributes, and the built template binds aria-label / aria-role to the same
 * keys. miniprogram-simulate does not render aria-* into its DOM, so the test reads both sides.
 */
type Node = { nn: string; cl?: string; cn?: Node[]; [key: string]: unknown };

function nodes(tree: unknown): Node[] {
  if (!tree || typeof tree !== 'object') return [];
  const here = 'nn' in tree ? [tree as Node] : [];
  return [...here, ...Object.values(tree).flatMap((v) => (typeof v === 'object' ? nodes(v) : []))];
}

/** The key the template for node kind `nn` binds `attr` to (`aria-label="{{i.p1}}"` → p1). */
function boundKey(nn: string, attr: string): string | undefined {
  const wxml = readFileSync(path.join(WEAPP_DIST, 'base.wxml'), 'utf8');
  const template = new RegExp(`<template name="tmpl_0_${nn}">\\s*<[a-z-]+ ([^>]*)>`).exec(wxml);
  return template ? new RegExp(`${attr}="\\{\\{i\\.(\\w+)\\}\\}"`).exec(template[1]!)?.[1] : undefined;
}

test('a 首页 menu entry tells the screen reader what it is and that it is a button', async () => {
  const page = await loadBuiltPage(WEAPP_DIST, 'pages/home/index', {
    cloudFunctions: { members: fakeMembers() },
  });
  await page.waitForText('联盟小组');
  const entries = nodes(page.data()).filter((n) => n.cl === 'home__entry');
  expect(entries.length).toBeGreaterThan(2);
  const entry = entries.find((n) => Object.values(n).includes('联盟小组：五个职能组的职责和组长'));
  expect(entry).toBeDefined();
  const label = boundKey(entry!.nn, 'aria-label');
  const role = boundKey(entry!.nn, 'aria-role');
  expect(label && entry![label]).toBe('联盟小组：五个职能组的职责和组长');
  expect(role && entry![role]).toBe('button');
});

// Taro renders a view with props beyond class/style/id through the full template; only one with a tap handler
// and nothing else (no name: test/src/a11y.test.ts forbids it) takes the bare click-view template.
test('the full view, text and button templates carry aria-label and aria-role', () => {
  const wxml = readFileSync(path.join(WEAPP_DIST, 'base.wxml'), 'utf8');
  for (const tag of ['view', 'text', 'button']) {
    const elements = (wxml.match(new RegExp(`<${tag} [^>]*>`, 'g')) ?? []).filter((e) =>
      /\{\{i\.p\d/.test(e),
    );
    expect(elements.length).toBeGreaterThan(0);
    for (const element of elements) {
      expect(element).toMatch(/ aria-label="\{\{i\.\w+\}\}"/);
      expect(element).toMatch(/ aria-role="\{\{i\.\w+\}\}"/);
    }
  }
});
