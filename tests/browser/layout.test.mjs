// The Layout page in Debian's Chromium: the owner adds a link list, moves
// gadgets with the Up and Down buttons (the script moves them without a
// reload), and the blog shows its sidebar in the new order. Without script
// the same buttons send their forms and the page comes back reordered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  createAdmin,
  describeViolations,
  seriousViolations,
  startBoth,
  startServer,
  watchPage,
} from './lib.mjs';

let server;
let browser;

before(async () => {
  ({ server, browser } = await startBoth(startServer()));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The class after `widget` of each gadget of the blog's sidebar, in order. */
async function sidebarOrder(page) {
  await page.goto(server.url + '/');
  return page.$$eval('aside.sidebar section.widget', (els) =>
    els.map((el) => [...el.classList].find((c) => c !== 'widget' && c.endsWith('-widget') || c === 'follow-by-email')),
  );
}

/** The gadgets' titles on the Layout page, in order. */
async function layoutOrder(page) {
  return page.$$eval('#gadgets .gadget-title', (els) => els.map((el) => el.textContent.trim()));
}

test('the owner reorders gadgets and the blog follows', { timeout: 90_000 }, async () => {
  const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  admin.setDefaultTimeout(15_000);
  const page = await admin.newPage();
  const watch = await watchPage(page);
  await createAdmin(page, server.setupLink);

  // A link list, added with the plain two-step form.
  await page.goto(server.url + '/admin/layout');
  await page.getByLabel('Type', { exact: true }).selectOption('link_list');
  await Promise.all([page.waitForURL(/add=link_list/), page.getByRole('button', { name: 'Next' }).click()]);
  const add = page.locator('form', { has: page.locator('input[name=op][value=add]') });
  await add.getByLabel('Title').fill('Friends');
  await add.getByLabel(/^Links/).fill('Tidings | https://example.org/\n');
  await Promise.all([page.waitForURL(/saved=1/), add.getByRole('button', { name: 'Add' }).click()]);
  assert.deepEqual((await layoutOrder(page)).at(-1), 'Friends');
  assert.equal((await sidebarOrder(page)).at(-1), 'link-list-widget');

  // Moved to the top with the script: no reload between the moves.
  await page.goto(server.url + '/admin/layout');
  await page.evaluate(() => { window.__sameDocument = true; });
  const count = (await layoutOrder(page)).length;
  for (let i = 0; i < count - 1; i++) {
    await page.getByRole('button', { name: 'Move Friends up' }).click();
    await page.getByRole('status').filter({ hasText: 'Moved Friends up.' }).waitFor({ state: 'attached' });
    await page.evaluate(() => { document.getElementById('layout-status').textContent = ''; });
  }
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'moved without a reload');
  assert.equal((await layoutOrder(page))[0], 'Friends');
  const moved = await sidebarOrder(page);
  assert.equal(moved[0], 'link-list-widget');
  assert.ok((await page.content()).includes('href="https://example.org/">Tidings</a>'));

  // And down one without script: a plain form, the page sent back reordered.
  const plain = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  await plain.addCookies(await admin.cookies());
  const noScript = await plain.newPage();
  await noScript.goto(server.url + '/admin/layout');
  await Promise.all([
    noScript.waitForURL(/saved=1/),
    noScript.getByRole('button', { name: 'Move Friends down' }).click(),
  ]);
  assert.equal((await layoutOrder(noScript))[1], 'Friends');
  await plain.close();
  assert.equal((await sidebarOrder(page))[1], 'link-list-widget');

  const problems = await watch.problems();
  assert.deepEqual(problems, [], `the pages logged problems:\n${problems.join('\n')}`);

  const checked = await browser.newContext({ storageState: await admin.storageState(), bypassCSP: true });
  const p = await checked.newPage();
  await p.goto(server.url + '/admin/layout');
  const found = await seriousViolations(p);
  await checked.close();
  assert.equal(found.length, 0, '\n' + describeViolations('layout page', found));
  await admin.close();
});
