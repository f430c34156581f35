// The CLI entry as a real process: it prints its URL, and a comment answered 201 survives kill -9 (on SQLite and on
// PostgreSQL, LEDE_TEST_DB=postgres).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { approved, comment, database, launch, ON_POSTGRES, postComment, run, tempDir } from './helpers.js';

const TOKEN = 'a token of at least 32 characters';

const killed = (child) =>
  new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(signal));
    child.kill('SIGKILL');
  });

test('a comment answered 201 is still there after kill -9 and a restart', async (t) => {
  // On SQLite, a file in folders that do not exist yet.
  const file = ON_POSTGRES ? (await database(t)).url : join(tempDir(t), 'nested/folder/comments.db');
  const first = await launch(t, { LEDE_DB: file });
  assert.match(first.output, /Lede comment server: http:\/\/127\.0\.0\.1:\d+\//);
  if (!ON_POSTGRES) assert.ok(existsSync(file), 'the database folder is created');

  const sent = await postComment(first.base, comment({ content: 'survives' }), { 'Idempotency-Key': 'draft-9' });
  assert.equal(sent.response.status, 201);
  // Killed right after the answer: no chance to close the database cleanly.
  assert.equal(await killed(first.child), 'SIGKILL');

  const approval = await run('server/moderate.js', ['approve', String(sent.body.id)], { LEDE_DB: file });
  assert.equal(approval.code, 0, approval.stderr);

  const second = await launch(t, { LEDE_DB: file });
  const list = await approved(second.base);
  assert.deepEqual(
    list.map((c) => c.content),
    ['survives'],
  );
  // The Idempotency-Key was stored with the comment: the retry of the lost answer is not a second comment.
  const retry = await postComment(second.base, comment({ content: 'survives' }), { 'Idempotency-Key': 'draft-9' });
  assert.deepEqual(retry.body, sent.body);
  assert.equal((await approved(second.base)).length, 1);
});

test(
  'kill -9 during a burst of comments: every comment answered 201 is in the database',
  { timeout: 30_000 },
  async (t) => {
    const db = await database(t, { file: true });
    const server = await launch(t, { LEDE_DB: db.url, LEDE_TRUST_PROXY: '1' });
    /** @type {number[]} */
    const answered = [];
    let sent = 0;
    let stop = false;
    // 8 writers, each posting one comment after another from addresses of its own (the rate limit stays out of it).
    const writer = async (w) => {
      while (!stop) {
        const i = ++sent;
        try {
          const { response, body } = await postComment(server.base, comment({ content: `burst ${i}` }), {
            'Idempotency-Key': `burst-${i}`,
            'X-Forwarded-For': `10.${w}.${(i >> 8) & 255}.${i & 255}`,
          });
          if (response.status === 201) answered.push(body.id);
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    while (answered.length < 40) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(await killed(server.child), 'SIGKILL');
    stop = true;
    await Promise.all(writers);
    const stored = new Set((await db.query('SELECT id FROM comments')).map((row) => Number(row.id)));
    const lost = answered.filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${answered.length} answered comments lost`);
    assert.ok(stored.size >= answered.length);
  },
);

test('it listens on 127.0.0.1 unless HOST says otherwise, and prints the address it really listens on', async (t) => {
  const local = await launch(t, { LEDE_DB: ':memory:' });
  assert.equal(local.host, '127.0.0.1');
  assert.equal((await fetch(`${local.base}/api/comments?post=a`)).status, 200);
  // From another interface of this machine (when it has one) the default server cannot be reached.
  const { port } = new URL(local.base);
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === 'IPv4');
  if (external) {
    const reached = await fetch(`http://${external.address}:${port}/api/comments?post=a`).then(
      () => true,
      () => false,
    );
    assert.equal(reached, false, `reachable on ${external.address}`);
  }
  const all = await launch(t, { LEDE_DB: ':memory:', HOST: '0.0.0.0' });
  assert.equal(all.host, '0.0.0.0');
  assert.match(all.output, /all interfaces/);
  assert.equal((await fetch(`${all.base}/api/comments?post=a`)).status, 200);
  const six = await launch(t, { LEDE_DB: ':memory:', HOST: '::1' });
  assert.equal(six.host, '[::1]');
  assert.equal((await fetch(`${six.base}/api/comments?post=a`)).status, 200);
});

test('the admin API is on only when LEDE_ADMIN_TOKEN is set', async (t) => {
  const off = await launch(t, { LEDE_DB: ':memory:' });
  assert.match(off.output, /admin API off/);
  assert.equal((await fetch(`${off.base}/api/admin/comments`)).status, 404);
  const on = await launch(t, { LEDE_DB: ':memory:', LEDE_ADMIN_TOKEN: TOKEN });
  const response = await fetch(`${on.base}/api/admin/comments`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(response.status, 200);
  const cors = await launch(t, { LEDE_DB: ':memory:', LEDE_ALLOWED_ORIGINS: 'https://a.example,https://b.example' });
  const preflight = await fetch(`${cors.base}/api/comments`, {
    method: 'OPTIONS',
    headers: { Origin: 'https://b.example' },
  });
  assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://b.example');
});
