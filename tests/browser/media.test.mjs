// Pictures in the editor, in Debian's Chromium (issue 15): one dropped on
// the body, one pasted into it and one chosen with the file field, each
// asked for its alt text and put where the cursor was, then published and
// seen on the blog with a srcset; the media page lists them with the post
// that shows them, and its screenshot goes to docs/screenshots/media.png.
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

const TITLE = 'Kites over the hill';
const FIRST = 'Before the pictures.';
const LAST = 'After them.';

let server;
let browser;

before(async () => {
  ({ server, browser } = await startBoth(startServer()));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Sends `kind` ('drop' or 'paste') to the editor's body carrying a picture
 * drawn in the page: `width` × `height`, as `type`, named `name`, after
 * putting the cursor at `caret`.
 */
async function sendPicture(page, { kind, width, height, type, name, caret }) {
  await page.evaluate(
    async ({ kind, width, height, type, name, caret }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const g = canvas.getContext('2d');
      const sky = g.createLinearGradient(0, 0, 0, height);
      sky.addColorStop(0, '#4a90d9');
      sky.addColorStop(1, '#cfe8ff');
      g.fillStyle = sky;
      g.fillRect(0, 0, width, height);
      g.fillStyle = '#d0342c';
      g.beginPath();
      g.moveTo(width / 2, height / 5);
      g.lineTo(width / 2 + height / 6, height / 2);
      g.lineTo(width / 2, (4 * height) / 5);
      g.lineTo(width / 2 - height / 6, height / 2);
      g.fill();
      const blob = await new Promise((r) => canvas.toBlob(r, type, 0.9));
      const data = new DataTransfer();
      data.items.add(new File([blob], name, { type }));
      const body = document.getElementById('body');
      body.focus();
      body.setSelectionRange(caret, caret);
      if (kind === 'drop') {
        body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      } else {
        body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }
    },
    { kind, width, height, type, name, caret },
  );
}

/** Answers the alt dialog and waits until the picture is in the body. */
async function describe(page, alt) {
  const dialog = page.getByRole('dialog', { name: 'Describe the picture' });
  await dialog.waitFor();
  await dialog.getByLabel(/^Alt text/).fill(alt);
  await dialog.getByRole('button', { name: 'Upload and insert' }).click();
  await page.waitForFunction(
    (alt) => document.getElementById('body').value.includes(`![${alt}](/media/u/`),
    alt,
    { timeout: 30_000 },
  );
  await page.getByRole('status').getByText('Picture uploaded and inserted').waitFor();
}

test('pictures dropped, pasted and picked in the editor reach the blog with a srcset', { timeout: 120_000 }, async (t) => {
  const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  admin.setDefaultTimeout(15_000);
  const page = await admin.newPage();
  const watch = await watchPage(page);
  let postUrl;
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

  await step('the admin writes two paragraphs', async () => {
    await createAdmin(page, server.setupLink);
    await page.goto(`${server.url}/admin/posts/new`);
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByLabel(/^Body/).fill(`${FIRST}\n\n${LAST}`);
    // With the script the plain field's alt text and button step aside.
    assert.equal(await page.getByRole('button', { name: 'Upload and insert' }).count(), 0);
  });

  await step('a picture dropped on the body asks its alt text and lands at the cursor', async () => {
    await sendPicture(page, {
      kind: 'drop', width: 1400, height: 800, type: 'image/jpeg', name: 'kite.jpg', caret: FIRST.length,
    });
    await describe(page, 'A red kite, dropped');
    const body = await page.getByLabel(/^Body/).inputValue();
    assert.match(body, new RegExp(`^${FIRST}\\n\\n!\\[A red kite, dropped\\]\\(/media/u/[0-9a-f]+\\.jpg\\)\\n\\n${LAST}$`));
    // The live preview shows it.
    await page.locator('#preview img[alt="A red kite, dropped"]').waitFor();
  });

  await step('a pasted picture lands at the end', async () => {
    const end = (await page.getByLabel(/^Body/).inputValue()).length;
    await sendPicture(page, {
      kind: 'paste', width: 700, height: 400, type: 'image/png', name: 'image.png', caret: end,
    });
    await describe(page, 'A blue kite, pasted');
    const body = await page.getByLabel(/^Body/).inputValue();
    assert.match(body, /\n\n!\[A blue kite, pasted\]\(\/media\/u\/[0-9a-f]+\.png\)$/);
  });

  await step('a picture chosen with the file field lands at the cursor too', async () => {
    const png = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 360;
      const g = canvas.getContext('2d');
      g.fillStyle = '#2e8b57';
      g.fillRect(0, 0, 640, 360);
      return canvas.toDataURL('image/png').split(',')[1];
    });
    await page.getByLabel(/^Body/).evaluate((b) => b.setSelectionRange(0, 0));
    await page.getByLabel(/^Picture/).setInputFiles({
      name: 'green.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64'),
    });
    await describe(page, 'A green field, picked');
    const body = await page.getByLabel(/^Body/).inputValue();
    assert.match(body, new RegExp(`^!\\[A green field, picked\\]\\(/media/u/[0-9a-f]+\\.png\\)\\n\\n${FIRST}`));
  });

  await step('published, the post shows the pictures with a srcset', async () => {
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').getByText(/published/i).waitFor();
    postUrl = new URL(await page.getByRole('link', { name: 'View on blog' }).getAttribute('href'), server.url).href;
    const reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const readerPage = await reader.newPage();
    await readerPage.goto(postUrl);
    for (const alt of ['A red kite, dropped', 'A blue kite, pasted']) {
      const img = readerPage.locator(`article img[alt="${alt}"]`);
      await img.waitFor();
      const srcset = await img.getAttribute('srcset');
      assert.ok(srcset && srcset.split(',').length >= 2, `${alt}: srcset ${srcset}`);
      assert.ok(await img.getAttribute('sizes'), `${alt} has sizes`);
      assert.ok(await img.getAttribute('width'), `${alt} has its width`);
      await readerPage.waitForFunction(
        (alt) => {
          const i = document.querySelector(`article img[alt="${alt}"]`);
          return i && i.complete && i.naturalWidth > 0;
        },
        alt,
      );
    }
    const wide = await readerPage.locator('article img[alt="A red kite, dropped"]').getAttribute('srcset');
    assert.ok(wide.split(',').length >= 3, `a 1400 px picture has copies at 320, 640 and 1280: ${wide}`);
    await reader.close();
  });

  await step('the media page lists them with the post that shows them', async () => {
    await page.goto(`${server.url}/admin/media`);
    await page.getByRole('heading', { level: 1, name: 'Media' }).waitFor();
    const tiles = page.locator('.tile');
    assert.equal(await tiles.count(), 3);
    for (let i = 0; i < 3; i++) {
      await tiles.nth(i).getByRole('link', { name: TITLE }).waitFor();
    }
    await tiles.first().getByLabel(/^Alt text/).waitFor();
    await page.evaluate(() => {
      document.activeElement?.blur();
      window.scrollTo(0, 0);
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'media.png') });
    const problems = await watch.problems();
    assert.deepEqual(problems, [], `the admin logged problems:\n${problems.join('\n')}`);
  });

  await step('the media page has no serious accessibility violations and fits 320 px', async () => {
    const state = await admin.storageState();
    const checked = await browser.newContext({ storageState: state, bypassCSP: true });
    const p = await checked.newPage();
    await p.goto(`${server.url}/admin/media`);
    const found = await seriousViolations(p);
    await p.setViewportSize({ width: 320, height: 640 });
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    await checked.close();
    assert.equal(found.length, 0, '\n' + describeViolations('media page', found));
    assert.ok(width <= 320, `at 320 px the media page is ${width} px wide`);
  });

  await admin.close();
});
