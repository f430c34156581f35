// Pages of the public list: `limit` and the `after` cursor, keyset pagination on (created, id). On SQLite and on
// PostgreSQL (LEDE_TEST_DB=postgres).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PAGE } from '../../server/app.js';
import { database, start } from './helpers.js';

const TOKEN = 'a token of at least 32 characters';
const auth = { Authorization: `Bearer ${TOKEN}` };
const POST = 'europol-telegram';
const JSON_TYPE = 'application/json; charset=utf-8';
/** A fixed time, so that ties on `created` are certain: the order then falls back on the id. */
const NOON = Date.UTC(2026, 11, 7, 12);

/**
 * A server on a new database holding approved comments `one`… of POST, inserted directly (the rate limit allows five
 * posts a minute): `times[i]` is comment i's creation time. Also a pending one and one of another post.
 * @param {import('node:test').TestContext} t @param {number[]} times
 */
async function seeded(t, times) {
  const db = await database(t);
  const base = await start(t, { db: db.db, adminToken: TOKEN });
  const insert = (post, content, status, created) =>
    db.query(
      `INSERT INTO comments (post, parent, name, email, url, content, status, address, created)
       VALUES (?, NULL, 'Camille', 'secret@example.fr', NULL, ?, ?, '203.0.113.9', ?)`,
      post,
      content,
      status,
      created,
    );
  for (const [index, created] of times.entries()) await insert(POST, `comment ${index + 1}`, 'approved', created);
  await insert(POST, 'pending', 'pending', NOON);
  await insert('another-post', 'elsewhere', 'approved', NOON);
  return { db, base };
}

/** GET the list with a query string; the parsed body and the answer. @param {string} base @param {string} query */
async function get(base, query, headers = {}) {
  const response = await fetch(`${base}/api/comments?post=${POST}${query}`, { headers });
  const text = await response.text();
  return { response, text, body: text ? JSON.parse(text) : undefined };
}

/** Follows `next` from the first page of `limit` to the last; the pages' contents. */
async function allPages(base, limit) {
  const pages = [];
  let query = `&limit=${limit}`;
  for (let guard = 0; guard < 100; guard++) {
    const { response, body } = await get(base, query);
    assert.equal(response.status, 200, query);
    pages.push(body.comments.map((c) => c.content));
    if (body.next === null) return pages;
    query = `&limit=${limit}&after=${encodeURIComponent(body.next)}`;
  }
  throw new Error('next never became null');
}

test('with limit, pages of { comments, next }, oldest first, ties on the time in id order, until next is null', async (t) => {
  // Comments 2, 3 and 4 share one time: their order, and the page boundary between them, come from the id.
  const { base } = await seeded(t, [NOON - 2000, NOON, NOON, NOON, NOON + 5000]);
  const whole = await get(base, '');
  assert.ok(Array.isArray(whole.body), 'without limit: the bare array, as before');
  assert.deepEqual(
    whole.body.map((c) => c.content),
    ['comment 1', 'comment 2', 'comment 3', 'comment 4', 'comment 5'],
  );

  const first = await get(base, '&limit=2');
  assert.equal(first.response.headers.get('content-type'), JSON_TYPE);
  assert.deepEqual(Object.keys(first.body), ['comments', 'next']);
  assert.deepEqual(first.body.comments, whole.body.slice(0, 2), 'the same fields as the whole list');
  assert.equal(typeof first.body.next, 'string');
  assert.match(first.body.next, /^[A-Za-z0-9_-]+$/, 'a cursor needs no escaping in a URL');

  assert.deepEqual(await allPages(base, 2), [['comment 1', 'comment 2'], ['comment 3', 'comment 4'], ['comment 5']]);
  assert.deepEqual(
    await allPages(base, 1),
    whole.body.map((c) => [c.content]),
  );
  // A last page that is exactly full says so: no page of nothing after it.
  assert.deepEqual(await allPages(base, 5), [whole.body.map((c) => c.content)]);
  assert.deepEqual(await allPages(base, 100), [whole.body.map((c) => c.content)]);
  for (const text of [first.text, (await get(base, '&limit=100')).text]) {
    assert.ok(!text.includes('secret@example.fr') && !text.includes('203.0.113.9'), 'never the email or the address');
    assert.ok(!text.includes('pending') && !text.includes('elsewhere'), 'approved comments of this post only');
  }
});

test('after without limit gives a page of the default size', async (t) => {
  const times = Array.from({ length: PAGE.defaultLimit + 2 }, (_, index) => NOON + index);
  const { base } = await seeded(t, times);
  const first = await get(base, `&limit=1`);
  const rest = await get(base, `&after=${first.body.next}`);
  assert.equal(rest.response.status, 200);
  assert.equal(rest.body.comments.length, PAGE.defaultLimit);
  assert.equal(rest.body.comments[0].content, 'comment 2');
  const last = await get(base, `&after=${rest.body.next}`);
  assert.deepEqual(last.body, { comments: [last.body.comments[0]], next: null });
  assert.equal(last.body.comments[0].content, `comment ${PAGE.defaultLimit + 2}`);
});

