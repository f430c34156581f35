// The public API: POST /api/comments and GET /api/comments?post=ID.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { approved, comment, database, postComment, postRaw, start } from './helpers.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Approves a comment straight in the database (the admin routes have their own tests). */
const approve = (db, id) => db.query(`UPDATE comments SET status = 'approved' WHERE id = ?`, id);

test('a valid comment is answered 201 { id, status: "pending" } and is not public yet', async (t) => {
  const base = await start(t);
  const { response, body } = await postComment(base, comment());
  assert.equal(response.status, 201);
  assert.equal(response.headers.get('content-type'), JSON_TYPE);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(body, { id: 1, status: 'pending' });
  assert.deepEqual(await approved(base), []);
});

test('GET lists approved comments of that post only, oldest first, without email or address', async (t) => {
  const db = await database(t);
  const base = await start(t, { db: db.db });
  for (const [post, content] of [
    ['a', 'first'],
    ['b', 'other post'],
    ['a', 'second'],
    ['a', 'still pending'],
  ]) {
    await postComment(base, comment({ post, content, url: 'https://camille.example/' }));
  }
  await approve(db, 1);
  await approve(db, 2);
  await approve(db, 3);
  const response = await fetch(`${base}/api/comments?post=a`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), JSON_TYPE);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  const text = await response.text();
  const list = JSON.parse(text);
  assert.deepEqual(
    list.map((c) => c.content),
    ['first', 'second'],
  );
  for (const c of list) {
    assert.deepEqual(Object.keys(c).sort(), ['content', 'created', 'id', 'name', 'parent', 'post', 'url']);
    assert.ok(!Number.isNaN(Date.parse(c.created)));
  }
  assert.equal(list[0].url, 'https://camille.example/');
  assert.ok(!text.includes('camille@example.fr'), 'no email');
  assert.ok(!text.includes('127.0.0.1'), 'no address');
  assert.deepEqual(await approved(base, 'nothing-here'), []);
});

test('GET without ?post is 400; HEAD works; other methods are 405 with Allow', async (t) => {
  const base = await start(t);
  const missing = await fetch(`${base}/api/comments`);
  assert.equal(missing.status, 400);
  assert.ok((await missing.json()).errors.post);
  const head = await fetch(`${base}/api/comments?post=a`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-type'), JSON_TYPE);
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    const response = await fetch(`${base}/api/comments`, { method });
    assert.equal(response.status, 405, method);
    assert.equal(response.headers.get('allow'), 'GET, HEAD, POST, OPTIONS');
    assert.equal(response.headers.get('content-type'), JSON_TYPE);
  }
  const unknown = await fetch(`${base}/api/nothing`);
  assert.equal(unknown.status, 404);
  assert.equal(unknown.headers.get('content-type'), JSON_TYPE);
});

test('field errors are 400 { errors: { field: message } } named like the payload, and nothing is stored', async (t) => {
  const db = await database(t);
  const base = await start(t, { db: db.db });
  const cases = [
    [{ post: '' }, 'post'],
    [{ post: undefined }, 'post'],
    [{ name: '' }, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'n'.repeat(246) }, 'name'],
    [{ email: '' }, 'email'],
    [{ email: 'not-an-address' }, 'email'],
    [{ email: 'camille@localhost' }, 'email'], // the form wants a dot in the domain too
    [{ email: `${'e'.repeat(96)}@a.fr` }, 'email'], // 101 characters
    [{ url: 'javascript:alert(1)' }, 'url'],
    [{ url: 'ftp://example.com/' }, 'url'],
    [{ url: 'anne' }, 'url'], // no dot in the host
    [{ url: 'anne .fr' }, 'url'],
    [{ url: 'localhost:3000' }, 'url'],
    [{ url: `example.com/${'u'.repeat(181)}` }, 'url'], // 193 characters typed, 201 with https://
    [{ url: `https://example.com/${'u'.repeat(181)}` }, 'url'],
    [{ content: '' }, 'content'],
    [{ content: 'c'.repeat(5001) }, 'content'],
    [{ content: 42 }, 'content'],
    [{ parent: 99 }, 'parent'],
    [{ parent: 'abc' }, 'parent'],
  ];
  for (const [fields, field] of cases) {
    const { response, body } = await postComment(base, comment(fields));
    assert.equal(response.status, 400, JSON.stringify(fields));
    assert.deepEqual(Object.keys(body.errors), [field], JSON.stringify(fields));
    assert.equal(typeof body.errors[field], 'string');
  }
  const many = await postComment(base, comment({ name: '', email: 'x', content: '' }));
  assert.deepEqual(Object.keys(many.body.errors), ['name', 'email', 'content']);
  assert.equal(await db.count(), 0);
});

