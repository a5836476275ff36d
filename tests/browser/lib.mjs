// Shared helpers for the browser tests: start the real `tidings` binary on a
// fresh data directory, launch Debian's Chromium through playwright-core, and
// run axe-core in a page. Nothing here downloads a browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
// The README's screenshots; TIDINGS_SCREENSHOTS_DIR sends them elsewhere.
export const SCREENSHOTS = process.env.TIDINGS_SCREENSHOTS_DIR || join(ROOT, 'docs', 'screenshots');
export const CHROMIUM = process.env.TIDINGS_CHROMIUM || '/usr/bin/chromium';
export const BINARY = process.env.TIDINGS_BIN || join(ROOT, 'target', 'debug', 'tidings');
const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** The admin every test creates through the first-run link. */
export const ADMIN = {
  name: 'Ada Author',
  email: 'ada@example.com',
  password: 'correct horse battery staple',
};

/**
 * Starts `tidings serve` on 127.0.0.1:0 with a fresh data directory and waits
 * for its first-run setup link and its address on stdout.
 * Returns { url, setupLink, data, stop(), output() }.
 */
export async function startServer({ demo = false, extraArgs = [] } = {}) {
  if (!existsSync(BINARY)) {
    throw new Error(`${BINARY} is missing: run \`cargo build -p tidings\` first`);
  }
  const data = mkdtempSync(join(tmpdir(), 'tidings-browser-'));
  const args = ['--data', data, 'serve', '--listen', '127.0.0.1:0'];
  if (demo) args.push('--demo');
  args.push(...extraArgs);
  const child = spawn(BINARY, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' },
  });
  const lines = [];
  child.stderr.on('data', (d) => lines.push(String(d)));
  const ready = new Promise((resolve, reject) => {
    let setupLink = null;
    const timer = setTimeout(
      () => reject(new Error(`tidings did not start within 20 s:\n${lines.join('')}`)),
      20_000,
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line + '\n');
      const setup = line.match(/open (http\S+\/admin\/setup\?token=\S+)/);
      if (setup) setupLink = setup[1];
      const listening = line.match(/listening on (http:\/\/\S+)/);
      if (listening) {
        clearTimeout(timer);
        if (!setupLink) reject(new Error(`no first-run setup link on stdout:\n${lines.join('')}`));
        else resolve({ url: listening[1].replace(/\/$/, ''), setupLink });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tidings exited with ${code} before listening:\n${lines.join('')}`));
    });
  });
  let started;
  try {
    started = await ready;
  } catch (e) {
    child.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
    throw e;
  }
  return {
    ...started,
    // The data directory, for tests that put files there (a theme).
    data,
    output: () => lines.join(''),
    async stop() {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await gone;
        clearTimeout(t);
      }
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless; fails with a clear message when it is missing. */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); ` +
        'the browser tests never download a browser',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Starts the server and the browser side by side; when either fails, stops
 * the other (a server left running would keep the test process alive).
 */
export async function startBoth(serverStarting) {
  const [s, b] = await Promise.allSettled([serverStarting, launchBrowser()]);
  if (s.status === 'fulfilled' && b.status === 'fulfilled') {
    return { server: s.value, browser: b.value };
  }
  if (s.status === 'fulfilled') await s.value.stop();
  if (b.status === 'fulfilled') await b.value.close();
  throw s.status === 'rejected' ? s.reason : b.reason;
}

/**
 * Records console errors, uncaught page errors and CSP violations of a page.
 * `problems()` lists them as strings.
 */
export async function watchPage(page) {
  const seen = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(msg.text())) {
      const source = msg.location()?.url || page.url();
      // Browsers ask for /favicon.ico on their own; Tidings has none (yet).
      if (/\/favicon\.ico$/.test(source)) return;
      seen.push(`console ${msg.type()}: ${msg.text()} (${source})`);
    }
  });
  page.on('pageerror', (err) => seen.push(`page error: ${err.message} (${page.url()})`));
  // Init scripts are installed by the browser itself, so the page's CSP does
  // not stop this listener; the violations it sees are kept on `window`.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  return {
    /** Forgets what was seen so far (the CSP log lives with each document). */
    clear() {
      seen.length = 0;
    },
    async problems() {
      const csp = await page.evaluate(() => window.__cspViolations || []).catch(() => []);
      return [...seen, ...csp.map((v) => `CSP violation: ${v} (${page.url()})`)];
    },
  };
}

/** Opens the first-run link and creates the admin; ends on the dashboard. */
export async function createAdmin(page, setupLink) {
  await page.goto(setupLink);
  await page.getByLabel('Your name').fill(ADMIN.name);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.locator('input[name=password]').fill(ADMIN.password);
  await page.getByLabel('Password again').fill(ADMIN.password);
  await Promise.all([
    page.waitForURL(/\/admin\/?$/),
    page.getByRole('button', { name: 'Create account' }).click(),
  ]);
}

/**
 * Runs axe-core in the page and returns the violations of impact serious or
 * critical (the context needs `bypassCSP: true` so the script may be injected).
 */
export async function seriousViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return await axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable report of axe violations, one block per rule and element. */
export function describeViolations(where, violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `${where}: [${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** "Monday, November 30, 2026" for an instant, in a time zone. */
export function dateHeaderText(instant, timeZone) {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(instant);
}
