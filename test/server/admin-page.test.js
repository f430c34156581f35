// The moderation page at /admin/ (admin/, built into build/admin/ by `npm run build`): there only with an admin
// token, under the demo's strict CSP, and shipped neither in the public bundle nor in the npm package.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CONTENT_SECURITY_POLICY } from '../../server/app.js';
import { chromeArgs, chromium } from '../support/chromium.js';
import { PROJECT, comment, launch, postComment, rawGet, start } from './helpers.js';

const TOKEN = 'a token of at least 32 characters';
const BUILT = join(PROJECT, 'build/admin/index.html');

test('the moderation page is built (npm run build) into build/admin/', () => {
  assert.ok(existsSync(BUILT), 'build/admin/index.html is missing: run npm run build');
});

test('without LEDE_ADMIN_TOKEN /admin/ does not exist: 404 for the page, its files and their encodings', async (t) => {
  const base = await start(t);
  const script = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(readFileSync(BUILT, 'utf8'))?.[1] ?? '/admin/assets/x.js';
  for (const path of [
    '/admin/',
    '/admin',
    '/admin/index.html',
    script,
    '/%61dmin/',
    '/admin%2Findex.html',
    '/ADMIN/',
  ]) {
    const response = await rawGet(base, path);
    assert.equal(response.status, 404, path);
    assert.ok(!response.text.includes('moderation-page'), path);
  }
  const launched = await launch(t, { LEDE_DB: ':memory:' });
  assert.equal((await fetch(`${launched.base}/admin/`)).status, 404);
});

test('with LEDE_ADMIN_TOKEN /admin/ is the page under the strict CSP, its script from the same folder', async (t) => {
  const launched = await launch(t, { LEDE_DB: ':memory:', LEDE_ADMIN_TOKEN: TOKEN });
  assert.match(launched.output, new RegExp(`moderation page ${launched.base.replace(/[.[\]]/g, '\\$&')}/admin/`));
  const page = await fetch(`${launched.base}/admin/`);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(page.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.match(CONTENT_SECURITY_POLICY, /require-trusted-types-for 'script'; trusted-types lit-html lede$/);
  assert.equal(page.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  const html = await page.text();
  assert.match(html, /<moderation-page><\/moderation-page>/);
  assert.match(html, /<meta name="robots" content="noindex, nofollow"/);
  assert.doesNotMatch(
    html,
    /<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son\w+=/,
    'nothing inline: the CSP would refuse it',
  );
  const scripts = [...html.matchAll(/<script [^>]*src="([^"]+)"/g)].map((match) => match[1]);
  assert.equal(scripts.length, 1);
  assert.match(scripts[0], /^\/admin\/assets\/[\w-]+\.js$/);
  const script = await fetch(launched.base + scripts[0]);
  assert.equal(script.status, 200);
  assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.match(await script.text(), /moderation-page/);

  const moved = await fetch(`${launched.base}/admin?lang=fr`, { redirect: 'manual' });
  assert.equal(moved.status, 301);
  assert.equal(moved.headers.get('location'), '/admin/?lang=fr');
  for (const path of ['/admin/../package.json', '/admin/%2e%2e/package.json', '/admin/.hidden', '/admin/missing.js']) {
    assert.equal((await rawGet(launched.base, path)).status, 404, path);
  }
});

test('in Chromium, under its CSP, the built page signs in and approves with the keyboard; the comment is then public', async (t) => {
  const launched = await launch(t, { LEDE_DB: ':memory:', LEDE_ADMIN_TOKEN: TOKEN });
  const sent = await postComment(launched.base, comment({ name: 'Anne', content: 'Approuvez-moi' }));
  const browser = await puppeteer.launch({ executablePath: chromium(), args: chromeArgs, headless: true });
  t.after(() => browser.close());
  const page = await browser.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  // A CSP or Trusted Types refusal is an event in the page; it is kept there and read at the end.
  await page.evaluateOnNewDocument(() => {
    const seen = /** @type {string[]} */ ([]);
    Object.assign(window, { violations: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(`${launched.base}/admin/?lang=fr`);
  /** What has the focus inside the page's shadow root: its id, else its text. */
  const focused = () =>
    page.evaluate(() => {
      const active = document.querySelector('moderation-page')?.shadowRoot?.activeElement;
      return active
        ? active.id || `${active.getAttribute('data-action')} ${active.getAttribute('aria-describedby')}`
        : '';
    });
  /** Presses Tab until `name` (as `focused` gives it) has the focus. @param {string} name */
  const tabTo = async (name) => {
    for (let presses = 0; presses < 30 && (await focused()) !== name; presses++) await page.keyboard.press('Tab');
    assert.equal(await focused(), name);
  };
  await page.waitForFunction(() => document.querySelector('moderation-page')?.shadowRoot?.querySelector('#token'));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.equal(await page.title(), 'Modération des commentaires');

  await tabTo('token');
  await page.keyboard.type(TOKEN);
  await page.keyboard.press('Enter');
  const approve = `approve comment-${sent.body.id}`;
  await page.waitForFunction(
    (selector) => document.querySelector('moderation-page')?.shadowRoot?.querySelector(selector),
    {},
    `[aria-describedby="comment-${sent.body.id}"]`,
  );
  await tabTo(approve);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => !document.querySelector('moderation-page')?.shadowRoot?.querySelector('[data-list=pending]'),
  );
  const status = await page.evaluate(() =>
    document.querySelector('moderation-page')?.shadowRoot?.querySelector('[role=status]')?.textContent?.trim(),
  );
  assert.equal(status, 'Le commentaire de Anne est approuvé.');
  assert.equal(await focused(), 'pending-heading', 'the queue is empty: its heading has the focus');

  const published = await (await fetch(`${launched.base}/api/comments?post=europol-telegram`)).json();
  assert.deepEqual(
    published.map((/** @type {{ content: string }} */ c) => c.content),
    ['Approuvez-moi'],
  );
  assert.deepEqual(
    await page.evaluate(() => /** @type {any} */ (window).violations),
    [],
    'no CSP or Trusted Types refusal',
  );
  assert.deepEqual(
    problems.filter((problem) => !problem.includes('favicon')),
    [],
  );
});

test('the moderation page is in neither the public bundle nor the npm package', () => {
  for (const file of readdirSync(join(PROJECT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((name) =>
    name.endsWith('.js'),
  )) {
    assert.doesNotMatch(
      readFileSync(join(PROJECT, 'dist', file), 'utf8'),
      /moderation-page|lede-admin-token/,
      `dist/${file}`,
    );
  }
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PROJECT, encoding: 'utf8' }),
  );
  const paths = pack.files.map((/** @type {{ path: string }} */ file) => file.path);
  assert.ok(paths.includes('dist/lede.js'), 'the listing is the package');
  assert.deepEqual(
    paths.filter((path) => /^(admin|build)\//.test(path)),
    [],
  );
});