test('invalid UTF-8, lone surrogates and NUL are refused with 400, not stored altered', async (t) => {
  const db = await database(t);
  const base = await start(t, { db: db.db });
  const [before, after] = JSON.stringify(comment({ content: 'X' })).split('X');
  const bytes = (...middle) => Buffer.concat([Buffer.from(before), Buffer.from(middle), Buffer.from(after)]);
  for (const body of [
    bytes(0xff), // never valid in UTF-8
    bytes(0xc3), // a truncated sequence
    bytes(0xc0, 0xaf), // an overlong "/"
    bytes(0xed, 0xa0, 0x80), // a surrogate encoded as UTF-8 (CESU)
    `${before}\\ud800${after}`, // a lone high surrogate as a JSON escape
    `${before}a\\udc00b${after}`, // a lone low surrogate
    `${before}a\\u0000b${after}`, // NUL, which PostgreSQL's text cannot hold
  ]) {
    const response = await postRaw(base, body);
    assert.equal(response.status, 400, String(body));
    assert.equal(typeof (await response.json()).error, 'string');
  }
  const name = await postRaw(base, JSON.stringify(comment()).replace('"Camille"', '"Cam\\udbffille"'));
  assert.equal(name.status, 400, 'any string of the body');
  assert.equal(await db.count(), 0);
  // A well-formed pair is text like any other.
  assert.equal((await postRaw(base, `${before}\\ud83d\\ude00${after}`)).status, 201);
  assert.equal((await db.query('SELECT content FROM comments'))[0].content, '😀');
});

test('post must be a string: a number (1e999 would be "Infinity") is a field error', async (t) => {
  const base = await start(t);
  for (const post of ['1e999', '42', '-0', 'true']) {
    const response = await postRaw(base, JSON.stringify(comment()).replace('"europol-telegram"', post));
    assert.equal(response.status, 400, post);
    assert.deepEqual(Object.keys((await response.json()).errors), ['post'], post);
  }
  assert.equal((await postComment(base, comment({ post: '42' }))).response.status, 201);
});

test('names and comments made only of zero-width characters and spaces count as empty', async (t) => {
  const base = await start(t);
  for (const blank of ['\u200b', '\u200c\u200d', ' \u2060 ', '\ufeff', '\u200b\n\t\u200b']) {
    const { response, body } = await postComment(base, comment({ name: blank, content: blank }));
    assert.equal(response.status, 400, JSON.stringify(blank));
    assert.deepEqual(
      body.errors,
      { name: 'This field is required.', content: 'This field is required.' },
      JSON.stringify(blank),
    );
  }
  // Zero-width characters inside real text are kept (they join emoji and some scripts).
  assert.equal((await postComment(base, comment({ content: 'Merci 👩\u200d💻' }))).response.status, 201);
});

test('the limits themselves are accepted, and messages follow Accept-Language', async (t) => {
  const base = await start(t);
  const atLimits = comment({
    name: 'n'.repeat(245),
    email: `${'e'.repeat(96)}@a.f`, // 100
    url: `https://example.com/${'u'.repeat(180)}`,
    content: '😀'.repeat(5000), // 5000 characters (10 000 UTF-16 units)
  });
  assert.equal((await postComment(base, atLimits)).response.status, 201);
  assert.equal(
    (await postComment(base, comment({ email: 'josé@exemple.fr' }))).response.status,
    201,
    'the form accepts it',
  );
  const fr = await postComment(base, comment({ name: '' }), { 'Accept-Language': 'fr-FR,fr;q=0.9' });
  assert.equal(fr.body.errors.name, 'Ce champ est obligatoire.');
  const en = await postComment(base, comment({ name: '' }), { 'Accept-Language': 'en' });
  assert.equal(en.body.errors.name, 'This field is required.');
});

test('a reply needs an approved parent on the same post', async (t) => {
  const db = await database(t);
  const base = await start(t, { db: db.db });
  await postComment(base, comment());
  assert.equal((await postComment(base, comment({ parent: 1 }))).response.status, 400, 'parent still pending');
  await approve(db, 1);
  assert.equal((await postComment(base, comment({ parent: 1, post: 'other' }))).response.status, 400, 'other post');
  const reply = await postComment(base, comment({ parent: '1', content: 'reply' }));
  assert.equal(reply.response.status, 201);
  await approve(db, reply.body.id);
  const list = await approved(base);
  assert.equal(list[1].parent, 1);
});

test('a body that is not JSON, not an object or not sent as JSON is refused', async (t) => {
  const base = await start(t);
  const send = (body, type) => postRaw(base, body, type);
  for (const body of ['{not json', '', '[1,2]', 'null', '"text"']) {
    const response = await send(body);
    assert.equal(response.status, 400, body);
    assert.equal(typeof (await response.json()).error, 'string');
  }
  // A cross-site HTML form can send these without a CORS preflight: refused before the body is read.
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const response = await send(JSON.stringify(comment()), type);
    assert.equal(response.status, 415, type);
  }
  const charset = await send(JSON.stringify(comment()), 'application/json; charset=utf-8');
  assert.equal(charset.status, 201);
});

