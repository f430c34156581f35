// Another process holding SQLite's write lock (the moderation CLI, a backup, a second server): reads go on, writes
// get 503 with Retry-After at once, and nothing waits 5 s or ends in a 500.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { comment, ON_POSTGRES, postComment, start, tempDir } from './helpers.js';

const timed = async (promise) => {
  const started = Date.now();
  const result = await promise;
  return { ...result, ms: Date.now() - started };
};

// PostgreSQL has no database-wide write lock; its counterpart (unreachable: 503) is in store.test.js.
test(
  'while another process holds the write lock, GET is a fast 200 and POST a quick 503 with Retry-After',
  { timeout: 20_000, skip: ON_POSTGRES && "SQLite's write lock" },
  async (t) => {
    const file = join(tempDir(t), 'comments.db');
    const base = await start(t, { db: file });
    assert.equal((await postComment(base, comment({ content: 'before' }))).response.status, 201);

    const other = new Database(file);
    t.after(() => other.open && other.close());
    other.exec('BEGIN IMMEDIATE');
    other.prepare(`UPDATE comments SET status = 'approved'`).run(); // uncommitted: readers still see the last commit

    const get = () =>
      fetch(`${base}/api/comments?post=europol-telegram`).then(async (response) => ({
        response,
        body: await response.json(),
      }));
    // The GET is sent while the POST waits for the lock: the event loop must not be frozen meanwhile.
    const [post, read] = await Promise.all([
      timed(postComment(base, comment({ content: 'during' }))),
      timed(new Promise((r) => setTimeout(r, 20)).then(get)),
    ]);
    assert.equal(read.response.status, 200);
    assert.deepEqual(read.body, []);
    assert.ok(read.ms < 500, `GET took ${read.ms} ms`);
    assert.equal(post.response.status, 503);
    assert.equal(post.response.headers.get('content-type'), 'application/json; charset=utf-8');
    const retryAfter = Number(post.response.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 5, `Retry-After: ${retryAfter}`);
    assert.equal(typeof post.body.error, 'string');
    assert.ok(post.ms < 1000, `POST took ${post.ms} ms`);

    other.exec('ROLLBACK');
    other.close();
    // The lock gone, the same comment goes through.
    assert.equal((await postComment(base, comment({ content: 'during' }))).response.status, 201);
  },
);
