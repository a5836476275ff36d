// Issue 6, the security suite: an XSS corpus of several hundred payloads
// (the script-injection section of the Big List of Naughty Strings plus our
// own) sent through every comment form field on a blog that publishes at once
// and on one that holds every comment, through post titles, labels and bodies
// (Markdown and HTML) by an author, and through Blogger and WordPress imports;
// then every page that shows them is opened in Debian's Chromium with hooks
// on dialogs, alert/confirm/prompt/print, CSP violations and the DOM itself.
// Zero dialogs, zero executions, zero payloads turned into markup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './lib.mjs';
import {
  bloggerAtom,
  chunks,
  cli,
  corpus,
  domFindings,
  freshData,
  hookPage,
  htmlBody,
  http,
  markdownBody,
  markupViolation,
  oneLine,
  pack,
  pool,
  removeData,
  serve,
  wxr,
} from './xss-corpus.mjs';

const PAYLOADS = corpus();
const PASSWORD = 'correct horse battery staple';
// Blog A answers on 127.0.0.1 (the default blog) and publishes comments at
// once; blog B answers on b.localhost and holds every comment for review.
const A = { host: '127.0.0.1', admin: 'admin-a@example.com' };
const B = { host: 'b.localhost', admin: 'admin-b@example.com' };
const WORKERS = 4;

let data;
let server;
let browser;
const posts = { A: [], B: [] }; // { id, url, labels, markdown }
const labelsA = new Set();
const reflected = []; // { status, headers, text } of refused comment forms
const replyTo = []; // URLs of ?replyTo= forms naming a payload author

