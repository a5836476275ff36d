// The Stats page in Debian's Chromium: readers' visits of the demo blog's
// posts (from node, as browsers and as a robot, some from another site)
// reach the page within seconds; its chart is drawn without script, and
// it has no serious or critical accessibility violation in either colour
// scheme. Its screenshot goes to docs/screenshots/stats.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  SCREENSHOTS,
  createAdmin,
  describeViolations,
  seriousViolations,
  startBoth,
  startServer,
  watchPage,
} from './lib.mjs';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0';

let server;
let browser;

before(async () => {
  ({ server, browser } = await startBoth(startServer({ demo: true })));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Reads `path` `times` times as a client with `agent`, from `referer`. */
async function read(path, times, agent, referer) {
  for (let i = 0; i < times; i++) {
    const headers = { 'user-agent': agent };
    if (referer) headers.referer = referer;
    const r = await fetch(`${server.url}${path}`, { headers });
    assert.equal(r.status, 200, path);
    await r.arrayBuffer();
  }
}

test('the Stats page shows readers, robots and referrers; screenshot', { timeout: 60_000 }, async (t) => {
  const home = await (await fetch(`${server.url}/`)).text();
  const posts = [...home.matchAll(/class="post-title"><a href="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(posts.length >= 3, 'the demo blog has posts');
  await read(posts[0], 12, FIREFOX, 'https://news.example.org/item?id=7');
  await read(posts[1], 7, FIREFOX, 'https://www.example.com/links.html');
  await read(posts[2], 4, FIREFOX);
  await read(posts[0], 5, 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)');

  const setup = await browser.newContext();
  await createAdmin(await setup.newPage(), server.setupLink);
  const storageState = await setup.storageState();
  await setup.close();
  mkdirSync(SCREENSHOTS, { recursive: true });

  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({
      storageState,
      colorScheme,
      viewport: { width: 1280, height: 800 },
      bypassCSP: true, // for axe-core, injected
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const watch = await watchPage(page);
    await t.test(`counts arrive and read well (${colorScheme})`, async () => {
      // Counts reach the database within 10 s.
      const deadline = Date.now() + 15_000;
      for (;;) {
        await page.goto(`${server.url}/admin/stats`);
        const today = await page.locator('.views-today').textContent();
        if (today.trim() === '23' || Date.now() > deadline) break;
        await page.waitForTimeout(500);
      }
      assert.equal((await page.locator('.views-today').textContent()).trim(), '23');
      assert.equal((await page.locator('.bot-views-today').textContent()).trim(), '5');
      assert.equal(await page.locator('.stats-chart svg rect.bar').count(), 30);
      const referrers = await page.locator('.top-referrers tbody tr').allTextContents();
      assert.match(referrers[0], /news\.example\.org\s*12/);
      assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
      if (colorScheme === 'light') {
        await page.screenshot({ path: join(SCREENSHOTS, 'stats.png'), fullPage: true });
        await page.setViewportSize({ width: 320, height: 640 });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 320, `the Stats page is ${width} px wide at 320 px`);
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      const found = await seriousViolations(page);
      assert.equal(found.length, 0, '\n' + describeViolations(`stats, ${colorScheme}`, found));
    });
    const problems = await watch.problems();
    await t.test(`no console errors (${colorScheme})`, () => {
      assert.deepEqual(problems, [], problems.join('\n'));
    });
    await context.close();
  }
});
