// Idempotency-Key: one key is one comment. A different body under a used key is refused (422), a bot's body does
// not use a key up, the answer is only replayed for the same body, and two processes on one database store each key
// once. On SQLite and on PostgreSQL (LEDE_TEST_DB=postgres).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { approved, comment, database, launch, ON_POSTGRES, postComment, start, tempDir } from './helpers.js';

test('the same key with a different body is 422 with a JSON error, and the second comment is not silently dropped', async (t) => {
  const db = await database(t);
  const base = await start(t, { db: db.db });
  const key = { 'Idempotency-Key': 'draft-42' };
  const first = await postComment(base, comment({ content: 'First text.' }), key);
  assert.equal(first.response.status, 201);
  const other = await postComment(base, comment({ content: 'A different text.' }), key);
  assert.equal(other.response.status, 422);
  assert.equal(other.response.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.match(other.body.error, /Idempotency-Key/);
  assert.equal(other.body.id, undefined, 'not the first answer');
  // The same body again is a retry: the first answer, still one row.
  const retry = await postComment(base, comment({ content: 'First text.' }), key);
  assert.equal(retry.response.status, 201);
  assert.deepEqual(retry.body, first.body);
  assert.equal(await db.count(), 1);
});

test('a key first used by a honeypot-caught body does not swallow the real comment sent with it later', async (t) => {
  const db = await database(t);
  const base = await start(t, { db: db.db });
  const key = { 'Idempotency-Key': 'draft-autofilled' };
  const bot = await postComment(base, comment({ honeypot: 'http://spam.example/' }), key);
  assert.equal(bot.response.status, 201);
  assert.equal(await db.count(), 0);
  const person = await postComment(base, comment(), key);
  assert.equal(person.response.status, 201);
  assert.equal(await db.count(), 1, 'the real comment is stored');
  assert.equal((await db.query('SELECT content FROM comments'))[0].content, 'Merci pour cet article.');
});

test("another client reusing a key gets neither the first client's answer nor a comment of its own silently dropped", async (t) => {
  const db = await database(t);
  const base = await start(t, { db: db.db, trustProxy: true });
  const key = { 'Idempotency-Key': 'shared-key' };
  const alice = await postComment(base, comment({ name: 'Alice', content: 'Alice writes.' }), {
    ...key,
    'X-Forwarded-For': '198.51.100.1',
  });
  assert.equal(alice.response.status, 201);
  const mallory = await postComment(base, comment({ name: 'Mallory', content: 'Mallory writes.' }), {
    ...key,
    'X-Forwarded-For': '198.51.100.2',
  });
  assert.equal(mallory.response.status, 422);
  assert.equal(mallory.body.id, undefined);
  // Alice retrying from another network (her answer was lost when her phone left the Wi-Fi) gets her answer.
  const retry = await postComment(base, comment({ name: 'Alice', content: 'Alice writes.' }), {
    ...key,
    'X-Forwarded-For': '203.0.113.7',
  });
  assert.deepEqual(retry.body, alice.body);
  assert.equal(await db.count(), 1);
});

test(
  'a SQLite database from before the fingerprint column is upgraded on open, and its keys still answer',
  { skip: ON_POSTGRES && 'SQLite files only' },
  async (t) => {
    const file = join(tempDir(t), 'old.db');
    const old = new Database(file);
    old.exec(`
    CREATE TABLE comments (id INTEGER PRIMARY KEY AUTOINCREMENT, post TEXT NOT NULL,
      parent INTEGER REFERENCES comments (id) ON DELETE SET NULL, name TEXT NOT NULL, email TEXT NOT NULL, url TEXT,
      content TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved')),
      address TEXT NOT NULL, created INTEGER NOT NULL);
    CREATE TABLE idempotency (key TEXT PRIMARY KEY, status INTEGER NOT NULL, body TEXT NOT NULL, created INTEGER NOT NULL);
    INSERT INTO comments (post, name, email, content, address, created) VALUES ('europol-telegram', 'Camille', 'camille@example.fr', 'old', '127.0.0.1', ${Date.now()});
    INSERT INTO idempotency VALUES ('old-key', 201, '{"id":1,"status":"pending"}', ${Date.now()});
  `);
    old.close();
    const base = await start(t, { db: file });
    const replay = await postComment(base, comment({ content: 'old' }), { 'Idempotency-Key': 'old-key' });
    assert.deepEqual(replay.body, { id: 1, status: 'pending' });
    const fresh = await postComment(base, comment(), { 'Idempotency-Key': 'new-key' });
    assert.equal(fresh.response.status, 201);
    const conflict = await postComment(base, comment({ content: 'changed' }), { 'Idempotency-Key': 'new-key' });
    assert.equal(conflict.response.status, 422);
    const db = new Database(file, { readonly: true });
    t.after(() => db.close());
    assert.ok(db.pragma('user_version', { simple: true }) >= 1);
    assert.ok(
      db
        .prepare('PRAGMA table_info(idempotency)')
        .all()
        .some((column) => column.name === 'fingerprint'),
    );
    assert.equal(db.prepare('SELECT COUNT(*) AS n FROM comments').get().n, 2);
  },
);

test(
  'two server processes on one database, 30 keys sent to both at once: exactly 30 rows; either one moderates',
  { timeout: 60_000 },
  async (t) => {
    const db = await database(t, { file: true });
    const token = 'a token of at least 32 characters';
    // One address per key (behind a "proxy"), so the 5-a-minute rate limit does not get in the way.
    const env = { LEDE_DB: db.url, LEDE_TRUST_PROXY: '1', LEDE_ADMIN_TOKEN: token };
    const [a, b] = await Promise.all([launch(t, env), launch(t, env)]);
    /** Posts until the server answers something other than 503 (a busy database; the form retries the same way). */
    const send = async (base, i) => {
      for (;;) {
        const sent = await postComment(base, comment({ content: `comment ${i}` }), {
          'Idempotency-Key': `key-${i}`,
          'X-Forwarded-For': `198.51.100.${i}`,
        });
        if (sent.response.status !== 503) return sent;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const keys = Array.from({ length: 30 }, (_, i) => i + 1);
    const answers = await Promise.all(keys.map((i) => Promise.all([send(a.base, i), send(b.base, i)])));
    for (const [one, two] of answers) {
      assert.equal(one.response.status, 201);
      assert.equal(two.response.status, 201);
      assert.deepEqual(one.body, two.body, 'both processes give the same answer for a key');
    }
    assert.equal(await db.count(), 30);
    assert.equal(new Set(answers.map(([one]) => one.body.id)).size, 30);

    // A comment sent to one instance is approved through the other, and both list it.
    const id = answers[0][0].body.id;
    const approval = await fetch(`${b.base}/api/admin/comments/${id}/approve`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(approval.status, 200);
    for (const base of [a.base, b.base])
      assert.deepEqual(
        (await approved(base)).map((c) => c.id),
        [id],
      );
  },
);

test(
  'the rate limit holds across instances: 12 comments from one address sent to two at once, 5 stored',
  { timeout: 30_000 },
  async (t) => {
    const db = await database(t, { file: true });
    const env = { LEDE_DB: db.url, LEDE_TRUST_PROXY: '1' };
    const [a, b] = await Promise.all([launch(t, env), launch(t, env)]);
    const send = async (base, i) => {
      for (;;) {
        const sent = await postComment(base, comment({ content: `comment ${i}` }), {
          'X-Forwarded-For': '203.0.113.50',
        });
        if (sent.response.status !== 503) return sent.response.status;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => send(i % 2 ? a.base : b.base, i)));
    assert.equal(statuses.filter((s) => s === 201).length, 5, statuses.join(' '));
    assert.equal(statuses.filter((s) => s === 429).length, 7, statuses.join(' '));
    assert.equal(await db.count(), 5);
  },
);
