// Reads a CDN can serve: the public list has an ETag, answers 304 to If-None-Match, and says how long shared caches
// may keep it; everything else is no-store. On SQLite and on PostgreSQL (LEDE_TEST_DB=postgres).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServer } from '../../server/app.js';
import { comment, database, launch, postComment, run, start } from './helpers.js';

const TOKEN = 'a token of at least 32 characters';
const auth = { Authorization: `Bearer ${TOKEN}` };
const list = (base, headers = {}) => fetch(`${base}/api/comments?post=europol-telegram`, { headers });

test('the public list is cacheable: public, max-age=60, stale-while-revalidate=600 and an ETag; 304 when it matches', async (t) => {
  const base = await start(t);
  const first = await list(base);
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=600');
  const etag = first.headers.get('etag');
  assert.match(etag, /^"[A-Za-z0-9_-]{32}"$/);
  for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
    const again = await list(base, { 'If-None-Match': header });
    assert.equal(again.status, 304, header);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(again.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=600');
    assert.match(again.headers.get('vary'), /Origin/);
  }
  assert.equal((await list(base, { 'If-None-Match': '"something else"' })).status, 200);
  const head = await fetch(`${base}/api/comments?post=europol-telegram`, { method: 'HEAD' });
  assert.equal(head.headers.get('etag'), etag);
});

test('a pending comment changes nothing in the cacheable answer; its approval changes the ETag and the list', async (t) => {
  const db = await database(t);
  const base = await start(t, { db: db.db, adminToken: TOKEN });
  const before = await list(base);
  const etag = before.headers.get('etag');
  const sent = await postComment(base, comment({ content: 'awaiting moderation', email: 'secret@example.fr' }));
  assert.equal(sent.response.status, 201);
  const pending = await list(base);
  assert.equal(pending.headers.get('etag'), etag, 'a pending comment is not in the list');
  const text = await pending.text();
  assert.equal(text, '[]');
  assert.equal((await list(base, { 'If-None-Match': etag })).status, 304);

  assert.equal(
    (await fetch(`${base}/api/admin/comments/${sent.body.id}/approve`, { method: 'POST', headers: auth })).status,
    200,
  );
  const after = await list(base, { 'If-None-Match': etag });
  assert.equal(after.status, 200, 'the old ETag no longer matches');
  assert.notEqual(after.headers.get('etag'), etag);
  const body = await after.text();
  assert.deepEqual(
    JSON.parse(body).map((c) => c.content),
    ['awaiting moderation'],
  );
  assert.ok(!body.includes('secret@example.fr'), 'never the email');
  assert.ok(!body.includes('127.0.0.1'), 'never the address');
  // Deleting it changes the ETag back.
  assert.equal(
    (await fetch(`${base}/api/admin/comments/${sent.body.id}`, { method: 'DELETE', headers: auth })).status,
    200,
  );
  assert.equal((await list(base)).headers.get('etag'), etag);
});

test('everything else is no-store: posting, errors, the list without post, the admin API', async (t) => {
  const base = await start(t, { adminToken: TOKEN });
  const answers = [
    (await postComment(base, comment())).response,
    (await postComment(base, comment({ name: '' }))).response,
    await fetch(`${base}/api/comments`),
    await fetch(`${base}/api/comments`, { method: 'PUT' }),
    await fetch(`${base}/api/nothing`),
    await fetch(`${base}/api/admin/comments`, { headers: auth }),
    await fetch(`${base}/api/admin/comments/1`, { headers: auth }),
    await fetch(`${base}/api/admin/comments`),
  ];
  for (const response of answers) {
    assert.equal(response.headers.get('cache-control'), 'no-store', `${response.url} ${response.status}`);
    assert.equal(response.headers.get('etag'), null, `${response.url} ${response.status}`);
  }
});

test('max-age and stale-while-revalidate are options (createServer) and LEDE_CACHE_MAX_AGE / LEDE_CACHE_SWR', async (t) => {
  const short = await start(t, { cacheMaxAge: 5, cacheStaleWhileRevalidate: 0 });
  assert.equal((await list(short)).headers.get('cache-control'), 'public, max-age=5');
  for (const bad of [-1, 1.5, Number.NaN, '60']) {
    assert.throws(() => createServer({ cacheMaxAge: /** @type {any} */ (bad) }), /cacheMaxAge must be a whole number/);
  }
  const db = await database(t, { file: true });
  const launched = await launch(t, { LEDE_DB: db.url, LEDE_CACHE_MAX_AGE: '30', LEDE_CACHE_SWR: '120' });
  assert.equal(
    (await list(launched.base)).headers.get('cache-control'),
    'public, max-age=30, stale-while-revalidate=120',
  );
  const refused = await run('server/index.js', [], { PORT: '0', LEDE_DB: ':memory:', LEDE_CACHE_SWR: 'ten' });
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /LEDE_CACHE_SWR must be a whole number/);
});
