// A blog in Arabic in Debian's Chromium: the post page with comments runs
// right to left (dir="rtl" and lang="ar"), its layout mirrored (the sidebar
// on the left of the posts, date headers and comments starting at the
// right), axe-core finds no serious or critical violation, and the page is
// saved as docs/screenshots/post-rtl.png for docs/languages.md.
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

const TITLE = 'منارة الإسكندرية';
const BODY = [
  'كانت **منارة الإسكندرية** واحدة من عجائب الدنيا السبع، وقد بُنيت على جزيرة فاروس.',
  '',
  'ظل ضوؤها يرشد السفن إلى الميناء قرونًا طويلة، حتى هدمتها الزلازل.',
].join('\n');
const COMMENTS = [
  ['سلمى', 'مقال جميل، شكرًا لك على هذه المعلومات.'],
  ['يوسف', 'زرت الإسكندرية العام الماضي ورأيت قلعة قايتباي في مكان المنارة.'],
];

let server;
let browser;

before(async () => {
  ({ server, browser } = await startBoth(startServer()));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an Arabic post page runs right to left, mirrored and accessible', { timeout: 60_000 }, async (t) => {
  const admin = await browser.newContext();
  admin.setDefaultTimeout(10_000);
  const page = await admin.newPage();
  await createAdmin(page, server.setupLink);

  await page.goto(`${server.url}/admin/settings`);
  await page.getByLabel('Title', { exact: true }).fill('دفتر البحر');
  await page.getByLabel(/^Language/).fill('ar');
  await page.getByLabel('Hold comments for review').selectOption('never');
  await page.getByLabel('Seconds a person needs to fill the form').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  assert.equal(await page.getByLabel(/^Language/).inputValue(), 'ar');

  await page.goto(`${server.url}/admin/posts/new`);
  await page.getByLabel('Title', { exact: true }).fill(TITLE);
  await page.getByLabel('Labels').fill('تاريخ, الإسكندرية');
  await page.getByLabel(/^Body/).fill(BODY);
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('status').getByText(/published/i).waitFor();
  const postUrl = new URL(
    await page.getByRole('link', { name: 'View on blog' }).getAttribute('href'),
    server.url,
  ).href;
  await admin.close();

  // A reader, who comments twice through the form.
  const reader = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    // The pages' CSP forbids injected scripts; axe-core is one.
    bypassCSP: true,
  });
  reader.setDefaultTimeout(10_000);
  const p = await reader.newPage();
  const watch = await watchPage(p);
  for (const [name, body] of COMMENTS) {
    await p.goto(postUrl);
    const form = p.locator('#comment-form');
    await form.locator('[name=name]').fill(name);
    await form.locator('[name=body]').fill(body);
    await Promise.all([
      p.waitForURL((u) => u.href !== postUrl && u.pathname === new URL(postUrl).pathname),
      form.locator('button[type=submit]').click(),
    ]);
  }
  await p.goto(postUrl);
  assert.equal(await p.locator('.comments .comment').count(), COMMENTS.length);

  await t.test('the page says it is Arabic, right to left', async () => {
    assert.equal(await p.locator('html').getAttribute('lang'), 'ar');
    assert.equal(await p.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await p.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
  });

  await t.test('the layout is mirrored', async () => {
    const box = async (selector) => {
      const b = await p.locator(selector).first().boundingBox();
      assert.ok(b, `${selector} is shown`);
      return b;
    };
    const main = await box('main.main');
    const sidebar = await box('aside.sidebar');
    // Left to right the sidebar follows the posts on the right; here it is
    // on their left.
    assert.ok(
      sidebar.x + sidebar.width <= main.x + 1,
      `sidebar ${JSON.stringify(sidebar)} is left of the posts ${JSON.stringify(main)}`,
    );
    // Text starts at the right: the date header's and a comment's words end
    // at their box's right edge and leave room on the left.
    for (const selector of ['.date-header', '.comments .comment p, .comments .comment .comment-body']) {
      const [text, element] = await p.locator(selector).first().evaluate((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        const r = range.getBoundingClientRect();
        const b = e.getBoundingClientRect();
        return [{ left: r.left, right: r.right }, { left: b.left, right: b.right }];
      });
      assert.ok(Math.abs(element.right - text.right) < 2, `${selector} starts at the right`);
      assert.ok(text.left - element.left > 20, `${selector} leaves the left free`);
    }
  });

  await t.test('axe-core finds no serious or critical violation', async () => {
    const found = await seriousViolations(p);
    assert.equal(found.length, 0, '\n' + describeViolations('Arabic post page', found));
  });

  await t.test('screenshot for the docs', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: join(SCREENSHOTS, 'post-rtl.png'), fullPage: true });
  });

  const problems = await watch.problems();
  await t.test('no console errors', () => {
    assert.deepEqual(problems, [], problems.join('\n'));
  });
  await reader.close();
});

