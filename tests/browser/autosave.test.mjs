// Revisions and autosave in Debian's Chromium (issue 19): the editor keeps
// what is typed in the browser a few seconds after each change; after the
// tab is closed unsaved, opening the editor again offers the copy back, and
// restoring then updating puts it on the blog. The update kept the words
// before it as a revision the editor lists.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createAdmin, startBoth, startServer, watchPage } from './lib.mjs';

let server;
let browser;

before(async () => {
  ({ server, browser } = await startBoth(startServer()));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an autosaved copy comes back after the tab was closed', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  let page = await context.newPage();
  const watch = await watchPage(page);
  await createAdmin(page, server.setupLink);

  await page.goto(`${server.url}/admin/posts/new`);
  await page.getByLabel('Title', { exact: true }).fill('Harbour notes');
  await page.getByLabel(/^Body/).fill('The boats came in at dawn.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('status').getByText(/published/i).waitFor();
  const editor = page.url().split('?')[0];
  const postUrl = new URL(
    await page.getByRole('link', { name: 'View on blog' }).getAttribute('href'),
    server.url,
  ).href;
  assert.deepEqual(await watch.problems(), []);

  // Typed, kept by the browser, and the tab closed without saving.
  await page.getByLabel(/^Body/).fill('The boats came in at dawn.\n\nThe gulls followed them.');
  await page.waitForFunction(() =>
    Object.keys(localStorage).some((k) => k.startsWith('tidings-autosave:')
      && localStorage.getItem(k).includes('gulls')));
  await page.close();

  page = await context.newPage();
  await page.goto(editor);
  const offer = page.getByRole('status').filter({ hasText: 'kept a copy of your changes' });
  await offer.waitFor();
  assert.equal(await page.getByLabel(/^Body/).inputValue(), 'The boats came in at dawn.',
    'the page itself holds what the blog has');
  await offer.getByRole('button', { name: 'Restore it' }).click();
  assert.match(await page.getByLabel(/^Body/).inputValue(), /gulls followed them/);
  await page.getByRole('button', { name: 'Update' }).click();
  await page.getByRole('status').getByText('Updated.').waitFor();

  // Saved: the copy is gone, the blog has the words, the old ones are a revision.
  assert.equal(await page.getByText('kept a copy of your changes').count(), 0);
  assert.deepEqual(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tidings-autosave:'))),
    [],
  );
  const revisions = page.getByRole('region', { name: 'Revisions' });
  await revisions.getByRole('link').first().click();
  await page.getByRole('heading', { name: /^Revision of/ }).waitFor();
  assert.match(await page.locator('pre.diff').innerText(), /− The gulls followed them\./);
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(postUrl);
  await readerPage.getByText('The gulls followed them.').waitFor();
  await reader.close();
  await context.close();
});
