/**
 * `npm run screenshot`: renders the H5 home page as a village admin and saves docs/home.png for README.
 * Needs Chinese fonts installed (Debian: fonts-noto-cjk) or the text shows as boxes.
 */
import path from 'node:path';
import { open, startApp } from '../../test/e2e/browser';

async function main(): Promise<void> {
  const app = await startApp();
  try {
    const page = await app.as('demo-village-admin');
    await open(page, app.url, '/pages/home/index', '村民名册');
    await page.waitForTimeout(700); // the page-slide animation
    const file = path.join(__dirname, '..', '..', 'docs', 'home.png');
    await page.screenshot({ path: file });
    console.log(`saved ${file}`);
  } finally {
    await app.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
