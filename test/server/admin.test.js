// Moderation: the admin API (Bearer token) and the `npm run moderate` CLI.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createServer } from '../../server/app.js';
import { approved, comment, database, postComment, run, start, tempDir } from './helpers.js';

const TOKEN = 'correct horse battery staple, twice';
const auth = { Authorization: `Bearer ${TOKEN}` };
const JSON_TYPE = 'application/json; charset=utf-8';

test('without LEDE_ADMIN_TOKEN the admin routes do not exist (404), even with a token sent', async (t) => {
  const base = await start(t);
  await postComment(base, comment());
  for (const [method, path] of [
    ['GET', '/api/admin/comments'],
    ['POST', '/api/admin/comments/1/approve'],
    ['DELETE', '/api/admin/comments/1'],
  ]) {
    const response = await fetch(base + path, { method, headers: { Authorization: 'Bearer ' } });
    assert.equal(response.status, 404, `${method} ${path}`);
    assert.equal(response.headers.get('content-type'), JSON_TYPE);
  }
});

test('a missing or wrong token is 401 with WWW-Authenticate', async (t) => {
  const base = await start(t, { adminToken: TOKEN });
  for (const headers of [
    {},
    { Authorization: 'Bearer wrong' },
    { Authorization: `Basic ${TOKEN}` },
    { Authorization: `Bearer ${TOKEN}x` },
    { Authorization: 'Bearer ' },
  ]) {
    const response = await fetch(`${base}/api/admin/comments`, { headers });
    assert.equal(response.status, 401, JSON.stringify(headers));
    assert.equal(response.headers.get('www-authenticate'), 'Bearer');
  }
});

test('a token under 32 characters is refused at start-up: createServer throws, the CLI exits with a message', async () => {
  assert.throws(() => createServer({ adminToken: 's3cret' }), /LEDE_ADMIN_TOKEN.*at least 32 characters/);
  assert.throws(() => createServer({ adminToken: 'x'.repeat(31) }), /at least 32/);
  createServer({ adminToken: 'x'.repeat(32) }).close();
  const short = await run('server/index.js', [], { PORT: '0', LEDE_DB: ':memory:', LEDE_ADMIN_TOKEN: 's3cret' });
  assert.notEqual(short.code, 0);
  assert.match(short.stderr, /LEDE_ADMIN_TOKEN.*at least 32 characters/);
  assert.doesNotMatch(short.stderr, /\n\s+at /, 'a message, not a stack trace');
});

