// WordPress's Theme Unit Test imported (`tidings import wordpress`) and shown
// in Debian's Chromium: the gallery, the captioned picture and the block
// editor's columns laid out as WordPress laid them out. Each post is saved as
// docs/screenshots/wordpress-*.png, which docs/moving.md shows.
//
// Nothing reaches the network: the file's pictures live on
// wpthemetestdata.files.wordpress.com, so every request for another host is
// answered here with a placeholder of the picture's size (read from its
// `-WxH` name, else 1200×800) naming the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BINARY, ROOT, SCREENSHOTS, startBoth, startServer, watchPage } from './lib.mjs';

const FIXTURE = join(ROOT, '..', 'shared', 'testdata', 'wordpress-theme-unit-test.xml');

/**
 * Each post: its address, its title, what must show, its screenshot, and
 * where the screenshot ends (the gallery post goes on with every column
 * count from 1 to 9: its picture stops after the first, the default three).
 */
const POSTS = [
  ['/2010/09/post-format-gallery.html', 'Post Format: Gallery', '.gallery .gallery-item', 'wordpress-gallery.png', '.gallery'],
  ['/2010/08/post-format-image-caption.html', 'Post Format: Image (Caption)', 'figure.wp-caption figcaption', 'wordpress-caption.png'],
  ['/2018/11/column-blocks.html', 'Block: Columns', '.wp-block-columns .wp-block-column', 'wordpress-columns.png'],
];

/** A picture standing in for `url`: its size, a colour of its own, its name. */
function placeholder(url) {
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'picture');
  const size = name.match(/-(\d{2,4})x(\d{2,4})\.\w+$/);
  const [w, h] = size ? [Number(size[1]), Number(size[2])] : [1200, 800];
  let hue = 0;
  for (const c of name) hue = (hue * 31 + c.charCodeAt(0)) % 360;
  const label = name.replace(/[<&>"]/g, '');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="100%" height="100%" fill="hsl(${hue} 45% 72%)"/>` +
    `<text x="50%" y="50%" font-family="sans-serif" font-size="${Math.max(12, Math.round(w / 24))}" ` +
    `text-anchor="middle" fill="#333">${label}</text></svg>`
  );
}

/** How many distinct rows and columns the boxes of `locator`'s elements make. */
async function grid(locator) {
  const boxes = await Promise.all((await locator.all()).map((l) => l.boundingBox()));
  const distinct = (values) => new Set(values.map((v) => Math.round(v))).size;
  return { rows: distinct(boxes.map((b) => b.y)), columns: distinct(boxes.map((b) => b.x)) };
}

/** The post's article as a picture, from its top to the end of `until` (else whole). */
async function shoot(page, path, until) {
  const article = await page.locator('article.post').boundingBox();
  const last = until ? await page.locator(until).first().boundingBox() : article;
  const height = Math.ceil(last.y + last.height - article.y);
  await page.screenshot({ path, fullPage: true, clip: { ...article, height } });
}

let server;
let browser;

before(async () => {
  ({ server, browser } = await startBoth(startServer()));
  execFileSync(BINARY, ['--data', server.data, 'import', 'wordpress', FIXTURE], { stdio: 'pipe' });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the Theme Unit Test looks as WordPress showed it; screenshots', { timeout: 60_000 }, async (t) => {
  const reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  reader.setDefaultTimeout(10_000);
  await reader.route(
    (url) => !url.href.startsWith(server.url),
    (route) =>
      route.request().resourceType() === 'image'
        ? route.fulfill({ contentType: 'image/svg+xml', body: placeholder(route.request().url()) })
        : route.abort(),
  );
  const page = await reader.newPage();
  const watch = await watchPage(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [path, title, shown, shot, until] of POSTS) {
    await t.test(title, async () => {
      const answer = await page.goto(`${server.url}${path}`);
      assert.equal(answer.status(), 200, path);
      assert.equal(await page.locator('h1.post-title').innerText(), title);
      assert.ok((await page.locator(shown).count()) >= 1, `${shown} on ${path}`);
      await page.waitForFunction(() => [...document.images].every((i) => i.complete));
      const text = await page.locator('article.post').innerText();
      assert.ok(!/\[(gallery|caption)\b/.test(text), `no shortcode shows as text: ${text}`);
      await shoot(page, join(SCREENSHOTS, shot), until);
    });
  }

  await t.test('the gallery is a grid, the caption under its picture, the columns side by side', async () => {
    await page.goto(`${server.url}/2010/09/post-format-gallery.html`);
    const items = await grid(page.locator('.gallery').first().locator('.gallery-item'));
    assert.ok(items.columns >= 3 && items.rows >= 2, `a grid: ${JSON.stringify(items)}`);
    // Thumbnails keep their size, even one to a row.
    const single = await page.locator('.gallery-columns-1 img').first().boundingBox();
    assert.ok(single.width <= 150, `a thumbnail, not stretched: ${single.width}px`);

    await page.goto(`${server.url}/2010/08/post-format-image-caption.html`);
    const figure = page.locator('figure.wp-caption').first();
    const [img, caption] = [await figure.locator('img').boundingBox(), await figure.locator('figcaption').boundingBox()];
    assert.ok(caption.y >= img.y + img.height - 1, 'the caption is under the picture');

    await page.goto(`${server.url}/2018/11/column-blocks.html`);
    const columns = await page.locator('.wp-block-columns').first().locator(':scope > .wp-block-column').all();
    const [a, b] = [await columns[0].boundingBox(), await columns[1].boundingBox()];
    assert.ok(b.x >= a.x + a.width - 1 && Math.abs(a.y - b.y) < 2, 'two columns side by side');
  });

  const problems = (await watch.problems()).filter((p) => !/ERR_FAILED|net::/.test(p));
  assert.deepEqual(problems, [], problems.join('\n'));
});
