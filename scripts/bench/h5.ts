/**
 * The H5 figures of `npm run bench`: the home page's first render in Debian's Chromium, against `npm start`
 * (the production H5 build, the local cloud and the demo data), started by test/e2e/browser.ts `startApp`.
 *
 * A load: a new browser context (empty caches, 390×844 like the e2e tests), acting as demo-resident-001 (a
 * bound resident of 中海村), opens the app's address. Measured in the page from navigation start (its
 * `performance.timeOrigin`): the first animation frame in which the home page shows the resident's greeting
 * ("中海村 · <name>，您好") and their menu (圆桌议事, an entry only residents get) — so `members.me` has
 * answered and React has rendered with it — plus the time to a message posted from that frame, which runs
 * once the frame has been rendered. First contentful paint and the first frame with the menu (before the
 * identity arrives) are recorded too.
 *
 * One discarded load first (it starts the `members` function instance on the server), then LOADS loads with the
 * CPU slowed 4× (CDP `Emulation.setCPUThrottlingRate`, roughly a cheap Android phone) and LOADS without,
 * alternating; the figures are medians. The network is localhost and not throttled.
 */
import type { Page } from 'playwright-core';
import { startApp, type App } from '../../test/e2e/browser';
import { figure, median, type Figure } from './stats';

const LOADS = Number(process.env.BENCH_H5_LOADS ?? 5);
const CPU_SLOWDOWN = 4;
const GOAL_MS = 800;
const RESIDENT = 'demo-resident-001';

interface Marks {
  /** First contentful paint. */
  fcp: number;
  /** The first frame with the home menu (before `members.me` answers, the menu for anyone). */
  menu: number;
  /** After the first frame with the resident's greeting and menu has been rendered. */
  content: number;
}

/**
 * Runs in the page before its scripts: watches every animation frame until the home page is rendered. A
 * string, not a function: tsx would wrap the function's inner functions in a helper the page does not have.
 */
const WATCH_HOME = `(() => {
  const marks = {};
  window.__benchHome = marks;
  const shown = (el) => el !== null && el.getBoundingClientRect().height > 0;
  const frame = () => {
    if (marks.menu === undefined && shown(document.querySelector('.home__entry'))) marks.menu = performance.now();
    const greeting = document.querySelector('.home__subtitle');
    if (shown(greeting) && greeting.textContent.includes('您好') && shown(document.querySelector('[data-testid="menu-agenda"]'))) {
      // A message posted from the frame is handled once the frame has been rendered.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks.content = performance.now();
        marks.fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      };
      channel.port2.postMessage(null);
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** One cold load of the home page in a new context, with the CPU slowed `slowdown` times. */
async function load(app: App, slowdown: number): Promise<Marks> {
  const page: Page = await app.as(RESIDENT);
  try {
    if (slowdown > 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    }
    await page.addInitScript({ content: WATCH_HOME });
    await page.goto(app.url);
    const marks = await page.waitForFunction(
      () => {
        const m = (window as unknown as { __benchHome?: Partial<Marks> }).__benchHome;
        return m?.content === undefined ? null : m;
      },
      null,
      // Polled from a timer rather than every frame: the page's own frames are what is measured.
      { polling: 100, timeout: 30_000 },
    );
    return (await marks.jsonValue()) as Marks;
  } finally {
    await page.context().close();
  }
}

const ms = (xs: number[]) => median(xs).toFixed(0);

function rows(label: string, runs: Marks[], first: boolean): Figure[] {
  const content = runs.map((m) => m.content);
  const value = median(content);
  return [
    figure({
      name: `${first ? 'H5 home first render in Chromium' : '  the same'}, ${label}`,
      value: value.toFixed(0),
      unit: 'ms',
      goal: `≤ ${GOAL_MS} ms`,
      met: value <= GOAL_MS,
      note:
        (first
          ? `navigation start → the first frame showing ${RESIDENT}'s greeting and 圆桌议事 has been rendered; ` +
            `median of ${runs.length} cold loads, each in a new browser context, 390×844, localhost (network not slowed); `
          : `median of ${runs.length}: `) +
        `loads ${content.map((x) => x.toFixed(0)).join(', ')} ms; ` +
        `first frame with the menu (before members.me answers) ${ms(runs.map((m) => m.menu))} ms`,
    }),
    figure({
      name: `  first contentful paint, ${label}, median`,
      value: ms(runs.map((m) => m.fcp)),
      unit: 'ms',
      goal: '—',
      met: null,
    }),
  ];
}

export async function h5Bench(): Promise<Figure[]> {
  const app = await startApp();
  try {
    await load(app, 1);
    const slow: Marks[] = [];
    const fast: Marks[] = [];
    for (let i = 0; i < LOADS; i++) {
      slow.push(await load(app, CPU_SLOWDOWN));
      fast.push(await load(app, 1));
    }
    return [
      ...rows(`CPU ${CPU_SLOWDOWN}× slower (a cheap phone)`, slow, true),
      ...rows('CPU not slowed', fast, false),
    ];
  } finally {
    await app.stop();
  }
}