test('a cursor stays valid when its comment is deleted or others are approved before it: nothing repeats or is skipped', async (t) => {
  const { db, base } = await seeded(t, [NOON, NOON + 1, NOON + 2, NOON + 3]);
  const first = await get(base, '&limit=2');
  assert.deepEqual(
    first.body.comments.map((c) => c.content),
    ['comment 1', 'comment 2'],
  );
  // The page's last comment is deleted, and an older pending comment approved, before the reader asks for more.
  const [{ id }] = await db.query('SELECT id FROM comments WHERE content = ?', 'comment 2');
  assert.equal((await fetch(`${base}/api/admin/comments/${id}`, { method: 'DELETE', headers: auth })).status, 200);
  const [pending] = await db.query('SELECT id FROM comments WHERE content = ?', 'pending');
  await db.query('UPDATE comments SET created = ? WHERE id = ?', NOON - 1000, pending.id);
  assert.equal(
    (await fetch(`${base}/api/admin/comments/${pending.id}/approve`, { method: 'POST', headers: auth })).status,
    200,
  );
  const second = await get(base, `&limit=2&after=${first.body.next}`);
  assert.equal(second.response.status, 200);
  assert.deepEqual(
    second.body.comments.map((c) => c.content),
    ['comment 3', 'comment 4'],
  );
  assert.equal(second.body.next, null);
});

test('each page is cacheable under its own URL: ETag, Cache-Control, 304 to its own ETag only', async (t) => {
  const { base } = await seeded(t, [NOON, NOON + 1, NOON + 2]);
  const first = await get(base, '&limit=2');
  const second = await get(base, `&limit=2&after=${first.body.next}`);
  const etags = [first, second].map((page) => page.response.headers.get('etag'));
  for (const page of [first, second]) {
    assert.equal(page.response.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=600');
    assert.match(page.response.headers.get('etag'), /^"[A-Za-z0-9_-]{32}"$/);
  }
  assert.notEqual(etags[0], etags[1]);
  assert.notEqual(etags[0], (await get(base, '')).response.headers.get('etag'), 'a page is not the whole list');
  const again = await get(base, '&limit=2', { 'If-None-Match': etags[0] });
  assert.equal(again.response.status, 304);
  assert.equal(again.text, '');
  assert.equal(again.response.headers.get('etag'), etags[0]);
  assert.equal(
    (await get(base, `&limit=2&after=${first.body.next}`, { 'If-None-Match': etags[0] })).response.status,
    200,
  );
  assert.equal(
    (await get(base, `&limit=2&after=${first.body.next}`, { 'If-None-Match': etags[1] })).response.status,
    304,
  );
});

test('a bad limit or cursor is 400 with a JSON error, not cached', async (t) => {
  const { base } = await seeded(t, [NOON, NOON + 1]);
  for (const limit of ['', '0', '101', '1000', '-1', '1.5', '1e2', '01', ' 2', 'ten']) {
    const { response, body } = await get(base, `&limit=${encodeURIComponent(limit)}`);
    assert.equal(response.status, 400, `limit=${limit}`);
    assert.equal(response.headers.get('content-type'), JSON_TYPE);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(body.errors.limit, /1 to 100/, `limit=${limit}`);
  }
  const { body: page } = await get(base, '&limit=1');
  const cursor = page.next;
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const encode = (text) => Buffer.from(text).toString('base64url');
  const bad = [
    '',
    'x',
    '!!!!',
    `${cursor}=`, // padded: another spelling of the same position, and another cache entry
    `${cursor}x`,
    encode('a.b'),
    encode(`${decoded}.3`),
    encode(`-5.${decoded.split('.')[1]}`),
    encode(`${decoded.split('.')[0]}.0`),
    encode(`0${decoded}`),
    encode('99999999999999999.1'),
    'A'.repeat(65),
  ];
  for (const after of bad) {
    const { response, body } = await get(base, `&limit=1&after=${encodeURIComponent(after)}`);
    assert.equal(response.status, 400, `after=${after}`);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(body.errors.after, /cursor/, `after=${after}`);
  }
  // The good one still works, and a cursor is not tied to the page size it came from.
  assert.equal((await get(base, `&limit=1&after=${cursor}`)).body.comments[0].content, 'comment 2');
  assert.equal((await get(base, `&limit=50&after=${cursor}`)).body.comments[0].content, 'comment 2');
});