test(
  'bodies over 64 KiB get 413, whether announced or streamed; 64 KiB exactly is read',
  { timeout: 5000 },
  async (t) => {
    const db = await database(t);
    const base = await start(t, { db: db.db });
    const body = JSON.stringify(comment());
    const padded = (size) => body + ' '.repeat(size - Buffer.byteLength(body));
    const announced = await postRaw(base, padded(64 * 1024 + 1));
    assert.equal(announced.status, 413);
    assert.equal(announced.headers.get('content-type'), JSON_TYPE);

    // Chunked, with no Content-Length, and never finished: the server answers 413 and closes the connection
    // as soon as 64 KiB are passed, without waiting for the rest of the body.
    const { port } = new URL(base);
    const socket = connect(Number(port), '127.0.0.1');
    const head =
      'POST /api/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    const chunk = `${(40 * 1024).toString(16)}\r\n${' '.repeat(40 * 1024)}\r\n`;
    socket.write(head + chunk + chunk);
    let answer = '';
    socket.on('data', (data) => (answer += data));
    await new Promise((resolve) => socket.on('close', resolve));
    assert.match(answer, /^HTTP\/1\.1 413 /);
    assert.match(answer, /connection: close/i);

    // Exactly at the limit (a comment padded with whitespace): read and accepted.
    const atLimit = await postRaw(base, padded(64 * 1024));
    assert.equal(atLimit.status, 201);
    assert.equal(await db.count(), 1);
  },
);

test('a repeated Idempotency-Key gets the first answer and no second row, even after a restart', async (t) => {
  const { db: file, count } = await database(t, { file: true });
  const base = await start(t, { db: file });
  const key = { 'Idempotency-Key': 'draft-7f3a' };
  const first = await postComment(base, comment(), key);
  assert.equal(first.response.status, 201);
  const again = await postComment(base, comment(), key);
  assert.equal(again.response.status, 201);
  assert.deepEqual(again.body, first.body);
  // Another body under the same key is not a retry (idempotency.test.js has the details).
  assert.equal((await postComment(base, comment({ content: 'another text' }), key)).response.status, 422);
  const other = await postComment(base, comment({ content: 'Another comment.' }), {
    'Idempotency-Key': 'another-draft',
  });
  assert.notDeepEqual(other.body, first.body);

  // A new server on the same file still knows the key.
  const restarted = await start(t, { db: file });
  const third = await postComment(restarted, comment(), key);
  assert.equal(third.response.status, 201);
  assert.deepEqual(third.body, first.body);
  assert.equal(await count(), 2);
});

test('a failed attempt does not use up its Idempotency-Key, so the corrected draft goes through', async (t) => {
  const base = await start(t);
  const key = { 'Idempotency-Key': 'draft-1' };
  const invalid = await postComment(base, comment({ email: 'oops' }), key);
  assert.equal(invalid.response.status, 400);
  const fixed = await postComment(base, comment(), key);
  assert.equal(fixed.response.status, 201);
  const tooLong = await postComment(base, comment(), { 'Idempotency-Key': 'k'.repeat(201) });
  assert.equal(tooLong.response.status, 400);
});

