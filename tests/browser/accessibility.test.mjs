// axe-core in Debian's Chromium on the pages readers and authors use most,
// in the light and the dark colour scheme: no violation of impact serious or
// critical. The same run saves the README's screenshots to docs/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  SCREENSHOTS,
  createAdmin,
  describeViolations,
  startBoth,
  seriousViolations,
  startServer,
  watchPage,
} from './lib.mjs';

const DRAFT = [
  'Tidings renders **Markdown** as you type, with the same renderer the blog uses.',
  '',
  '## A list',
  '',
  '- *emphasis* and `code`',
  '- [links](https://example.com/)',
  '',
  '| You type | You get |',
  '|---|---|',
  '| `**bold**` | **bold** |',
].join('\n');

let server;
let browser;

before(async () => {
  ({ server, browser } = await startBoth(startServer({ demo: true })));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The pages to check, each opened by `open(page)` in a signed-in context. */
const PAGES = [
  { name: 'home page', open: (p) => p.goto(`${server.url}/`), shot: 'home.png' },
  {
    name: 'post page with comments',
    async open(p) {
      await p.goto(`${server.url}/`);
      const link = p.locator('a.comment-link').filter({ hasNotText: /^No comments/ }).first();
      await p.goto(new URL(await link.getAttribute('href'), server.url).href);
      assert.ok((await p.locator('.comments .comment').count()) > 0, 'the demo post has comments');
    },
    shot: 'post.png',
    fullPage: true,
  },
  { name: 'search results', open: (p) => p.goto(`${server.url}/search?q=tidings`) },
  {
    name: 'admin dashboard',
    async open(p) {
      await p.goto(`${server.url}/admin`);
      await p.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    },
  },
  {
    name: 'editor with a preview',
    async open(p) {
      await p.goto(`${server.url}/admin/posts/new`);
      await p.getByLabel('Title', { exact: true }).fill('Writing in the editor');
      await p.getByLabel('Labels').fill('Tidings, Writing');
      await p.getByLabel(/^Body/).fill(DRAFT);
      await p.locator('#preview table strong').waitFor();
    },
    shot: 'editor.png',
  },
  { name: 'comment queue', open: (p) => p.goto(`${server.url}/admin/comments?status=pending`) },
  { name: 'settings', open: (p) => p.goto(`${server.url}/admin/settings`) },
];

test('no serious or critical accessibility violations; screenshots', { timeout: 60_000 }, async (t) => {
  // Sign in once; both colour schemes share the session.
  const setup = await browser.newContext();
  const first = await setup.newPage();
  await createAdmin(first, server.setupLink);
  const storageState = await setup.storageState();
  await setup.close();
  mkdirSync(SCREENSHOTS, { recursive: true });

  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({
      storageState,
      colorScheme,
      viewport: { width: 1280, height: 800 },
      // The pages' CSP forbids injected scripts; axe-core is one.
      bypassCSP: true,
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const watch = await watchPage(page);
    for (const spec of PAGES) {
      await t.test(`${spec.name} (${colorScheme})`, async () => {
        await spec.open(page);
        if (spec.shot && colorScheme === 'light') {
          // From the top, without a focus ring where the test last typed.
          await page.evaluate(() => {
            document.activeElement?.blur();
            window.scrollTo(0, 0);
          });
          await page.screenshot({ path: join(SCREENSHOTS, spec.shot), fullPage: !!spec.fullPage });
        }
        const found = await seriousViolations(page);
        assert.equal(found.length, 0, '\n' + describeViolations(`${spec.name}, ${colorScheme}`, found));
      });
    }
    if (colorScheme === 'light') await t.test('nothing scrolls sideways at 320 px', async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      const wide = [];
      for (const spec of PAGES) {
        await spec.open(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) wide.push(`${spec.name}: ${width} px wide`);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      assert.deepEqual(wide, [], wide.join('\n'));
    });
    const problems = await watch.problems();
    await t.test(`no console errors (${colorScheme})`, () => {
      assert.deepEqual(problems, [], problems.join('\n'));
    });
    await context.close();
  }
});
