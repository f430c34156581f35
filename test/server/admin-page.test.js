// The moderation page at /admin/ (admin/, built into build/admin/ by `npm run build`): there only with an admin
// token, under the demo's strict CSP, and shipped neither in the public bundle nor in the npm package.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../server/app.js';
import { PROJECT, launch, rawGet, start } from './helpers.js';

const TOKEN = 'a token of at least 32 characters';
const BUILT = join(PROJECT, 'build/admin/index.html');

test('the moderation page is built (npm run build) into build/admin/', () => {
  assert.ok(existsSync(BUILT), 'build/admin/index.html is missing: run npm run build');
});

test('without LEDE_ADMIN_TOKEN /admin/ does not exist: 404 for the page, its files and their encodings', async (t) => {
  const base = await start(t);
  const script = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(readFileSync(BUILT, 'utf8'))?.[1] ?? '/admin/assets/x.js';
  for (const path of ['/admin/', '/admin', '/admin/index.html', script, '/%61dmin/', '/admin%2Findex.html', '/ADMIN/']) {
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
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son\w+=/, 'nothing inline: the CSP would refuse it');
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

test('the moderation page is in neither the public bundle nor the npm package', () => {
  for (const file of readdirSync(join(PROJECT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'))) {
    assert.doesNotMatch(readFileSync(join(PROJECT, 'dist', file), 'utf8'), /moderation-page|lede-admin-token/, `dist/${file}`);
  }
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PROJECT, encoding: 'utf8' }));
  const paths = pack.files.map((/** @type {{ path: string }} */ file) => file.path);
  assert.ok(paths.includes('dist/lede.js'), 'the listing is the package');
  assert.deepEqual(paths.filter((path) => /^(admin|build)\//.test(path)), []);
});