before(async () => {
  data = freshData();
  try {
    // Everything the CLI can do goes in before the server starts.
    cli(data, ['blog', 'add', '--host', B.host, '--title', '<script>alert("blog title")</script> B']);
    cli(data, ['user', 'add', '--email', A.admin, '--name', 'Admin A', '--role', 'admin', '--password-stdin'], PASSWORD);
    cli(data, ['user', 'add', '--email', B.admin, '--name', 'Admin B', '--role', 'admin', '--blog', B.host, '--password-stdin'], PASSWORD);
    cli(data, ['user', 'add', '--email', 'author@example.com', '--name', '<img src=x onerror=alert("author")>', '--role', 'author', '--password-stdin'], PASSWORD);
    A.token = cli(data, ['token', 'create', '--email', A.admin]).trim().split('\n').pop();
    B.token = cli(data, ['token', 'create', '--email', B.admin]).trim().split('\n').pop();
    A.author = cli(data, ['token', 'create', '--email', 'author@example.com']).trim().split('\n').pop();
    writeFileSync(join(data, 'xss.wxr'), wxr(PAYLOADS));
    writeFileSync(join(data, 'xss-blogger.xml'), bloggerAtom(PAYLOADS));
    A.imported = cli(data, ['import', 'blogger', join(data, 'xss-blogger.xml')]).trim().split('\n').pop();
    B.imported = cli(data, ['import', 'wordpress', join(data, 'xss.wxr'), '--blog', B.host]).trim().split('\n').pop();
    server = await serve(data);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--host-resolver-rules=MAP ${B.host} 127.0.0.1`,
        // Pages carry hundreds of payload images, most pointing nowhere: not
        // loading them keeps each page fast. An on* attribute that slipped
        // through is still found in the DOM.
        '--blink-settings=imagesEnabled=false',
      ],
    });
  } catch (e) {
    await server?.stop();
    removeData(data);
    throw e;
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (data) removeData(data);
});

const base = (blog) => `http://${blog.host}:${server.port}`;

async function api(blog, method, path, body, token = blog.token) {
  const r = await http(server.port, {
    method,
    host: blog.host,
    path,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return r;
}

/** The comment form's token of a post page (reusable while it is fresh). */
async function formToken(blog, path) {
  const r = await http(server.port, { host: blog.host, path });
  assert.equal(r.status, 200, `${path}: ${r.status}`);
  const m = r.text.match(/name="token" value="([^"]+)"/);
  assert.ok(m, `${path} has no comment form token`);
  return m[1];
}

let address = 0;
/** Posts the comment form as a reader from an address of its own. */
async function comment(blog, path, token, fields) {
  address++;
  const form = new URLSearchParams({ token, parent: '', website: '', ...fields });
  return http(server.port, {
    method: 'POST',
    host: blog.host,
    path,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    clientIp: `10.${blog === A ? 1 : 2}.${address >> 8}.${address & 255}`,
  });
}

/** Every field gets the payload, shaped so that the form accepts it. */
function storedFields(p) {
  return {
    name: oneLine(p.text, 100),
    email: `${oneLine(p.text, 200)}@example.com`,
    url: `https://example.com/${oneLine(p.text, 400).replace(/\s/g, '')}`,
    body: p.text.trim() ? p.text : `empty ${p.id}`,
  };
}

test('the XSS corpus is stored through every way in', { timeout: 60_000 }, async (t) => {
  assert.ok(PAYLOADS.length >= 200, `the corpus has only ${PAYLOADS.length} payloads`);
  t.diagnostic(`${PAYLOADS.length} payloads; imports: blogger → A "${A.imported}", wordpress → B "${B.imported}"`);
  assert.match(A.imported, /imported: 6 posts, 0 pages, \d+ comments/);
  assert.match(B.imported, /imported: 6 posts, 0 pages, \d+ comments/);

  for (const [blog, moderation] of [[A, 'never'], [B, 'always']]) {
    const r = await api(blog, 'PATCH', '/api/v1/blog', {
      comment_moderation: moderation,
      comment_min_seconds: 0,
      posts_per_page: 100,
    });
    assert.equal(r.status, 200, `PATCH blog ${blog.host}: ${r.text}`);
  }

  // An author writes posts: a Markdown and an HTML post per ten payloads.
  const titles = pack(PAYLOADS.map((p) => p.text), 300);
  const groups = chunks(PAYLOADS, 10);
  // Every title group and every body group finds a post.
  const bodies = Array.from({ length: Math.max(titles.length, 2 * groups.length) }, (_, i) => ({
    markdown: i % 2 === 0,
    g: groups[Math.floor(i / 2) % groups.length],
  }));
  // One at a time: the slug comes from the title, and titles repeat.
  const created = await pool(bodies, 1, async ({ markdown, g }, i) => {
    const labels = g.map((p) => oneLine(p.text, 100).replace(/\//g, ' '));
    const body = {
      title: titles[i % titles.length],
      labels: [...new Set(labels)],
      status: 'published',
      ...(markdown ? { body: markdownBody(g) } : { body_html: htmlBody(g) }),
    };
    const r = await api(A, 'POST', '/api/v1/posts', body, A.author);
    assert.equal(r.status, 201, `POST /api/v1/posts (${g[0].id}…): ${r.text.slice(0, 300)}`);
    return { id: r.json.id, url: r.json.url, labels: r.json.labels, markdown };
  });
  posts.A.push(...created);
  // A plain post whose form shows refused fields back (light to render).
  {
    const r = await api(A, 'POST', '/api/v1/posts', { title: 'Refused forms', body: 'Plain.', status: 'published' }, A.author);
    assert.equal(r.status, 201, r.text);
    posts.A.push({ id: r.json.id, url: r.json.url, labels: [], reflect: true });
  }
  for (const p of created) for (const l of p.labels) labelsA.add(l);

  // The imported posts of both blogs.
  for (const [blog, key] of [[A, 'A'], [B, 'B']]) {
    const r = await api(blog, 'GET', '/api/v1/posts?limit=500');
    assert.equal(r.status, 200, r.text);
    for (const p of r.json.items) {
      if (!posts[key].some((q) => q.id === p.id)) posts[key].push({ id: p.id, url: p.url, labels: p.labels, imported: true });
    }
  }
  assert.equal(posts.B.length, 6, JSON.stringify(posts.B));

  // Readers comment: every payload in every field, on both blogs.
  for (const [blog, key] of [[A, 'A'], [B, 'B']]) {
    // Comments go to a few posts (each under the per-post limit), so a few
    // post pages show them all.
    const targets = key === 'A' ? posts.A.slice(0, Math.ceil(PAYLOADS.length / 100)) : posts.B;
    for (const p of targets) p.commented = true;
    const tokens = await Promise.all(targets.map((p) => formToken(blog, p.url)));
    const results = await pool(PAYLOADS, 8, async (p, i) => {
      const k = i % targets.length;
      const r = await comment(blog, targets[k].url, tokens[k], storedFields(p));
      return { p, r };
    });
    for (const { p, r } of results) {
      assert.equal(r.status, 303, `${blog.host}: comment ${p.id} ${JSON.stringify(p.text)} answered ${r.status}: ${r.text.slice(0, 300)}`);
      const held = /held=1/.test(r.headers.location || '');
      if (blog === B) assert.ok(held, `${p.id} must be held on the moderated blog`);
    }
  }

  // The same payloads raw in every field of blog A's form: most are refused
  // and shown again in the form with what to fix; each answer is rendered.
  const first = posts.A.find((p) => p.reflect);
  const token = await formToken(A, first.url);
  const raw = chunks(PAYLOADS, 4).map((g) => ({
    name: g[0].text,
    email: (g[1] || g[0]).text,
    url: (g[2] || g[0]).text,
    body: (g[3] || g[0]).text,
  }));
  const answers = await pool(raw, 8, (fields) => comment(A, first.url, token, fields));
  const refused = [];
  for (const r of answers) {
    assert.ok(r.status < 500, `a raw comment form answered ${r.status}`);
    if (r.status !== 303) refused.push(r);
  }
  // One document holds every refused form as the server wrote it: the first
  // answer, its headers and page, with all the answers' form sections in
  // place of its own (a value that broke out of its attribute would be
  // markup in that document just as in its own).
  if (refused.length) {
    const section = /<section class="comment-form-section"[\s\S]*?<\/section>/;
    const sections = refused.map((r) => (r.text.match(section) || [`<p>no form in a ${r.status} answer</p>`])[0]);
    reflected.push({ ...refused[0], text: refused[0].text.replace(section, () => sections.join('\n')) });
  }
  // A reply form names the comment it answers: its author is a payload.
  const published = await api(A, 'GET', '/api/v1/comments?status=published&limit=500');
  assert.equal(published.status, 200, published.text);
  for (const c of published.json.items.filter((c) => posts.A.some((p) => p.id === c.post_id)).slice(0, 4)) {
    const p = posts.A.find((q) => q.id === c.post_id);
    replyTo.push(`${p.url}?replyTo=${c.id}`);
  }
  t.diagnostic(
    `posts: ${posts.A.length} on A (${created.length} by the API), ${posts.B.length} on B; ` +
      `labels on A: ${labelsA.size}; raw forms refused and shown again: ${refused.length} of ${raw.length}`,
  );
});

test('no payload runs or becomes markup in any page, the admin queue or the feeds', { timeout: 120_000 }, async (t) => {
  assert.ok(posts.A.length > 0, 'the corpus was not stored');
  const summary = { downloads: [], pages: 0, dialogs: [], executions: [], dom: [], markupCsp: [], otherCsp: [], console: [] };
  const record = (url, r) => {
    summary.pages++;
    summary.dialogs.push(...r.dialogs.map((d) => `${url}: ${d}`));
    summary.executions.push(...r.executions.map((d) => `${url}: ${d}`));
    summary.dom.push(...r.dom);
    for (const v of r.csp) {
      const line = `${url}: ${v.effective || v.directive} blocked ${v.blocked || 'inline'} ${v.sample ? JSON.stringify(v.sample) : ''}`;
      (markupViolation(v) ? summary.markupCsp : summary.otherCsp).push(line);
    }
    summary.console.push(...r.console);
  };

  // The browser loads no images (see its flags); everything else not ours is
  // refused by the CSP under test.
  async function newContext() {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    return context;
  }

  async function workers(context, n = WORKERS, { reflecting = false } = {}) {
    return Promise.all(
      Array.from({ length: n }, async () => {
        const page = await context.newPage();
        const hooks = await hookPage(page);
        // Refused forms are answers to a POST: the stored answer, headers
        // and all, is served again at an address of its own.
        if (reflecting) await page.route('**/__xss-reflected/*', (route) => {
          const r = reflected[Number(route.request().url().split('/').pop())];
          const headers = {};
          for (const [k, v] of Object.entries(r.headers)) {
            if (!['content-length', 'transfer-encoding', 'connection'].includes(k)) headers[k] = String(v);
          }
          return route.fulfill({ status: r.status, headers, body: r.text });
        });
        return { page, hooks };
      }),
    );
  }

  async function visit({ page, hooks }, url, { preview = false } = {}) {
    hooks.take();
    let note = '';
    try {
      const previewed = preview
        ? page.waitForResponse((r) => r.url().endsWith('/admin/preview'), { timeout: 10_000 })
        : null;
      const resp = await page.goto(url, { waitUntil: 'load' });
      if (resp && resp.status() >= 500) note = `answered ${resp.status()}`;
      if (previewed) {
        await previewed;
        await page.waitForFunction(() => !document.querySelector('#preview .muted'), null, { timeout: 5_000 }).catch(() => {});
      }
    } catch (e) {
      // A feed type the browser offers as a download is not a document.
      if (/Download is starting/.test(e.message)) note = 'download';
      else throw new Error(`${url}: ${e.message}`);
    }
    // Let queued violation events and binding calls arrive.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 10))).catch(() => {});
    if (note === 'download') summary.downloads.push(url);
    const dom = note === 'download' ? [] : await domFindings(page);
    const seen = hooks.take();
    if (note && note !== 'download') dom.push(`${url}: ${note}`);
    record(url, { dom, ...seen });
    return note;
  }

  async function visitAll(ws, urls, opts) {
    let next = 0;
    await Promise.all(
      ws.map(async (w) => {
        while (next < urls.length) await visit(w, urls[next++], opts);
      }),
    );
  }

  async function signIn(page, blog) {
    await page.goto(`${base(blog)}/admin/login`);
    await page.getByLabel('Email').fill(blog.admin);
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/admin/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
  }

  const started = Date.now();
  const reader = await newContext();
  const readers = await workers(reader);

  // The public side of both blogs.
  // The list views show every title, body and label; single posts, label
  // pages and searches are sampled.
  const labelPaths = [...labelsA].filter((_, i) => i % 40 === 0).map((l) => `/search/label/${encodeURIComponent(l)}`);
  const postPages = posts.A.filter((p, i) => p.commented || p.imported || p.reflect || i % 20 === 0);
  const searches = PAYLOADS.filter((_, i) => i % 36 === 0).map((p) => `/search?q=${encodeURIComponent(oneLine(p.text, 200))}`);
  const feeds = (blog, key) => [
    '/feeds/posts/default',
    '/feeds/posts/default?alt=rss',
    '/feeds/posts/default?alt=json',
    '/feeds/posts/summary',
    '/feeds/posts/summary?alt=rss',
    '/feeds/comments/default?max-results=500',
    '/feeds/comments/default?alt=rss&max-results=500',
    '/feeds/comments/default?alt=json&max-results=500',
    ...posts[key].filter((p) => p.commented).slice(0, 2).map((p) => `/feeds/${p.id}/comments/default`),
    ...posts[key].slice(0, 2).flatMap((p) => (p.labels || []).slice(0, 1).map((l) => `/feeds/posts/default/-/${encodeURIComponent(l)}`)),
  ].map((p) => base(blog) + p);
  const publicA = [
    '/',
    '/2016/',
    ...postPages.map((p) => p.url),
    ...labelPaths,
    ...searches,
    ...replyTo,
  ].map((p) => base(A) + p);
  const reflectedUrls = reflected.map((_, i) => `${base(A)}/__xss-reflected/${i}`);
  const reflecting = await workers(reader, 1, { reflecting: true });
  await Promise.all([visitAll(readers, [...publicA, ...feeds(A, 'A')]), visitAll(reflecting, reflectedUrls)]);
  // Older pages of the home page, as its pager links them.
  for (let url = `${base(A)}/`, n = 0; url && n < 10; n++) {
    await readers[0].page.goto(url);
    const older = await readers[0].page.locator('.blog-pager-older-link').getAttribute('href').catch(() => null);
    url = older ? new URL(older, base(A)).href : null;
    if (url) await visit(readers[0], url);
  }
  const publicCount = summary.pages;

  // The admin of blog A: its queues (comments a filter held), the posts list
  // and the editor of payload posts with its live preview.
  const adminA = await newContext();
  const wa = await workers(adminA, 4);
  await signIn(wa[0].page, A);
  const adminUrlsA = [
    '/admin/comments?status=pending',
    '/admin/comments?status=published',
    '/admin/comments?status=spam',
    '/admin/posts',
    '/admin/posts?page=2',
    '/admin',
  ].map((p) => base(A) + p);
  await visitAll(wa, adminUrlsA);
  const editorUrls = posts.A.filter((p, i) => i % 30 === 0).map((p) => `${base(A)}/admin/posts/${p.id}`);
  await visitAll(wa, editorUrls, { preview: true });
  // Typing every payload into a new post's editor previews it live.
  {
    const w = wa[0];
    await w.page.goto(`${base(A)}/admin/posts/new`);
    for (const g of chunks(PAYLOADS, 60)) {
      w.hooks.take();
      const previewed = w.page.waitForResponse((r) => r.url().endsWith('/admin/preview'), { timeout: 10_000 });
      await w.page.locator('#body').fill(g.map((p) => p.text).join('\n\n'));
      await previewed;
      await w.page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
      record(`${base(A)}/admin/posts/new (typed ${g[0].id}…)`, { dom: await domFindings(w.page), ...w.hooks.take() });
    }
  }
  // The reply page of a payload comment.
  const someComments = await api(A, 'GET', '/api/v1/comments?limit=4');
  await visitAll(wa, someComments.json.items.map((c) => `${base(A)}/admin/comments/${c.id}/reply`));

  // Blog B holds everything: its queue shows 100 at a time; each batch is
  // checked, then approved, until the queue is empty. Then the post pages.
  const adminB = await newContext();
  const [wb] = await workers(adminB, 1);
  await signIn(wb.page, B);
  let pendingSeen = 0;
  for (let round = 0; round < 20; round++) {
    const url = `${base(B)}/admin/comments?status=pending`;
    await visit(wb, url);
    const rows = await wb.page.locator('.queued-comment').count();
    if (rows === 0) break;
    pendingSeen += rows;
    // Ticking a hundred boxes one click at a time is slow; the form is the same.
    await wb.page.locator('.queued-comment input[type=checkbox]').evaluateAll((boxes) => {
      for (const b of boxes) b.checked = true;
    });
    await Promise.all([
      wb.page.waitForURL(/done=/),
      wb.page.locator('.bulk button[value=approve]').click(),
    ]);
    record(`${url} (after approving)`, { dom: await domFindings(wb.page), ...wb.hooks.take() });
  }
  t.diagnostic(`blog B's queue held ${pendingSeen} pending comments, checked and approved 100 at a time`);
  assert.ok(pendingSeen >= PAYLOADS.length, `the moderated queue showed only ${pendingSeen} comments`);
  const readersB = await workers(reader, 3);
  await visitAll([wb], ['/admin/comments?status=published', '/admin/comments?status=spam', '/admin/posts'].map((p) => base(B) + p));
  await visitAll([wb], posts.B.slice(0, 2).map((p) => `${base(B)}/admin/posts/${p.id}`), { preview: true });
  await visitAll(readersB, [
    `${base(B)}/`,
    ...posts.B.map((p) => base(B) + p.url),
    ...posts.B.flatMap((p) => (p.labels || []).slice(0, 1).map((l) => `${base(B)}/search/label/${encodeURIComponent(l)}`)),
    `${base(B)}/search?q=${encodeURIComponent('<script>alert(1)</script>')}`,
    ...feeds(B, 'B'),
  ]);

  await reader.close();
  await adminA.close();
  await adminB.close();

  t.diagnostic(
    `pages checked: ${summary.pages} (${publicCount} public on A incl. one of all refused forms, ` +
      `${labelPaths.length} label pages, ${searches.length} searches) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (summary.downloads.length) {
    t.diagnostic(`offered as downloads, not documents: ${summary.downloads.join(', ')}`);
  }
  if (summary.console.length) {
    t.diagnostic(`CSP console messages and page errors: ${summary.console.length}\n  ${summary.console.slice(0, 10).join('\n  ')}`);
  }
  if (summary.otherCsp.length) {
    t.diagnostic(`CSP violations of images or styles (reported, not failures): ${summary.otherCsp.length}\n  ${summary.otherCsp.slice(0, 10).join('\n  ')}`);
  }
  if (process.env.XSS_REPORT) writeFileSync(process.env.XSS_REPORT, JSON.stringify(summary, null, 1));
  const show = (list) => `${list.length}\n  ${list.slice(0, 25).join('\n  ')}`;
  assert.deepEqual(summary.dialogs, [], `dialogs opened: ${show(summary.dialogs)}`);
  assert.deepEqual(summary.executions, [], `payloads executed: ${show(summary.executions)}`);
  assert.deepEqual(summary.dom, [], `payloads became markup: ${show(summary.dom)}`);
  assert.deepEqual(summary.markupCsp, [], `CSP blocked payload markup: ${show(summary.markupCsp)}`);
});
