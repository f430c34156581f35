// test/support/quiet-probes.js, the middleware that keeps a green browser-test run quiet: requests the tests make
// on purpose to things that cannot be served are answered without a koa stack trace or a listed 404, and nothing
// else changes. Koa's context is reduced to what the middleware reads and writes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quietProbes } from '../support/quiet-probes.js';

const context = (dest = '') => ({
  status: 404,
  body: undefined,
  get: (name) => (name === 'sec-fetch-dest' ? dest : ''),
});
const thrower = (status, message) => () => Promise.reject(Object.assign(new Error(message), { status }));

test('a path the static server refuses gets its 4xx, quietly (no error reaches koa)', async () => {
  for (const [status, message] of [
    [400, 'failed to decode'],
    [403, 'Malicious Path'],
  ]) {
    const ctx = context();
    await quietProbes()(ctx, thrower(status, message));
    assert.equal(ctx.status, status, message);
  }
});

test('a server error still reaches koa, and its log', async () => {
  await assert.rejects(quietProbes()(context(), thrower(500, 'boom')), /boom/);
  await assert.rejects(
    quietProbes()(context(), () => Promise.reject(new TypeError('a bug'))),
    /a bug/,
  );
});

test('a missing image is 410 Gone (it still fails to load); any other missing file stays a reported 404', async () => {
  const image = context('image');
  await quietProbes()(image, async () => {});
  assert.equal(image.status, 410);
  for (const dest of ['script', 'empty', 'document', '']) {
    const ctx = context(dest);
    await quietProbes()(ctx, async () => {});
    assert.equal(ctx.status, 404, dest);
  }
  const found = { ...context('image'), status: 200 };
  await quietProbes()(found, async () => {});
  assert.equal(found.status, 200);
});

test('browser logs: Lit’s dev-mode notice and on-purpose missing fixture images are left out, other warnings kept', async () => {
  const { default: config } = await import('../../web-test-runner.config.js');
  const kept = (message) => config.filterBrowserLogs({ type: 'warn', args: [message] });
  assert.equal(config.middleware[0].toString(), quietProbes().toString(), 'quietProbes() comes first');
  assert.equal(
    kept('Lit is in dev mode. Not recommended for production! See https://lit.dev/msg/dev-mode for more information.'),
    false,
  );
  assert.equal(kept('[lede] <lede-figure> src: "/test/fixtures/figure-missing.svg" failed to load'), false);
  assert.equal(kept('[lede] <lede-figure> src: "/images/telegram.jpg" failed to load'), true);
  assert.equal(kept('[lede] <lede-comment-form> action: "" ignored: comments cannot be sent'), true);
});
