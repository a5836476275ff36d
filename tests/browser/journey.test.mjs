// The author's journey from issue 3, in Debian's Chromium: the first-run
// link, the admin account, a post written in Markdown with its live preview,
// published and seen under its date header; then a reader's comment held for
// moderation, approved by the admin and seen on the post.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN,
  createAdmin,
  dateHeaderText,
  startBoth,
  startServer,
  watchPage,
} from './lib.mjs';

// A zone far from UTC, so a date header in UTC would be wrong most of the day.
const ZONE = 'Pacific/Kiritimati';
const TITLE = 'Hello from the browser';
const MARKDOWN = [
  'This post was written in **the editor** by a _real browser_.',
  '',
  '- one',
  '- two',
  '',
  'See [Tidings](https://example.com/tidings).',
].join('\n');
const COMMENT = 'A reader passing by: lovely post, thank you!';

let server;
let browser;

before(async () => {
  ({ server, browser } = await startBoth(startServer()));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('first run, write and publish, moderate a reader comment', { timeout: 60_000 }, async (t) => {
  const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  admin.setDefaultTimeout(10_000);
  const page = await admin.newPage();
  const watch = await watchPage(page);
  let postUrl;
  // Each step needs the ones before it: after a failure the rest are skipped.
  let failed = false;
  const step = (name, fn) =>
    t.test(name, { skip: failed && 'an earlier step failed' }, async () => {
      try {
        await fn();
      } catch (e) {
        failed = true;
        throw e;
      }
    });

  await step('the first-run link creates the admin and lands on the dashboard', async () => {
    await createAdmin(page, server.setupLink);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor());
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    // The link works once.
    const again = await admin.request.get(server.setupLink, { maxRedirects: 0 });
    assert.notEqual(again.status(), 200, 'the setup link must not work a second time');
  });

  await step('settings: hold every comment, no minimum fill time, a zone far from UTC', async () => {
    await page.goto(`${server.url}/admin/settings`);
    await page.getByLabel('Time zone').fill(ZONE);
    await page.getByLabel('Hold comments for review').selectOption('always');
    await page.getByLabel('Seconds a person needs to fill the form').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    assert.equal(await page.getByLabel('Hold comments for review').inputValue(), 'always');
    assert.equal(await page.getByLabel('Time zone').inputValue(), ZONE);
  });

  await step('the editor previews Markdown live, without console errors or CSP violations', async () => {
    watch.clear();
    await page.goto(`${server.url}/admin/posts/new`);
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByLabel(/^Body/).fill(MARKDOWN);
    const preview = page.locator('#preview');
    // admin.js fetches /admin/preview as you type; no button is pressed here.
    await preview.locator('strong', { hasText: 'the editor' }).waitFor();
    await preview.locator('em', { hasText: 'real browser' }).waitFor();
    assert.equal(await preview.locator('li').count(), 2);
    assert.equal(
      await preview.locator('a', { hasText: 'Tidings' }).getAttribute('href'),
      'https://example.com/tidings',
    );
    const problems = await watch.problems();
    assert.deepEqual(problems, [], `the editor logged problems:\n${problems.join('\n')}`);
  });

  await step('publishing shows a link to the post on the blog', async () => {
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').getByText(/published/i).waitFor();
    const view = page.getByRole('link', { name: 'View on blog' });
    postUrl = new URL(await view.getAttribute('href'), server.url).href;
    assert.match(postUrl, /\/\d{4}\/\d{2}\/hello-from-the-browser\.html$/);
  });

  await step('the home page shows the post under the right date header', async () => {
    await page.goto(`${server.url}/`);
    const article = page.locator('article.post', {
      has: page.locator('.post-title', { hasText: TITLE }),
    });
    await article.waitFor();
    assert.equal(
      await article.locator('.post-title a').getAttribute('href'),
      new URL(postUrl).pathname,
    );
    assert.match(await article.locator('.post-body strong').innerText(), /the editor/);
    const published = new Date(await article.locator('time[datetime]').first().getAttribute('datetime'));
    assert.ok(Math.abs(Date.now() - published) < 5 * 60_000, `published at ${published.toISOString()}, not now`);
    // The header of the day the post sits under: the nearest one before it.
    const header = await article.evaluate((a) => {
      const all = [...document.querySelectorAll('.date-header')];
      const before = all.filter(
        (h) => h.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      return before.length ? before[before.length - 1].textContent.trim() : null;
    });
    assert.equal(header, dateHeaderText(published, ZONE));
    // The address's YYYY/MM is in the blog's zone too.
    const [, yyyy, mm] = new URL(postUrl).pathname.match(/^\/(\d{4})\/(\d{2})\//);
    const zoned = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' })
      .formatToParts(published);
    assert.equal(`${yyyy}/${mm}`, `${zoned.find((p) => p.type === 'year').value}/${zoned.find((p) => p.type === 'month').value}`);
  });

  await step('signing out ends the session', async () => {
    await page.goto(`${server.url}/admin`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/admin\/login/);
    await page.goto(`${server.url}/admin`);
    assert.match(page.url(), /\/admin\/login/, 'the dashboard must ask to sign in again');
  });

  const reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  reader.setDefaultTimeout(10_000);
  const readerPage = await reader.newPage();
  const readerWatch = await watchPage(readerPage);

  await step('a reader comments on the moderated blog and is told it awaits moderation', async () => {
    await readerPage.goto(postUrl);
    assert.equal((await readerPage.locator('.comments h2').innerText()).trim(), 'No comments:');
    const form = readerPage.locator('#comment-form');
    await form.getByRole('heading', { name: 'Post a Comment' }).waitFor();
    await form.locator('[name=name]').fill('Rita Reader');
    await form.locator('[name=body]').fill(COMMENT);
    await Promise.all([
      readerPage.waitForURL((u) => u.pathname === new URL(postUrl).pathname && u.href !== postUrl),
      form.getByRole('button', { name: /publish|post/i }).click(),
    ]);
    await readerPage.getByText(/awaiting moderation/i).first().waitFor();
    assert.equal(await readerPage.locator('.comment').count(), 0, 'a held comment must not be shown');
  });

  await step('the admin signs in again and approves it', async () => {
    // The queue asks to sign in at /admin/login, then comes back to the queue.
    await page.goto(`${server.url}/admin/comments?status=pending`);
    await page.waitForURL(/\/admin\/login\?/);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/comments' && u.search === '?status=pending');
    const item = page.locator('.queued-comment', { hasText: COMMENT });
    await item.waitFor();
    await assert.doesNotReject(item.getByText('Rita Reader').waitFor());
    await item.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').getByText(/Done: 1 comment/).waitFor();
    assert.equal(await page.locator('.queued-comment', { hasText: COMMENT }).count(), 0);
  });

  await step('the reader sees the comment published on the post', async () => {
    await readerPage.goto(postUrl);
    assert.equal((await readerPage.locator('.comments h2').first().innerText()).trim(), '1 comment:');
    const comment = readerPage.locator('.comments .comment');
    assert.equal(await comment.count(), 1);
    assert.match(await comment.getAttribute('id'), /^c\d+$/);
    assert.equal((await comment.locator('.comment-author').innerText()).trim(), 'Rita Reader');
    assert.equal((await comment.locator('.comment-body').innerText()).trim(), COMMENT);
    const problems = [...(await watch.problems()), ...(await readerWatch.problems())];
    assert.deepEqual(problems, [], `the pages logged problems:\n${problems.join('\n')}`);
  });

  await reader.close();
  await admin.close();
});
