// A customised blog in Debian's Chromium: the demo blog with a theme of its
// own (exported with `tidings theme export`, its header and footer
// changed, a `<script>` added), custom CSS and a few gadgets, all set
// through the API. The page is the theme's, the script in it does not run
// (the Content-Security-Policy forbids it), and the README's screenshot of
// a customised blog goes to docs/screenshots/customised.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, SCREENSHOTS, createAdmin, startBoth, startServer, watchPage } from './lib.mjs';
import { cli } from './xss-corpus.mjs';

let server;
let browser;

before(async () => {
  ({ server, browser } = await startBoth(startServer({ demo: true })));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const CSS = `
body { background: #f6f1e7; color: #2b2622; font-family: Georgia, 'Times New Roman', serif; }
.blog-header { background: #23395b; border-bottom: 6px solid #d98e04; }
.blog-header a, .blog-header .blog-description { color: #fdf6e3; }
.post-title a { color: #23395b; }
.date-header span { background: #d98e04; color: #fff; padding: 0.1em 0.6em; border-radius: 3px; }
.sidebar .widget { background: #fffaf0; border: 1px solid #e4d8c0; border-radius: 6px; padding: 0.4em 0.9em; }
.sidebar .widget h2 { color: #23395b; border-bottom: 2px solid #d98e04; }
.theme-tagline { font-style: italic; }
`;

const LAYOUT = [
  { type: 'profile', title: 'About me', settings: { name: 'Ada Author', about: 'I write about walks, bread and the weather.', picture: '', url: '' } },
  { type: 'text', title: 'Welcome', settings: { html: '<p>New here? Start with the <strong>latest post</strong> below.</p>' } },
  { type: 'labels', title: '', settings: { display: 'cloud', sort: 'name', min: 1 } },
  { type: 'link_list', title: 'Friends', settings: { links: [{ text: 'Tidings', url: 'https://example.org/' }, { text: 'A fellow blogger', url: 'https://blog.example.net/' }], sort: 'none' } },
  { type: 'archive', title: '', settings: { style: 'hierarchy' } },
  { type: 'subscribe', title: '', settings: {} },
];

async function api(token, method, path, body) {
  const r = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await r.json();
  assert.equal(r.status, 200, `${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

test('a customised blog: its theme, custom CSS and gadgets, and no script; screenshot', { timeout: 90_000 }, async () => {
  // The theme: the built-in one exported, its header given a tagline, a
  // script that would mark the page if it ran.
  cli(server.data, ['theme', 'export', 'harbour']);
  const base = join(server.data, 'themes', 'harbour', 'base.html');
  const html = readFileSync(base, 'utf8')
    .replace('{% if blog.description %}', '<p class="theme-tagline">Notes from the harbour</p>{% if blog.description %}')
    .replace('</body>', '<script>document.body.dataset.ran = "yes"</script></body>');
  writeFileSync(base, html);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await createAdmin(page, server.setupLink);
  const token = cli(server.data, ['token', 'create', '--email', ADMIN.email]).trim().split('\n').pop();
  const blog = await api(token, 'PATCH', '/blog', { theme: 'harbour', custom_css: CSS });
  assert.equal(blog.theme, 'harbour');
  await api(token, 'PUT', '/layout', { items: LAYOUT });

  const reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const home = await reader.newPage();
  const watch = await watchPage(home);
  const response = await home.goto(server.url + '/');
  assert.match(response.headers()['content-security-policy'], /script-src 'none'/);
  assert.equal(await home.locator('.theme-tagline').textContent(), 'Notes from the harbour');
  assert.equal(await home.locator('body').getAttribute('data-ran'), null, "the theme's script did not run");
  assert.ok((await watch.problems()).some((p) => /script-src/.test(p)), 'the browser refused the script');
  const titles = await home.locator('aside.sidebar .widget h2').allTextContents();
  assert.deepEqual(titles.slice(0, 2), ['About me', 'Welcome']);

  mkdirSync(SCREENSHOTS, { recursive: true });
  await home.screenshot({ path: join(SCREENSHOTS, 'customised.png') });
  await reader.close();
  await context.close();
});
