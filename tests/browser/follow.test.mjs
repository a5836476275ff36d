// Follow by Email in Debian's Chromium (issue 17): a reader subscribes from
// the home page's form, the confirmation mail arrives at a real SMTP server
// (tests/smtp_sink.py), and the link in it, opened in the browser, confirms
// with its one button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT, startBoth, startServer, watchPage } from './lib.mjs';

let server;
let browser;
let sink;

/** A free port on 127.0.0.1, for the SMTP sink. */
async function freePort() {
  const s = createServer();
  await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address();
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** Starts the SMTP sink; resolves once it says "ready". */
async function startSink() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tidings-sink-'));
  const child = spawn('python3', [join(ROOT, 'tests', 'smtp_sink.py'), String(port), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (l) =>
      l.trim() === 'ready' ? resolve() : reject(new Error(l)),
    );
    child.once('exit', (code) => reject(new Error(`smtp_sink.py exited with ${code}`)));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages: () =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'))),
    stop() {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

before(async () => {
  sink = await startSink();
  const extraArgs = ['--smtp-url', sink.url, '--mail-from', 'Blog <blog@example.org>'];
  ({ server, browser } = await startBoth(startServer({ extraArgs })));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  sink?.stop();
});

test('a reader follows the blog by email from the home page', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  const watch = await watchPage(page);
  await page.goto(server.url + '/');
  const form = page.locator('#follow_by_email');
  await form.getByLabel('Email address').fill('reader@example.org');
  await Promise.all([page.waitForURL(/\/subscribe\?asked=1$/), form.getByRole('button').click()]);
  assert.match(await page.locator('main').innerText(), /Check your inbox/);

  let mail;
  for (let i = 0; i < 75 && !mail; i++) {
    mail = sink.messages().find((m) => m.rcpt_tos.includes('reader@example.org'));
    if (!mail) await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(mail, 'the confirmation mail arrived');
  const path = mail.text.match(/\/subscribe\/confirm\?token=\S+/)[0];
  await page.goto(server.url + path);
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name: 'Confirm' }).click(),
  ]);
  await page.waitForSelector('text=Confirmed: new posts will be mailed to reader@example.org');
  assert.deepEqual(await watch.problems(), []);
});
