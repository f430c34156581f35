// Connections: a body trickling in is cut at the request timeout, and one address cannot hold every connection.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { createServer } from '../../server/app.js';
import { start } from './helpers.js';

/** A raw connection to the server; `closed` resolves with the time it was closed and what the server said. */
function open(base) {
  const { port } = new URL(base);
  const socket = connect(Number(port), '127.0.0.1');
  let answer = '';
  socket.on('data', (data) => (answer += data));
  socket.on('error', () => {});
  const closed = new Promise((resolve) => socket.on('close', () => resolve({ at: Date.now(), answer })));
  return { socket, closed, ready: new Promise((resolve) => socket.on('connect', resolve)) };
}

/** `promise`'s value, or null when it takes more than `ms` (the timer does not keep the test process alive). */
function within(promise, ms) {
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

test(
  'a body sent one byte at a time is cut at requestTimeout, not at the next 30 s check',
  { timeout: 15_000 },
  async (t) => {
    const base = await start(t, { requestTimeout: 2000 });
    const { socket, closed, ready } = open(base);
    await ready;
    const started = Date.now();
    socket.write(
      'POST /api/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
    );
    // One byte every 250 ms: the connection is never idle, so only the whole-request limit can stop it.
    const drip = setInterval(() => socket.writable && socket.write(' '), 250);
    const result = await within(closed, 8000);
    clearInterval(drip);
    socket.destroy();
    assert.ok(result, 'the connection is still open after 8 s');
    const elapsed = result.at - started;
    // requestTimeout 2 s, checked every 500 ms (a quarter of it): closed between 2 and 2.5 s, plus scheduling slack.
    assert.ok(elapsed >= 1900 && elapsed < 3500, `closed after ${elapsed} ms`);
    assert.match(result.answer, /^HTTP\/1\.1 408 /);
  },
);

test('by default requests are cut at 30 s (headers too), checked every second; 200 connections, 20 per address', () => {
  const server = createServer();
  assert.equal(server.requestTimeout, 30_000);
  assert.equal(server.headersTimeout, 30_000);
  assert.equal(server.connectionsCheckingInterval, 1000);
  assert.equal(server.maxConnections, 200);
  server.close();
});

test(
  'one address holds at most maxConnectionsPerAddress connections; the next is closed at once',
  { timeout: 10_000 },
  async (t) => {
    const base = await start(t, { maxConnectionsPerAddress: 3 });
    const held = [open(base), open(base), open(base)];
    await Promise.all(held.map((c) => c.ready));
    t.after(() => held.forEach((c) => c.socket.destroy()));
    // The fourth is closed without an answer; the three others still work.
    const fourth = open(base);
    const result = await within(fourth.closed, 2000);
    fourth.socket.destroy();
    assert.ok(result, 'a fourth connection from the same address was kept open');
    held[0].socket.write('GET /api/comments?post=a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match((await held[0].closed).answer, /^HTTP\/1\.1 200 /);
    // Once one is closed, the address may connect again.
    const fifth = open(base);
    await fifth.ready;
    fifth.socket.write('GET /api/comments?post=a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match((await fifth.closed).answer, /^HTTP\/1\.1 200 /);
  },
);
