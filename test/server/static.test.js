// Static files: demo/ at /, dist/ at /dist/, content types, the page's CSP, and no way out of either folder.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CONTENT_SECURITY_POLICY } from '../../server/app.js';
import { rawGet, start, tempDir } from './helpers.js';

/** A project folder with a demo page, a bundle and files that must stay private. */
function project(t) {
  const root = tempDir(t);
  mkdirSync(join(root, 'demo/images'), { recursive: true });
  mkdirSync(join(root, 'dist/chunks'), { recursive: true });
  writeFileSync(join(root, 'demo/index.html'), '<!doctype html><title>Demo</title>');
  writeFileSync(join(root, 'demo/other.html'), '<!doctype html><title>Other</title>');
  writeFileSync(join(root, 'demo/demo.js'), 'console.log(1);');
  writeFileSync(join(root, 'demo/demo.css'), 'body{}');
  writeFileSync(join(root, 'demo/images/a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'demo/.env'), 'SECRET=1');
  writeFileSync(join(root, 'dist/lede.js'), 'export {};');
  writeFileSync(join(root, 'dist/lede.js.map'), '{}');
  writeFileSync(join(root, 'dist/chunks/x.js'), 'export {};');
  writeFileSync(join(root, 'dist/chunks/define-BTLWaGH1.js'), `export const text = '${'Lede '.repeat(2000)}';`);
  writeFileSync(join(root, 'package.json'), '{"secret":true}');
  return root;
}

test('the CSP constant is the strict policy: no inline script, no eval, Trusted Types required', () => {
  assert.equal(
    CONTENT_SECURITY_POLICY,
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
      "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " +
      "require-trusted-types-for 'script'; trusted-types lit-html lede",
  );
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe/);
});

test('demo/ is served at / with index.html, dist/ at /dist/, each with its content type', async (t) => {
  const base = await start(t, { root: project(t) });
  const expected = {
    '/': 'text/html; charset=utf-8',
    '/index.html': 'text/html; charset=utf-8',
    '/other.html': 'text/html; charset=utf-8',
    '/demo.js': 'text/javascript; charset=utf-8',
    '/demo.css': 'text/css; charset=utf-8',
    '/images/a.svg': 'image/svg+xml',
    '/dist/lede.js': 'text/javascript; charset=utf-8',
    '/dist/lede.js.map': 'application/json; charset=utf-8',
    '/dist/chunks/x.js': 'text/javascript; charset=utf-8',
  };
  for (const [path, type] of Object.entries(expected)) {
    const response = await fetch(base + path);
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get('content-type'), type, path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    const csp = response.headers.get('content-security-policy');
    assert.equal(csp, type.startsWith('text/html') ? CONTENT_SECURITY_POLICY : null, path);
  }
  assert.equal(await (await fetch(base + '/')).text(), '<!doctype html><title>Demo</title>');
  // Without Accept-Encoding (fetch sends one), the file's own length.
  const head = await raw(base, '/dist/lede.js', {}, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-length'], '10');
});

test('HTML answers send no referrer elsewhere, deny powerful features and isolate their window', async (t) => {
  const base = await start(t, { root: project(t) });
  for (const path of ['/', '/other.html']) {
    const response = await fetch(base + path);
    assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
    assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin', path);
    const permissions = response.headers.get('permissions-policy') ?? '';
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      assert.match(permissions, new RegExp(`(^|, )${feature}=\\(\\)`), `${path}: ${feature}`);
    }
  }
  // The server-rendered project page too.
  const rendered = await fetch(`${await start(t)}/`);
  assert.equal(rendered.headers.get('cross-origin-opener-policy'), 'same-origin');
  assert.match(rendered.headers.get('permissions-policy') ?? '', /camera=\(\)/);
});

test('missing files are 404, other methods 405, and every answer has nosniff', async (t) => {
  const base = await start(t, { root: project(t) });
  for (const path of ['/missing.html', '/dist/missing.js', '/images/', '/dist']) {
    const response = await fetch(base + path);
    assert.equal(response.status, 404, path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
  }
  const post = await fetch(base + '/index.html', { method: 'POST', body: 'x' });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get('allow'), 'GET, HEAD');
  assert.equal(post.headers.get('x-content-type-options'), 'nosniff');
});

test('paths that try to leave demo/ or dist/ are refused', async (t) => {
  const base = await start(t, { root: project(t) });
  const attempts = [
    '/../package.json',
    '/dist/../package.json',
    '/dist/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/dist/%2e%2e/%2e%2e/package.json',
    '/dist/..%2F..%2Fpackage.json',
    '/images/..%2f..%2fpackage.json',
    '/..%5cpackage.json',
    '/%00/index.html',
    '/%E0%A4%A',
    '/.env',
    '/%2eenv',
    '//package.json',
    '/dist//../package.json',
  ];
  for (const path of attempts) {
    const response = await rawGet(base, path);
    assert.ok([400, 404].includes(response.status), `${path}: ${response.status}`);
    assert.ok(!response.text.includes('secret'), path);
    assert.ok(!response.text.includes('SECRET'), path);
  }
});

test('symlinks out of demo/ or dist/ are not followed; links inside them are', async (t) => {
  const root = project(t);
  const outside = tempDir(t);
  writeFileSync(join(outside, 'passwd'), 'root:x:0:0:SECRET');
  symlinkSync(outside, join(root, 'demo/link'));
  symlinkSync(join(outside, 'passwd'), join(root, 'dist/passwd.txt'));
  symlinkSync(join(root, 'package.json'), join(root, 'demo/package.json'));
  symlinkSync(join(root, 'demo/other.html'), join(root, 'demo/alias.html'));
  const base = await start(t, { root });
  for (const path of ['/link/passwd', '/dist/passwd.txt', '/package.json']) {
    const response = await rawGet(base, path);
    assert.equal(response.status, 404, path);
    assert.ok(!/SECRET|secret/.test(response.text), path);
  }
  const alias = await fetch(base + '/alias.html');
  assert.equal(alias.status, 200);
  assert.equal(await alias.text(), '<!doctype html><title>Other</title>');
});

test('by default the project itself is served: demo/index.html at / under the CSP', async (t) => {
  const base = await start(t);
  const response = await fetch(base + '/');
  assert.equal(response.status, 200);
  // Server-rendered by default (lede-elements/ssr): the strict policy plus the hashes of the shadow roots' <style> blocks.
  assert.equal(
    response.headers.get('content-security-policy').replace(/ 'sha256-[A-Za-z0-9+/=]+'/g, ''),
    CONTENT_SECURITY_POLICY,
  );
  assert.match(await response.text(), /<lede-comments /);
  assert.equal((await rawGet(base, '/../package.json')).status, 404);
});

/** A request with its own headers; the body as bytes, not decoded. */
function raw(base, path, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('text answers are compressed by Accept-Encoding (Brotli, else gzip), with Vary; images and refusals are not', async (t) => {
  const root = project(t);
  const base = await start(t, { root });
  const path = '/dist/chunks/define-BTLWaGH1.js';
  const plain = await raw(base, path);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers.vary, 'Accept-Encoding');
  const original = plain.body.toString();
  assert.equal(Number(plain.headers['content-length']), plain.body.length);

  const decoders = { br: brotliDecompressSync, gzip: gunzipSync };
  const cases = [
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=1', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    ['br;q=0, gzip;q=0', undefined],
  ];
  for (const [accept, expected] of cases) {
    const response = await raw(base, path, { 'Accept-Encoding': accept });
    assert.equal(response.headers['content-encoding'], expected, accept);
    assert.equal(response.headers.vary, 'Accept-Encoding', accept);
    assert.equal(Number(response.headers['content-length']), response.body.length, accept);
    const text = expected ? decoders[expected](response.body).toString() : response.body.toString();
    assert.equal(text, original, accept);
    if (expected) assert.ok(response.body.length < original.length / 10, `${accept}: ${response.body.length} bytes`);
  }
  for (const file of ['/', '/demo.css', '/demo.js', '/images/a.svg', '/dist/lede.js']) {
    const response = await raw(base, file, { 'Accept-Encoding': 'br' });
    assert.equal(response.headers['content-encoding'], 'br', file);
  }
  // HEAD: the same headers as GET, no body.
  const head = await raw(base, path, { 'Accept-Encoding': 'gzip' }, 'HEAD');
  const get = await raw(base, path, { 'Accept-Encoding': 'gzip' });
  assert.equal(head.headers['content-length'], get.headers['content-length']);
  assert.equal(head.headers['content-encoding'], 'gzip');
  assert.equal(head.body.length, 0);

  // A binary image is sent as it is.
  writeFileSync(join(root, 'demo/images/b.png'), Buffer.alloc(100));
  const png = await raw(base, '/images/b.png', { 'Accept-Encoding': 'gzip, br' });
  assert.equal(png.headers['content-encoding'], undefined);
  assert.equal(png.headers.vary, undefined);
  assert.equal(png.body.length, 100);
});

test('the server-rendered page is compressed too', async (t) => {
  const base = await start(t);
  const plain = await raw(base, '/');
  const br = await raw(base, '/', { 'Accept-Encoding': 'br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.equal(brotliDecompressSync(br.body).toString(), plain.body.toString());
  assert.match(plain.body.toString(), /shadowrootmode/);
  const gz = await raw(base, '/?ssr=0', { 'Accept-Encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.doesNotMatch(gunzipSync(gz.body).toString(), /shadowrootmode/);
});

test('Cache-Control: a year and immutable for hashed chunks, five minutes for other files, no-cache for pages', async (t) => {
  const base = await start(t, { root: project(t) });
  const expected = {
    '/dist/chunks/define-BTLWaGH1.js': 'public, max-age=31536000, immutable',
    '/dist/chunks/x.js': 'public, max-age=300',
    '/dist/lede.js': 'public, max-age=300',
    '/demo.css': 'public, max-age=300',
    '/images/a.svg': 'public, max-age=300',
    '/': 'no-cache',
    '/other.html': 'no-cache',
  };
  for (const [path, value] of Object.entries(expected)) {
    assert.equal((await raw(base, path)).headers['cache-control'], value, path);
  }
});
