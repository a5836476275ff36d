// The helpers of xss.test.mjs (issue 6, the security suite), around the
// corpus in xss-payloads.mjs: import files that carry the payloads; a
// server started on a data directory prepared with the CLI; raw HTTP with a
// chosen Host and client address; and the hooks and DOM checks a page gets.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { ROOT } from './lib.mjs';

const require = createRequire(import.meta.url);
const BINARY = process.env.TIDINGS_BIN || join(ROOT, 'target', 'debug', 'tidings');

export { blnsScriptInjection, corpus, OWN_PAYLOADS } from './xss-payloads.mjs';

/** A one-line field's value: control characters out, at most `max` characters. */
export function oneLine(text, max) {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim()].slice(0, max).join('') || 'x';
}

/** Chunks an array into groups of `n`. */
export function chunks(items, n) {
  const out = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

/** Packs texts into strings of at most `max` characters, joined by ' | '. */
export function pack(texts, max) {
  const out = [];
  let cur = '';
  for (const t of texts.map((t) => oneLine(t, max))) {
    const next = cur ? `${cur} | ${t}` : t;
    if ([...next].length > max) {
      if (cur) out.push(cur);
      cur = t;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out;
}

/** A Markdown body placing each payload in several contexts. */
export function markdownBody(payloads) {
  return payloads
    .map(
      (p, i) =>
        `Payload ${i}:\n\n${p.text}\n\n` +
        `- in a list: ${oneLine(p.text, 500)}\n\n` +
        `> quoted: ${oneLine(p.text, 500)}\n\n` +
        `[link ${i}](${oneLine(p.text, 500).replace(/[\s()]/g, '')}) and ![image ${i}](${oneLine(p.text, 500).replace(/[\s()]/g, '')})\n\n` +
        `*emphasis ${oneLine(p.text, 500)}*`,
    )
    .join('\n\n');
}

/** An HTML body carrying each payload raw, in a paragraph and in attributes. */
export function htmlBody(payloads) {
  return payloads
    .map((p) => {
      const attr = p.text.replace(/"/g, '&quot;');
      return `<p>${p.text}</p>\n${p.text}\n<a href="${attr}" title="${attr}">a</a><img src="${attr}" alt="${attr}">`;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------
// Import files

// XML 1.0 cannot carry most control characters at all.
// eslint-disable-next-line no-control-regex
const xmlSafe = (s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ' ');
export const xmlText = (s) =>
  xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const cdata = (s) => `<![CDATA[${xmlSafe(s).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/**
 * A WordPress WXR 1.2 export: the channel title, post titles, bodies,
 * categories, tags, the author's display name, comment authors, their URLs
 * and comment bodies all carry payloads. Comments alternate between approved
 * and held, so both the post pages and the queue show them.
 */
export function wxr(payloads, { posts = 6 } = {}) {
  const groups = chunks(payloads, Math.ceil(payloads.length / posts));
  const items = groups.map((g, n) => {
    const comments = g
      .map(
        (p, k) => `
    <wp:comment>
      <wp:comment_id>${n * 1000 + k + 1}</wp:comment_id>
      <wp:comment_author>${cdata(p.text)}</wp:comment_author>
      <wp:comment_author_email>${xmlText(oneLine(p.text, 80))}@example.com</wp:comment_author_email>
      <wp:comment_author_url>${xmlText('http://example.com/' + oneLine(p.text, 200).replace(/\s/g, ''))}</wp:comment_author_url>
      <wp:comment_date_gmt>2015-03-0${(k % 9) + 1} 10:00:00</wp:comment_date_gmt>
      <wp:comment_content>${cdata(p.text)}</wp:comment_content>
      <wp:comment_approved>${k % 2 ? '0' : '1'}</wp:comment_approved>
      <wp:comment_type>comment</wp:comment_type>
      <wp:comment_parent>0</wp:comment_parent>
    </wp:comment>`,
      )
      .join('');
    const cats = g
      .slice(0, 10)
      .map(
        (p, k) =>
          `<category domain="${k % 2 ? 'post_tag' : 'category'}" nicename="t${n}-${k}">${cdata(oneLine(p.text, 100))}</category>`,
      )
      .join('\n      ');
    return `
    <item>
      <title>${cdata(oneLine(g[0].text, 280))}</title>
      <link>https://wp.example.com/2015/03/imported-${n}/</link>
      <guid isPermaLink="false">https://wp.example.com/?p=${100 + n}</guid>
      <dc:creator>${cdata('xss-author')}</dc:creator>
      <content:encoded>${cdata(htmlBody(g))}</content:encoded>
      <excerpt:encoded>${cdata(g[0].text)}</excerpt:encoded>
      <wp:post_id>${100 + n}</wp:post_id>
      <wp:post_date_gmt>2015-03-0${(n % 9) + 1} 09:00:00</wp:post_date_gmt>
      <wp:post_name>imported-${n}</wp:post_name>
      <wp:status>publish</wp:status>
      <wp:post_type>post</wp:post_type>
      ${cats}${comments}
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>${cdata('Moderated <img src=x onerror=alert(1)> blog')}</title>
  <link>https://wp.example.com</link>
  <description>${cdata('<script>alert(1)</script> description')}</description>
  <language>en</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:author>
    <wp:author_id>1</wp:author_id>
    <wp:author_login>${cdata('xss-author')}</wp:author_login>
    <wp:author_email>xss@example.com</wp:author_email>
    <wp:author_display_name>${cdata('<svg onload=alert(1)> "Display" \'name\'')}</wp:author_display_name>
  </wp:author>${items.join('')}
</channel>
</rss>
`;
}

/** A Blogger "Back up content" Atom file with payloads in the same places. */
export function bloggerAtom(payloads, { posts = 6 } = {}) {
  const blog = 'tag:blogger.com,1999:blog-4242424242424242424';
  const groups = chunks(payloads, Math.ceil(payloads.length / posts));
  const entries = [];
  groups.forEach((g, n) => {
    const pid = `70000000000000000${String(n).padStart(2, '0')}`;
    const postTag = `${blog}.post-${pid}`;
    const href = `https://xss-blogger.blogspot.com/2016/04/blogger-import-${n}.html`;
    const labels = g
      .slice(0, 10)
      .map((p) => `<category scheme='http://www.blogger.com/atom/ns#' term='${xmlText(oneLine(p.text, 100))}'/>`)
      .join('');
    entries.push(`<entry>
<id>${postTag}</id>
<published>2016-04-0${(n % 9) + 1}T08:00:00.000+02:00</published>
<updated>2016-04-0${(n % 9) + 1}T08:00:00.000+02:00</updated>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>${labels}
<title type='text'>${xmlText(oneLine(g[g.length - 1].text, 280))}</title>
<content type='html'>${xmlText(htmlBody(g))}</content>
<link rel='alternate' type='text/html' href='${href}' title='x'/>
<author><name>${xmlText('<img src=x onerror=alert(1)> Blogger author')}</name><email>noreply@blogger.com</email></author>
</entry>`);
    g.forEach((p, k) => {
      const cid = `8${String(n).padStart(2, '0')}${String(k).padStart(16, '0')}`;
      entries.push(`<entry>
<id>${blog}.post-${cid}</id>
<published>2016-04-1${k % 10}T08:00:00.000+02:00</published>
<updated>2016-04-1${k % 10}T08:00:00.000+02:00</updated>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
<title type='text'>${xmlText(oneLine(p.text, 100))}</title>
<content type='html'>${xmlText(p.text)}</content>
<link rel='alternate' type='text/html' href='${href}?showComment=1460000000000#c${cid}' title=''/>
<author><name>${xmlText(oneLine(p.text, 100))}</name><uri>${xmlText('https://example.com/' + oneLine(p.text, 200).replace(/\s/g, ''))}</uri><email>noreply@blogger.com</email></author>
<thr:in-reply-to href='${href}' ref='${postTag}' source='https://www.blogger.com/feeds/4242424242424242424/posts/default/${pid}' type='text/html'/>
</entry>`);
    });
  });
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' xmlns:gd='http://schemas.google.com/g/2005' xmlns:thr='http://purl.org/syndication/thread/1.0'>
<id>${blog}.archive</id>
<updated>2016-05-01T10:00:00.000+01:00</updated>
<title type='text'>${xmlText('XSS <script>alert(1)</script> Blogger')}</title>
<generator version='7.00' uri='https://www.blogger.com'>Blogger</generator>
${entries.join('\n')}
</feed>
`;
}

// ---------------------------------------------------------------------------
// The server, prepared with the CLI

/** Runs `tidings --data DIR ARGS…`; throws with its stderr when it fails. */
export function cli(data, args, stdin) {
  const r = spawnSync(BINARY, ['--data', data, ...args], { input: stdin ?? '', encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`tidings ${args.join(' ')} exited ${r.status}:\n${r.stderr}${r.stdout}`);
  }
  return r.stdout;
}

/** A fresh data directory for `prepare(data)` to fill before the server starts. */
export function freshData() {
  if (!existsSync(BINARY)) {
    throw new Error(`${BINARY} is missing: run \`cargo build -p tidings\` first`);
  }
  return mkdtempSync(join(tmpdir(), 'tidings-xss-'));
}

/**
 * `tidings serve` on 127.0.0.1:0 over `data`, believing X-Forwarded-For from
 * 127.0.0.1 (so the corpus can come from many addresses without meeting the
 * per-address comment limit). Returns { url, port, stop(), output() }.
 */
export async function serve(data) {
  const child = spawn(
    BINARY,
    ['--data', data, 'serve', '--listen', '127.0.0.1:0', '--trusted-proxies', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' } },
  );
  const lines = [];
  child.stderr.on('data', (d) => lines.push(String(d)));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tidings did not start within 20 s:\n${lines.join('')}`)), 20_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line + '\n');
      const m = line.match(/listening on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tidings exited with ${code} before listening:\n${lines.join('')}`));
    });
  }).catch((e) => {
    child.kill('SIGKILL');
    throw e;
  });
  return {
    url,
    port: Number(new URL(url).port),
    output: () => lines.join(''),
    async stop() {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await gone;
        clearTimeout(t);
      }
    },
  };
}