test('10 failed token attempts a minute from one address: then 429 with Retry-After, even for the right token', async (t) => {
  const base = await start(t, { adminToken: TOKEN, trustProxy: true });
  const from = (address, token) =>
    fetch(`${base}/api/admin/comments`, { headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': address } });
  // Successes do not count.
  assert.equal((await from('198.51.100.1', TOKEN)).status, 200);
  for (let i = 1; i <= 10; i++) assert.equal((await from('198.51.100.1', `guess-${i}`)).status, 401, `attempt ${i}`);
  const blocked = await from('198.51.100.1', 'guess-11');
  assert.equal(blocked.status, 429);
  assert.equal(blocked.headers.get('content-type'), JSON_TYPE);
  const retryAfter = Number(blocked.headers.get('retry-after'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
  // The right token from that address waits too (or a guesser would learn from the 200 at full speed).
  assert.equal((await from('198.51.100.1', TOKEN)).status, 429);
  // Another address is not affected.
  assert.equal((await from('198.51.100.2', TOKEN)).status, 200);
  assert.equal((await from('198.51.100.2', 'wrong')).status, 401);
});

test('the admin API lists pending comments with email, approves and deletes', async (t) => {
  const base = await start(t, { adminToken: TOKEN });
  await postComment(base, comment({ content: 'one' }));
  await postComment(base, comment({ content: 'two' }));
  await postComment(base, comment({ content: 'three' }));

  const pending = await fetch(`${base}/api/admin/comments?status=pending`, { headers: auth });
  assert.equal(pending.status, 200);
  assert.equal(pending.headers.get('content-type'), JSON_TYPE);
  const queue = await pending.json();
  assert.deepEqual(
    queue.map((c) => c.content),
    ['one', 'two', 'three'],
  );
  assert.equal(queue[0].email, 'camille@example.fr', 'moderators see the email');
  assert.equal(queue[0].status, 'pending');

  const approve = await fetch(`${base}/api/admin/comments/1/approve`, { method: 'POST', headers: auth });
  assert.equal(approve.status, 200);
  assert.deepEqual(await approve.json(), { id: 1, status: 'approved' });
  assert.deepEqual(
    (await approved(base)).map((c) => c.content),
    ['one'],
  );

  const one = await fetch(`${base}/api/admin/comments/2`, { headers: auth });
  assert.equal((await one.json()).content, 'two');

  const removed = await fetch(`${base}/api/admin/comments/2`, { method: 'DELETE', headers: auth });
  assert.equal(removed.status, 200);
  assert.deepEqual(await removed.json(), { id: 2, deleted: true });
  const viaPost = await fetch(`${base}/api/admin/comments/3/delete`, { method: 'POST', headers: auth });
  assert.equal(viaPost.status, 200);

  assert.deepEqual(await (await fetch(`${base}/api/admin/comments`, { headers: auth })).json(), []);
  const list = await (await fetch(`${base}/api/admin/comments?status=approved`, { headers: auth })).json();
  assert.deepEqual(
    list.map((c) => c.id),
    [1],
  );
});

test('the admin lists take order=newest and a limit, for the most recent approvals', async (t) => {
  const base = await start(t, { adminToken: TOKEN });
  for (const content of ['one', 'two', 'three']) await postComment(base, comment({ content }));
  const list = async (query) => {
    const response = await fetch(`${base}/api/admin/comments?${query}`, { headers: auth });
    return { status: response.status, body: await response.json() };
  };
  assert.deepEqual(
    (await list('status=pending&order=newest')).body.map((c) => c.content),
    ['three', 'two', 'one'],
  );
  assert.deepEqual(
    (await list('status=pending&order=oldest&limit=2')).body.map((c) => c.content),
    ['one', 'two'],
  );
  for (const id of [1, 2, 3])
    await fetch(`${base}/api/admin/comments/${id}/approve`, { method: 'POST', headers: auth });
  assert.deepEqual(
    (await list('status=approved&order=newest&limit=2')).body.map((c) => c.content),
    ['three', 'two'],
  );
  assert.deepEqual(
    (await list('status=approved&limit=1000')).body.map((c) => c.content),
    ['one', 'two', 'three'],
  );
  assert.equal((await list('status=approved&order=newest&limit=2')).body[0].email, 'camille@example.fr');
  for (const query of ['order=latest', 'order=', 'limit=0', 'limit=1001', 'limit=', 'limit=2.5', 'limit=01']) {
    const answer = await list(`status=approved&${query}`);
    assert.equal(answer.status, 400, query);
    assert.ok(answer.body.errors.order || answer.body.errors.limit, query);
  }
});

test('admin errors: unknown id 404, bad status 400, wrong method 405 with Allow', async (t) => {
  const base = await start(t, { adminToken: TOKEN });
  const call = (method, path) => fetch(base + path, { method, headers: auth });
  assert.equal((await call('POST', '/api/admin/comments/42/approve')).status, 404);
  assert.equal((await call('DELETE', '/api/admin/comments/42')).status, 404);
  assert.equal((await call('GET', '/api/admin/comments/42')).status, 404);
  assert.equal((await call('GET', '/api/admin/comments/abc')).status, 404);
  assert.equal((await call('GET', '/api/admin/elsewhere')).status, 404);
  assert.equal((await call('GET', '/api/admin/comments?status=spam')).status, 400);
  const wrong = await call('GET', '/api/admin/comments/1/approve');
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get('allow'), 'POST');
  const list = await call('POST', '/api/admin/comments');
  assert.equal(list.status, 405);
  assert.equal(list.headers.get('allow'), 'GET, HEAD');
  assert.equal((await call('PUT', '/api/admin/comments/1')).headers.get('allow'), 'GET, HEAD, DELETE');
});

test('the moderation CLI shows control characters escaped, so a comment cannot rewrite the terminal', async (t) => {
  const file = (await database(t, { file: true })).url;
  const base = await start(t, { db: file });
  await postComment(
    base,
    comment({ name: 'Eve\u0007', content: 'wipe\u001b[2J here\rover \u009b31m \u202eevil\nnext line' }),
  );
  const list = await run('server/moderate.js', ['list'], { LEDE_DB: file });
  assert.equal(list.code, 0, list.stderr);
  assert.ok(list.stdout.includes('wipe\\x1b[2J here\\rover \\x9b31m \\u202eevil next line'), list.stdout);
  assert.ok(list.stdout.includes('Eve\\x07 <'), list.stdout);
  // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
  assert.doesNotMatch(list.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
});

test('the moderation CLI lists, approves and deletes on the same database as a running server', async (t) => {
  const file = (await database(t, { file: true })).url;
  const base = await start(t, { db: file });
  await postComment(base, comment({ content: 'first \u001b[31mred\u001b[0m' }));
  await postComment(base, comment({ content: 'second' }));
  const env = { LEDE_DB: file };

  const list = await run('server/moderate.js', ['list'], env);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /#1 .*\n.*camille@example\.fr/);
  assert.match(list.stdout, /second/);
  assert.ok(!list.stdout.includes('\u001b'), 'no terminal escape sequences from readers');
  // Under the list: the commands that approve or delete what was listed.
  assert.match(
    list.stdout,
    /second\n\nApprove: npm run moderate -- approve 1 2\nDelete: {2}npm run moderate -- delete 1 2\n$/,
  );

  const approve = await run('server/moderate.js', ['approve', '1'], env);
  assert.equal(approve.code, 0, approve.stderr);
  assert.deepEqual(
    (await approved(base)).map((c) => c.id),
    [1],
    'the running server sees the approval',
  );

  const remove = await run('server/moderate.js', ['delete', '2'], env);
  assert.equal(remove.code, 0, remove.stderr);
  assert.match((await run('server/moderate.js', ['list'], env)).stdout, /No pending comments/);
  const listed = (await run('server/moderate.js', ['list', 'approved'], env)).stdout;
  assert.match(listed, /#1 /);
  assert.match(listed, /\nDelete: {2}npm run moderate -- delete 1\n$/, 'approved comments can only be deleted');
  assert.doesNotMatch(listed, /Approve:/);
  assert.doesNotMatch((await run('server/moderate.js', ['list'], env)).stdout, /Approve:|Delete:/, 'nothing to act on');

  const missing = await run('server/moderate.js', ['approve', '99'], env);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /#99: no such comment/);
  const usage = await run('server/moderate.js', ['approve', 'x'], env);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /Usage/);
  const nothing = await run('server/moderate.js', ['list'], { LEDE_DB: join(tempDir(t), 'none.db') });
  assert.equal(nothing.code, 1);
  assert.match(nothing.stderr, /No database/);
  const unreachable = await run('server/moderate.js', ['list'], { LEDE_DB: 'postgres://nobody@127.0.0.1:1/none' });
  assert.equal(unreachable.code, 1);
  assert.match(unreachable.stderr, /could not be opened/);
});
