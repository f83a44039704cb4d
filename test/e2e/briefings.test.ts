import type { Page } from 'playwright-core';
import { DEMO_GROUP_LEADERS } from '../../scripts/demo/identities';
import { XSS_PAYLOADS } from '../support/xss-payloads';
import { callApi, fill, open, pressModal, useApp } from './browser';

/**
 * 政策宣讲 end to end in Chromium against `npm start`: the town's 政策解读组 组长 publishes on the form, a
 * resident finds it by a word that is only in its body, reads it and marks it learned, and the count rises.
 * Then every hostile payload of test/support/xss-payloads.ts, published in a title, a summary and a body,
 * renders inert: no dialog, no script run, no `javascript:` link, no event handler, no embedded document.
 */
const app = useApp();

const PAGES = '/packages/briefings/pages';
const LEADER = DEMO_GROUP_LEADERS.policy;

test('a leader publishes; a resident finds it by a word in its body, reads it, marks it learned; the count rises', async () => {
  const leader = await app.as(LEADER);
  await open(leader, app.url, `${PAGES}/list/index`, '发布宣讲');
  await leader.getByText('发布宣讲', { exact: true }).click();
  await leader.locator('[data-testid="briefing-form"]').waitFor();
  await fill(leader, '例如：2026年耕地地力保护补贴发放说明', '高山冷凉蔬菜种植补助申报');
  await leader
    .locator('[data-testid="briefing-form"] textarea')
    .first()
    .fill('种植高山冷凉蔬菜的农户，每亩补助两百元。');
  await fill(
    leader,
    '政策内容、办理方法、咨询电话',
    '## 申报条件\n\n连片种植五亩以上，使用**滇丰七号**等推荐品种。\n\n请到村便民服务站登记。',
  );
  await leader.getByText('发布', { exact: true }).click();
  await pressModal(leader, '发布');
  await leader.locator('[data-testid="briefing-title"]').getByText('高山冷凉蔬菜种植补助申报').waitFor();

  const resident = await app.as('demo-resident-012');
  await open(resident, app.url, `${PAGES}/list/index`, '搜索');
  await fill(resident, '搜索政策，如：养老保险', '滇丰七号');
  await resident.getByText('搜索', { exact: true }).click();
  // The search results replace the list: the hit shows an excerpt with the word, which is only in the body.
  await resident.getByText('“滇丰七号”的搜索结果').waitFor();
  const hit = resident
    .locator('[data-testid="briefing"]')
    .filter({ hasText: '高山冷凉蔬菜种植补助申报' })
    .filter({ has: resident.locator('.brief-card__snippet', { hasText: '滇丰七号' }) });
  await hit.waitFor();
  await hit.click();
  await resident.locator('.rich-body').getByText('申报条件').waitFor();
  await expect(resident.locator('.rich-body strong').first().textContent()).resolves.toBe('滇丰七号');
  await expect(resident.locator('[data-testid="learned-count"]').textContent()).resolves.toContain(
    '已有 0 人学习',
  );
  await resident.locator('[data-testid="learn"]').click();
  await resident.locator('[data-testid="learned"]').waitFor();
  await expect(resident.locator('[data-testid="learned-count"]').textContent()).resolves.toContain(
    '已有 1 人学习',
  );

  // The leader sees it by village.
  await leader.reload();
  await leader.getByText('按村查看学习人数', { exact: true }).click();
  await leader.locator('[data-testid="stats"]').getByText('共 1 人已学习').waitFor();
}, 120_000);

/** Publishes through the H5 build's HTTP gateway, as the page would. */
const publishAs = async (openid: string, input: Record<string, unknown>) =>
  (await callApi<{ briefingId: string }>(app.url, 'briefings', openid, { action: 'publish', ...input }))
    .briefingId;

/** What would prove a payload ran or could run: in the page, after rendering. */
function findDanger(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const w = window as unknown as { __xss?: string[] };
    if (w.__xss?.length) found.push(`ran: ${w.__xss.join(', ')}`);
    for (const el of Array.from(document.querySelectorAll('.screen *'))) {
      const tag = el.tagName.toLowerCase();
      if (
        ['script', 'iframe', 'object', 'embed', 'form', 'style', 'meta', 'base', 'svg', 'math'].includes(tag)
      )
        found.push(`<${tag}>`);
      for (const attr of Array.from(el.attributes)) {
        // eslint-disable-next-line no-control-regex
        const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (attr.name.startsWith('on')) found.push(`${tag}[${attr.name}]`);
        if (
          /^(javascript|vbscript|data):/.test(value) &&
          ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name)
        )
          found.push(`${tag}[${attr.name}=${attr.value.slice(0, 30)}]`);
      }
    }
    for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('.screen a'))) {
      if (/^\s*(javascript|vbscript|data):/i.test(a.href)) found.push(`a.href=${a.href.slice(0, 30)}`);
    }
    return found;
  });
}

test(`${XSS_PAYLOADS.length} hostile payloads in title, summary and body render inert in the H5 build`, async () => {
  const pad = (s: string, min: number, max: number) =>
    (s.length >= min ? s : `${s}${'。'.repeat(min - s.length)}`).slice(0, max);
  const ids: { name: string; id: string }[] = [];
  for (const p of XSS_PAYLOADS) {
    const id = await publishAs(LEADER, {
      title: pad(`XSS ${p.markdown}`, 4, 40),
      summary: pad(p.markdown, 10, 120),
      // The marker first, in a paragraph of its own: a payload cannot swallow it (nor can the length cap).
      body: `（安全测试正文）\n\n${p.markdown}`.slice(0, 20_000),
      categoryId: 'fazhi',
      scope: { kind: 'town' },
    });
    ids.push({ name: p.name, id });
  }

  const page = await app.as('demo-resident-013');
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: string[] } & Record<string, unknown>;
    w.__xss = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
      w[name] = (...args: unknown[]) => {
        w.__xss.push(`${name}(${args.map(String).join(',')})`);
        return null;
      };
    }
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  const problems: string[] = [];
  // The list, with every payload's title and summary on it.
  await open(page, app.url, `${PAGES}/list/index`, '搜索');
  await page.getByText('法治宣传', { exact: true }).first().click();
  await page.locator('[data-testid="briefing"]').first().waitFor();
  for (const d of await findDanger(page)) problems.push(`list: ${d}`);
  // Every detail page.
  for (const { name, id } of ids) {
    await page.goto(`${app.url}#${PAGES}/detail/index?id=${id}`);
    try {
      await page.locator('[data-testid="briefing-title"]').waitFor({ timeout: 15_000 });
      // The body rendered (in the page's own DOM, where the checks below look).
      await page.locator('.rich-body').getByText('安全测试正文').waitFor({ timeout: 15_000 });
    } catch {
      problems.push(`${name}: the page did not render`);
      continue;
    }
    for (const d of await findDanger(page)) problems.push(`${name}: ${d}`);
  }
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
}, 300_000);