test('more than 5 comments a minute from one address get 429 with Retry-After; retries of a sent one do not', async (t) => {
  const db = await database(t);
  const base = await start(t, { db: db.db });
  for (let i = 1; i <= 5; i++) {
    const { response } = await postComment(base, comment({ content: `comment ${i}` }), { 'Idempotency-Key': `k${i}` });
    assert.equal(response.status, 201, `comment ${i}`);
  }
  const sixth = await postComment(base, comment({ content: 'comment 6' }));
  assert.equal(sixth.response.status, 429);
  assert.equal(sixth.response.headers.get('content-type'), JSON_TYPE);
  const retryAfter = Number(sixth.response.headers.get('retry-after'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
  // The answer to a lost response is still given: it is not a new comment.
  const retry = await postComment(base, comment({ content: 'comment 3' }), { 'Idempotency-Key': 'k3' });
  assert.equal(retry.response.status, 201);
  assert.equal(await db.count(), 5);

  // Once the oldest of the five is more than a minute old, the address may post again.
  await db.query('UPDATE comments SET created = created - 61000 WHERE id = 1');
  assert.equal((await postComment(base, comment({ content: 'later' }))).response.status, 201);
});

test('a filled honeypot gets the same 201 pending answer, and nothing is stored', async (t) => {
  const db = await database(t);
  const base = await start(t, { db: db.db });
  const bot = await postComment(base, comment({ honeypot: 'http://spam.example/' }));
  assert.equal(bot.response.status, 201);
  assert.deepEqual(Object.keys(bot.body), ['id', 'status']);
  assert.equal(bot.body.status, 'pending');
  assert.equal(typeof bot.body.id, 'number');
  assert.equal(await db.count(), 0);
  const person = await postComment(base, comment({ honeypot: '' }));
  assert.equal(person.response.status, 201);
  assert.equal(await db.count(), 1);
});

test('CORS: only listed origins get Access-Control-Allow-Origin and a preflight answer', async (t) => {
  const base = await start(t, { allowedOrigins: 'https://blog.example, https://www.example.org/' });
  const preflight = (origin) =>
    fetch(`${base}/api/comments`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
  const allowed = await preflight('https://blog.example');
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://blog.example');
  assert.equal(allowed.headers.get('access-control-allow-headers'), 'Content-Type, Idempotency-Key, X-CSRF-Token');
  assert.match(allowed.headers.get('access-control-allow-methods'), /POST/);
  assert.equal(
    (await preflight('https://www.example.org')).headers.get('access-control-allow-origin'),
    'https://www.example.org',
  );

  const refused = await preflight('https://evil.example');
  assert.equal(refused.headers.get('access-control-allow-origin'), null);
  assert.equal(refused.headers.get('access-control-allow-headers'), null);

  const post = await postComment(base, comment(), { Origin: 'https://blog.example' });
  assert.equal(post.response.headers.get('access-control-allow-origin'), 'https://blog.example');
  assert.equal(post.response.headers.get('access-control-expose-headers'), 'Retry-After');
  assert.match(post.response.headers.get('vary'), /Origin/);
  const get = await fetch(`${base}/api/comments?post=a`, { headers: { Origin: 'https://evil.example' } });
  assert.equal(get.headers.get('access-control-allow-origin'), null);

  const none = await start(t);
  const closed = await fetch(`${none}/api/comments`, {
    method: 'OPTIONS',
    headers: { Origin: 'https://blog.example' },
  });
  assert.equal(closed.headers.get('access-control-allow-origin'), null);
});

test('behind a trusted proxy the rate limit counts the last X-Forwarded-For address; without trust it is ignored', async (t) => {
  const post = (base, i, via) => postComment(base, comment({ content: `comment ${i}` }), { 'X-Forwarded-For': via });
  const proxied = await start(t, { trustProxy: true });
  for (let i = 1; i <= 5; i++)
    assert.equal((await post(proxied, i, `203.0.113.9, 198.51.100.${i}`)).response.status, 201);
  // Five readers behind one proxy: a sixth reader is not limited, the first reader's sixth comment is, whatever
  // it puts in front of the header.
  assert.equal((await post(proxied, 6, '198.51.100.6')).response.status, 201);
  for (let i = 7; i <= 10; i++)
    assert.equal((await post(proxied, i, `10.0.0.${i}, 198.51.100.1`)).response.status, 201, `comment ${i}`);
  assert.equal((await post(proxied, 11, '198.51.100.1')).response.status, 429);

  const direct = await start(t);
  for (let i = 1; i <= 5; i++) assert.equal((await post(direct, i, `198.51.100.${i}`)).response.status, 201);
  assert.equal((await post(direct, 6, '198.51.100.6')).response.status, 429, 'a forged header changes nothing');
});

test('with requireEmail off (LEDE_REQUIRE_EMAIL=0) name and email are optional; an email given is still checked', async (t) => {
  const strict = await start(t);
  const anonymous = comment({ name: '', email: '' });
  assert.deepEqual(Object.keys((await postComment(strict, anonymous)).body.errors).sort(), ['email', 'name']);
  const open = await start(t, { requireEmail: false });
  assert.equal((await postComment(open, anonymous)).response.status, 201);
  const invalid = await postComment(open, comment({ name: '', email: 'oops', content: 'Other text.' }));
  assert.equal(invalid.response.status, 400);
  assert.deepEqual(Object.keys(invalid.body.errors), ['email']);
});

test('a website without a scheme is accepted and stored with https://, as the form sends it', async (t) => {
  const db = await database(t);
  const base = await start(t, { db: db.db });
  for (const url of ['anne.fr', '  www.anne.fr/blog  ', 'http://anne.fr/']) {
    assert.equal((await postComment(base, comment({ url }))).response.status, 201, url);
  }
  const stored = (await db.query('SELECT url FROM comments ORDER BY id')).map((row) => row.url);
  assert.deepEqual(stored, ['https://anne.fr', 'https://www.anne.fr/blog', 'http://anne.fr/']);
  const { body } = await postComment(base, comment({ url: 'anne' }), { 'Accept-Language': 'fr' });
  assert.equal(body.errors.url, 'Saisissez une adresse web, par exemple exemple.fr.');
});