export function removeData(data) {
  rmSync(data, { recursive: true, force: true });
}

/**
 * One HTTP request to 127.0.0.1:port with a chosen Host (the blog) and,
 * optionally, the client address the server should believe.
 * Resolves { status, headers, text, json }.
 */
export function http(port, { method = 'GET', host, path, headers = {}, body, clientIp }) {
  return new Promise((resolve, reject) => {
    const h = { ...headers, Host: `${host}:${port}` };
    if (clientIp) h['X-Forwarded-For'] = clientIp;
    let payload;
    if (body !== undefined) {
      payload = Buffer.from(body);
      h['Content-Length'] = payload.length;
    }
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: h }, (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let json;
        try {
          // Blogger's ids pass 2^53: keep them exact, as strings.
          json = JSON.parse(text.replace(/("(?:id|post_id|parent)":\s*)(-?\d{16,})/g, '$1"$2"'));
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Runs `fn` over `items` with at most `n` at a time, in order of results. */
export async function pool(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------
// In the browser

/**
 * Hooks a page before any of its own script: dialogs, alert/confirm/prompt
 * and print wrapped, CSP violations and CSP console messages recorded. The
 * wrappers report through a binding, which works in every frame and under
 * `script-src 'none'`. `take()` answers what was seen since the last call.
 */
export async function hookPage(page) {
  const seen = { dialogs: [], executions: [], csp: [], console: [] };
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()} (${page.url()})`);
    d.dismiss().catch(() => {});
  });
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load|run)/i.test(text)) {
      seen.console.push(`${text} (${msg.location()?.url || page.url()})`);
    }
  });
  page.on('pageerror', (err) => seen.console.push(`page error: ${err.message} (${page.url()})`));
  await page.exposeBinding('__xssReport', (source, kind, detail) => {
    const where = source.frame?.url?.() || page.url();
    if (kind === 'csp') seen.csp.push({ ...detail, page: where });
    else seen.executions.push(`${kind}(${String(detail).slice(0, 120)}) in ${where}`);
  });
  await page.addInitScript(() => {
    const report = (kind, detail) => {
      try {
        window.__xssReport(kind, detail);
      } catch {
        /* the binding is not there yet: nothing to do */
      }
    };
    window.__xss = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      try {
        Object.defineProperty(window, name, {
          configurable: false,
          writable: false,
          value(arg) {
            window.__xss.push(`${name}(${arg})`);
            report(name, arg);
            return name === 'confirm' ? false : null;
          },
        });
      } catch {
        /* already defined by an earlier run of this script */
      }
    }
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        report('csp', {
          directive: e.violatedDirective,
          effective: e.effectiveDirective,
          blocked: e.blockedURI,
          sample: e.sample,
          source: e.sourceFile,
          line: e.lineNumber,
        }),
      true,
    );
  });
  return {
    take() {
      const out = {
        dialogs: seen.dialogs.splice(0),
        executions: seen.executions.splice(0),
        csp: seen.csp.splice(0),
        console: seen.console.splice(0),
      };
      return out;
    },
  };
}

/**
 * CSP violations that show a payload became markup that wanted to run or
 * embed: inline script or handler, a script/frame/object source, a base URL
 * or a form target. Image and style violations are only reported.
 */
export function markupViolation(v) {
  return /^(script-src|object-src|frame-src|child-src|base-uri|form-action|default-src)/.test(v.effective || v.directive || '');
}

/**
 * Checks the DOM of the page (and its frames) for payloads turned markup.
 * Answers a list of findings, each naming the element.
 */
export async function domFindings(page) {
  const findings = [];
  for (const frame of page.frames()) {
    const found = await frame
      .evaluate(() => {
        const out = [];
        const containers = [
          '.post-body',
          '.post-title',
          '.post-labels',
          '.post-author',
          '.comment-body',
          '.comment-author',
          '.comment-text',
          '.search-snippet',
          '#preview',
        ];
        const containerList = containers.join(',');
        const describe = (el) => {
          const html = (el.outerHTML || '').slice(0, 160);
          const within = containers.find((c) => el.closest?.(c));
          return `${within ? `in ${within}: ` : ''}${html}`;
        };
        // What the browser itself would make of the URL: a scheme broken by a
        // space or a control character is a relative path, harmless.
        const dangerous = (value) => {
          let url;
          try {
            url = new URL(value, document.baseURI);
          } catch {
            return false;
          }
          const scheme = url.protocol.toLowerCase();
          if (['javascript:', 'vbscript:', 'livescript:'].includes(scheme)) return true;
          if (scheme !== 'data:') return false;
          const type = decodeURIComponent(url.pathname).trim().toLowerCase();
          return /^(text\/(html|xml|javascript)|application\/|image\/svg)/.test(type);
        };
        const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'lowsrc', 'dynsrc', 'codebase', 'cite', 'longdesc', 'to', 'from', 'values'];
        const all = document.querySelectorAll('*');
        for (const el of all) {
          for (const a of el.attributes) {
            const name = a.name.toLowerCase();
            if (name.startsWith('on')) out.push(`event handler ${name}: ${describe(el)}`);
            if (name === 'srcdoc') out.push(`srcdoc: ${describe(el)}`);
            if (urlAttrs.includes(name) && dangerous(a.value)) out.push(`${name}=${a.value.slice(0, 60)}: ${describe(el)}`);
            if (name === 'srcset' && /javascript:|data:text/i.test(a.value)) out.push(`srcset: ${describe(el)}`);
          }
          const tag = el.localName.toLowerCase();
          if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'fencedframe'].includes(tag)) {
            out.push(`<${tag}>: ${describe(el)}`);
          }
          if (tag === 'script') {
            const src = el.getAttribute('src');
            let ok = false;
            if (src) {
              try {
                ok = new URL(src, location.href).origin === location.origin && !el.closest(containerList);
              } catch {
                ok = false;
              }
            }
            // Our JSON-LD in <head>: a data block the browser never runs
            // (and the CSP allows no script); its text must stay one JSON
            // value, which a payload breaking out of it would not.
            if (!src && el.getAttribute('type') === 'application/ld+json' && el.parentElement === document.head) {
              try {
                JSON.parse(el.textContent);
                ok = true;
              } catch {
                ok = false;
              }
            }
            if (!ok) out.push(`<script>: ${describe(el)}`);
          }
          if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') || '')) out.push(`meta refresh: ${describe(el)}`);
          // Markdown task lists are checkboxes outside any form: allowed.
          const checkbox = tag === 'input' && el.getAttribute('type') === 'checkbox' && !el.hasAttribute('name');
          if (!checkbox && ['style', 'link', 'meta', 'form', 'input', 'button', 'textarea', 'select', 'template', 'set', 'animate'].includes(tag) && el.closest?.(containerList)) {
            out.push(`<${tag}> in user content: ${describe(el)}`);
          }
        }
        return out;
      })
      .catch((e) => [`could not inspect ${frame.url()}: ${e.message}`]);
    findings.push(...found.map((f) => `${frame.url()}: ${f}`));
  }
  return findings;
}
