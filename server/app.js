// The comment server as a function: `createServer(options)` returns a node:http Server, not yet listening,
// so the CLI listens on PORT and tests listen on port 0. Routes:
//   GET  /api/comments?post=ID                 approved comments of a post, oldest first (cacheable: ETag, max-age)
//   GET  /api/comments?post=ID&limit=N         one page of them: { comments: [...], next: cursor | null }, N 1..100
//   GET  /api/comments?post=ID&limit=N&after=C the page after cursor C (a page's `next`); cacheable per URL too
//   POST /api/comments                         a new comment (JSON), pending moderation
//   GET  /api/admin/comments?status=pending    moderation queue (Bearer token); status=approved: the approved ones;
//                                              &order=newest: newest first; &limit=N: the first N (1..1000)
//   POST /api/admin/comments/:id/approve       approve
//   DELETE /api/admin/comments/:id             delete (also POST /api/admin/comments/:id/delete)
//   GET  /admin/                               the moderation page (build/admin/), only with an admin token
//   anything else                              demo/ at /, dist/ at /dist/
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from './store.js';
import { isAdminPage, serveStatic } from './static.js';
import { language, validate } from './validate.js';

export { CONTENT_SECURITY_POLICY } from './static.js';

export const BODY_LIMIT = 64 * 1024;
export const RATE_LIMIT = { max: 5, window: 60_000 };
/** Failed admin token attempts allowed per address and window; past them every admin request is 429. */
export const ADMIN_FAILURES = { max: 10, window: 60_000 };
/** The shortest admin token accepted: 32 characters (about 190 bits as base64, e.g. `openssl rand -base64 32`). */
export const ADMIN_TOKEN_MIN = 32;
/** Pages of the public list: `limit` is 1 to `max`; `after` without `limit` gives pages of `defaultLimit`. */
export const PAGE = { defaultLimit: 50, max: 100 };
/** The most comments one admin list gives with `limit`. */
export const ADMIN_LIMIT = 1000;
/** Defaults of the public list's Cache-Control, in seconds (createServer options of the same names). */
export const CACHE = { cacheMaxAge: 60, cacheStaleWhileRevalidate: 600 };
/** Defaults of the connection limits (createServer options of the same names). */
export const LIMITS = { requestTimeout: 30_000, maxConnections: 200, maxConnectionsPerAddress: 20 };
const CORS_HEADERS = 'Content-Type, Idempotency-Key, X-CSRF-Token';
const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ db?: string | import('better-sqlite3').Database, poolSize?: number, adminToken?: string,
 *   allowedOrigins?: string | string[], trustProxy?: boolean, requireEmail?: boolean, root?: string,
 *   requestTimeout?: number, maxConnections?: number, maxConnectionsPerAddress?: number,
 *   cacheMaxAge?: number, cacheStaleWhileRevalidate?: number }} [options]
 *   db: a postgres:// URL, a SQLite file name, ':memory:' (default) or an open better-sqlite3 database; poolSize:
 *   PostgreSQL connections in the pool (10); adminToken: turns /api/admin/ and the moderation page /admin/ on;
 *   allowedOrigins: origins allowed to call /api/comments from other sites; trustProxy: the server sits behind one
 *   reverse proxy, and the reader's address is the last one of `X-Forwarded-For`; requireEmail: false accepts
 *   comments without name and email (forms with `require-email="false"`); root: folder holding demo/ and dist/;
 *   requestTimeout: ms a whole request (headers and body) may take, 30 s; maxConnections: open connections in all,
 *   200; maxConnectionsPerAddress: open connections from one client address, 20 (not applied with trustProxy, where
 *   every reader comes from the proxy's address); cacheMaxAge: seconds a browser or CDN may keep the public list of a
 *   post (60), so a newly approved comment shows within that time; cacheStaleWhileRevalidate: seconds past that a
 *   cache may still answer with it while it fetches the new one (600; 0 leaves the directive out).
 */
export function createServer({
  db = ':memory:',
  poolSize = 10,
  adminToken = '',
  allowedOrigins = [],
  trustProxy = false,
  requireEmail = true,
  root = PROJECT,
  requestTimeout = LIMITS.requestTimeout,
  maxConnections = LIMITS.maxConnections,
  maxConnectionsPerAddress = LIMITS.maxConnectionsPerAddress,
  cacheMaxAge = CACHE.cacheMaxAge,
  cacheStaleWhileRevalidate = CACHE.cacheStaleWhileRevalidate,
} = {}) {
  for (const [name, value] of Object.entries({ cacheMaxAge, cacheStaleWhileRevalidate })) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new Error(`${name} must be a whole number of seconds, 0 or more (it is ${value}).`);
  }
  // The public list is the same for every reader (approved comments, public columns only), so shared caches may
  // keep it; its ETag lets them revalidate with a 304 instead of the whole list.
  const listCaching = `public, max-age=${cacheMaxAge}${cacheStaleWhileRevalidate ? `, stale-while-revalidate=${cacheStaleWhileRevalidate}` : ''}`;
  if (adminToken && adminToken.length < ADMIN_TOKEN_MIN) {
    throw new Error(
      `LEDE_ADMIN_TOKEN must be at least ${ADMIN_TOKEN_MIN} characters (it has ${adminToken.length}); ` +
        'make one with `openssl rand -base64 32`.',
    );
  }
  // The store opens (and migrates) in the background; requests wait for it, and `server.ready` says when it is
  // open or why it failed (index.js waits for it before listening).
  const opening = openStore(db, { poolSize });
  opening.catch(() => {}); // reported through `ready` and to each request, never as an unhandled rejection
  /** @type {import('./store.js').Store} */
  let store;
  const origins = new Set(
    (typeof allowedOrigins === 'string' ? allowedOrigins.split(',') : allowedOrigins)
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  );
  const tokenHash = adminToken ? sha256(adminToken) : null;
  /** Recent failed admin token attempts per client address (times in ms), kept in memory. @type {Map<string, number[]>} */
  const failures = new Map();

  /** The reader's address: the socket's, or behind a trusted proxy the last `X-Forwarded-For` entry. */
  const clientAddress = (/** @type {import('node:http').IncomingMessage} */ req) => {
    // Behind a proxy every reader arrives from the proxy's address; the proxy appends the reader's own to
    // X-Forwarded-For, after whatever the reader sent, so only the last entry can be trusted.
    const forwarded =
      trustProxy &&
      String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .at(-1)
        ?.trim();
    return forwarded || req.socket.remoteAddress || '';
  };

  // Node checks these timeouts only every connectionsCheckingInterval (30 s by default), so with the defaults a body
  // sent one byte at a time ran for about a minute. The headers get the same limit as the whole request; the check
  // runs every second (a quarter of the limit when that is shorter), so a request is cut within limit + 1 s.
  const timeouts = {
    requestTimeout,
    headersTimeout: requestTimeout,
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(requestTimeout / 4))),
  };
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler catches every error itself
  const server = createHttpServer(timeouts, async (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    try {
      if (!req.url?.startsWith('/')) return send(res, 400, { error: 'Bad request target.' });
      const at = req.url.indexOf('?');
      const pathname = at < 0 ? req.url : req.url.slice(0, at);
      const query = new URLSearchParams(at < 0 ? '' : req.url.slice(at + 1));
      if (pathname === '/api/comments' || pathname.startsWith('/api/admin/')) store ??= await opening;
      if (pathname === '/api/comments') return await comments(req, res, query);
      if (pathname.startsWith('/api/admin/')) return await admin(req, res, query, pathname);
      if (pathname === '/api' || pathname.startsWith('/api/')) return send(res, 404, { error: 'Not found.' });
      if (isAdminPage(pathname)) {
        // Without a token the moderation page does not exist, like the admin API it calls.
        if (!tokenHash) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
          return res.end('Not found\n');
        }
        if (pathname === '/admin') {
          res.writeHead(301, {
            Location: `/admin/${at < 0 ? '' : req.url.slice(at)}`,
            'Content-Type': 'text/plain; charset=utf-8',
          });
          return res.end('Moved to /admin/\n');
        }
      }
      // Server-rendered pages carry the approved comments of their comment sections.
      return await serveStatic(req, res, root, pathname, async (post) => (store ??= await opening).approved(post));
    } catch (error) {
      // Another connection (the moderation CLI, a second server) held SQLite's write lock past busy_timeout, or
      // PostgreSQL is unreachable or out of connections: the reader retries, as for a 429; a 500 would say the
      // comment can never go through.
      if (isBusy(error) && !res.headersSent) {
        return send(res, 503, { error: 'The database is busy; try again in a moment.' }, { 'Retry-After': '1' });
      }
      console.error(error);
      if (!res.headersSent) send(res, 500, { error: 'Internal error.' });
      else res.destroy();
    }
  });
  server.maxConnections = maxConnections;
  if (!trustProxy) limitPerAddress(server, maxConnectionsPerAddress);
  // A database passed in stays open.
  if (typeof db === 'string') server.on('close', () => void opening.then((open) => open.close()).catch(() => {}));
  /** Resolves with the server once its database is open and migrated; rejects when it cannot be opened. */
  const ready = opening.then(() => server);
  ready.catch(() => {});

  /**
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @param {URLSearchParams} query
   */
  async function comments(req, res, query) {
    const origin = req.headers.origin;
    res.setHeader('Vary', 'Origin');
    if (origin && origins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    }
    const allow = 'GET, HEAD, POST, OPTIONS';
    if (req.method === 'OPTIONS') {
      const headers = { Allow: allow };
      if (origin && origins.has(origin)) {
        Object.assign(headers, {
          'Access-Control-Allow-Methods': 'GET, POST',
          'Access-Control-Allow-Headers': CORS_HEADERS,
          'Access-Control-Max-Age': '600',
        });
      }
      res.writeHead(204, headers);
      return res.end();
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const post = query.get('post');
      if (!post) return send(res, 400, { errors: { post: 'This parameter is required.' } });
      // Without `limit` or `after`, the whole list as it always was: a bare array.
      if (!query.has('limit') && !query.has('after')) return list(req, res, await store.approved(post));
      const limit = query.has('limit') ? wholeNumber(query.get('limit'), PAGE.max) : PAGE.defaultLimit;
      if (limit === null) return send(res, 400, { errors: { limit: `A whole number from 1 to ${PAGE.max}.` } });
      const after = query.has('after') ? decodeCursor(query.get('after')) : null;
      if (after === undefined) return send(res, 400, { errors: { after: "Not a cursor: use a page's `next`." } });
      const page = await store.approvedPage(post, { limit, after });
      return list(req, res, { comments: page.comments, next: page.next && encodeCursor(page.next) });
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'Method not allowed.' }, { Allow: allow });
    return post(req, res);
  }

  /**
   * The public list with its validator: the ETag is a digest of the exact bytes, so it changes when a comment is
   * approved, edited away or deleted, and not when a pending one arrives. No cache of its own: every request reads
   * the database, so a cache in front shows a new approval once its copy is `cacheMaxAge` old.
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @param {import('./store.js').PublicComment[] | { comments: import('./store.js').PublicComment[], next: string | null }} comments
   *   the whole list, or one page of it
   */
  function list(req, res, comments) {
    const text = JSON.stringify(comments);
    const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
    const headers = { ETag: etag, 'Cache-Control': listCaching };
    if (matches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      return res.end();
    }
    return send(res, 200, comments, headers, text);
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function post(req, res) {
    // Only JSON: a cross-site HTML form cannot send it, and a cross-site script must pass the CORS preflight.
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      return send(res, 415, { error: 'Send the comment as application/json.' });
    }
    const raw = await readBody(req, BODY_LIMIT);
    if (raw === undefined) return; // the connection closed first (request timeout, or the client left)
    if (raw === null) return tooLarge(req, res);
    // Text that is not UTF-8 (or holds a lone surrogate, which JSON's \uD800 escapes allow) is refused, not
    // stored with U+FFFD in place of what the reader wrote.
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return send(res, 400, { error: 'The body is not valid UTF-8.' });
    }
    /** @type {unknown} */
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      return send(res, 400, { error: 'The body is not valid JSON.' });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return send(res, 400, { error: 'The body must be a JSON object.' });
    }
    if (!wellFormed(body))
      return send(res, 400, { error: 'The body holds a lone surrogate (\\uD800-\\uDFFF), not text.' });
    // PostgreSQL's text cannot hold U+0000, and no reader types it: refused on both stores alike.
    if (holdsNul(body)) return send(res, 400, { error: 'The body holds a NUL character (\\u0000), not text.' });

    const key = req.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !key || key.length > 200)) {
      return send(res, 400, { error: 'Idempotency-Key must be 1 to 200 characters.' });
    }
    // A key belongs to one request body (Stripe's rule): the first answer is replayed only to the same body,
    // so a key reused by another client or for another comment is refused, never answered with someone's 201.
    const fingerprint = sha256(canonical(body)).toString('hex');
    const first = key && (await store.answerFor(key, fingerprint));
    if (first === 'conflict') return keyConflict(res);
    if (first) return send(res, first.status, first.body);

    const address = clientAddress(req);
    const result = await validate(
      /** @type {Record<string, unknown>} */ (body),
      language(req.headers['accept-language']),
      (post, id) => store.isApproved(post, id),
      requireEmail,
    );
    if ('errors' in result) return send(res, 400, result);
    // A filled honeypot is a bot: it gets the same answer as a person, and nothing is stored.
    const { honeypot } = /** @type {{ honeypot?: unknown }} */ (body);
    const bot = honeypot !== undefined && honeypot !== null && honeypot !== '';
    const comment = bot ? null : { ...result.comment, address, created: Date.now() };
    // The key is looked up again, the rate limit counted and the comment stored in one transaction.
    const answer = await store.accept(comment, { key, fingerprint, limit: RATE_LIMIT }, (id) => ({
      status: 201,
      body: { id, status: 'pending' },
    }));
    if (answer === 'conflict') return keyConflict(res);
    if ('wait' in answer) {
      const seconds = Math.max(1, Math.ceil(answer.wait / 1000));
      return send(res, 429, { error: 'Too many comments; try again later.' }, { 'Retry-After': String(seconds) });
    }
    return send(res, answer.status, answer.body);
  }

  /**
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @param {URLSearchParams} query @param {string} pathname
   */
  async function admin(req, res, query, pathname) {
    // Without a token the admin API does not exist.
    if (!tokenHash) return send(res, 404, { error: 'Not found.' });
    // Guessing is throttled per address: past ADMIN_FAILURES.max failures in the window, every request from that
    // address is 429 until the oldest failure leaves the window, the right token included (or its 200 would
    // still tell a guesser when it is right, at full speed).
    const address = clientAddress(req);
    const now = Date.now();
    const recent = (failures.get(address) ?? []).filter((at) => at > now - ADMIN_FAILURES.window);
    if (recent.length >= ADMIN_FAILURES.max) {
      const seconds = Math.max(1, Math.ceil((recent[0] + ADMIN_FAILURES.window - now) / 1000));
      return send(
        res,
        429,
        { error: 'Too many failed attempts; try again later.' },
        { 'Retry-After': String(seconds) },
      );
    }
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    // Hashing both sides gives equal lengths, so the comparison takes the same time whatever was sent.
    if (!given || !timingSafeEqual(sha256(given), tokenHash)) {
      if (failures.size > 10_000)
        for (const [key, times] of failures)
          if ((times.at(-1) ?? 0) <= now - ADMIN_FAILURES.window) failures.delete(key);
      failures.set(address, [...recent, now]);
      return send(res, 401, { error: 'A valid Bearer token is required.' }, { 'WWW-Authenticate': 'Bearer' });
    }
    if (pathname === '/api/admin/comments') {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, { error: 'Method not allowed.' }, { Allow: 'GET, HEAD' });
      const status = query.get('status') ?? 'pending';
      if (status !== 'pending' && status !== 'approved') {
        return send(res, 400, { errors: { status: 'Use pending or approved.' } });
      }
      const order = query.get('order') ?? 'oldest';
      if (order !== 'oldest' && order !== 'newest')
        return send(res, 400, { errors: { order: 'Use oldest or newest.' } });
      const limit = query.has('limit') ? wholeNumber(query.get('limit'), ADMIN_LIMIT) : undefined;
      if (limit === null) return send(res, 400, { errors: { limit: `A whole number from 1 to ${ADMIN_LIMIT}.` } });
      return send(res, 200, await store.byStatus(status, { newestFirst: order === 'newest', limit }));
    }
    const match = /^\/api\/admin\/comments\/([1-9]\d{0,15})(\/approve|\/delete)?$/.exec(pathname);
    if (!match) return send(res, 404, { error: 'Not found.' });
    const id = Number(match[1]);
    const action =
      match[2] === '/approve' ? 'approve' : match[2] === '/delete' || req.method === 'DELETE' ? 'delete' : null;
    const allow = match[2] ? 'POST' : 'GET, HEAD, DELETE';
    if (match[2] ? req.method !== 'POST' : !['GET', 'HEAD', 'DELETE'].includes(req.method ?? '')) {
      return send(res, 405, { error: 'Method not allowed.' }, { Allow: allow });
    }
    if (!action) {
      const comment = await store.get(id);
      return comment ? send(res, 200, comment) : send(res, 404, { error: 'No such comment.' });
    }
    const done = action === 'approve' ? await store.approve(id) : await store.remove(id);
    if (!done) return send(res, 404, { error: 'No such comment.' });
    return send(res, 200, action === 'approve' ? { id, status: 'approved' } : { id, deleted: true });
  }

  return Object.assign(server, { ready });
}

/**
 * Whether an error means "try again in a moment": SQLite's busy/locked (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT,
 * SQLITE_LOCKED…); PostgreSQL out of connections (53300), shutting down or restarting (57P01–57P03), a
 * serialization failure or deadlock (40001, 40P01), unreachable, or the pool's wait for a connection timed out.
 */
const isBusy = (/** @type {unknown} */ error) => {
  // Node's and pg's errors: `code` a string (SQLITE_BUSY, 53300), `message` a string.
  const { code, message } = /** @type {{ code?: string | number, message?: string }} */ (error ?? {});
  return (
    /^SQLITE_(BUSY|LOCKED)|^(53300|57P0[123]|40001|40P01|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH)$/.test(
      String(code ?? ''),
    ) || /timeout exceeded when trying to connect|Connection terminated/.test(message ?? '')
  );
};

/**
 * A `limit` parameter as a number from 1 to `max`, or null for anything else ("", "0", "1.5", "1e2", "01", over max).
 * @param {string | null} text @param {number} max
 */
function wholeNumber(text, max) {
  if (!text || !/^[1-9]\d{0,5}$/.test(text)) return null;
  const limit = Number(text);
  return limit <= max ? limit : null;
}

/**
 * A page's `next`: where it ended, as base64url of `created.id`. Opaque to clients, so its shape may change; it
 * names a position in the order of the list rather than a row, so it stays valid when that comment is deleted.
 * @param {import('./store.js').Position} position
 */
const encodeCursor = ({ created, id }) => Buffer.from(`${created}.${id}`).toString('base64url');

/**
 * The position a cursor names, or undefined when it is not one this server wrote (the exact encoding is checked,
 * so one position has one cursor, and one cached page one URL).
 * @param {string | null} cursor @returns {import('./store.js').Position | undefined}
 */
function decodeCursor(cursor) {
  if (!cursor || !/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return undefined;
  const match = /^(0|[1-9]\d{0,15})\.([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!match) return undefined;
  const position = { created: Number(match[1]), id: Number(match[2]) };
  if (!Number.isSafeInteger(position.created) || !Number.isSafeInteger(position.id)) return undefined;
  return encodeCursor(position) === cursor ? position : undefined;
}

/** @param {string} text */
const sha256 = (text) => createHash('sha256').update(text).digest();

/**
 * Whether every string in a parsed JSON value, object keys included, is well-formed UTF-16.
 * @param {unknown} value @returns {boolean}
 */
function wellFormed(value) {
  if (typeof value === 'string') return value.isWellFormed();
  if (Array.isArray(value)) return value.every(wellFormed);
  if (value && typeof value === 'object')
    return Object.entries(value).every(([key, item]) => key.isWellFormed() && wellFormed(item));
  return true;
}

/**
 * Whether any string in a parsed JSON value, object keys included, holds U+0000.
 * @param {unknown} value @returns {boolean}
 */
function holdsNul(value) {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([key, item]) => key.includes('\u0000') || holdsNul(item));
  return false;
}

/** JSON with object keys sorted, so the same comment has one fingerprint whatever order its fields came in. */
function canonical(/** @type {unknown} */ value) {
  return JSON.stringify(value, (/** @type {string} */ _, /** @type {unknown} */ v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** 422: the Idempotency-Key was already used for another body. @param {import('node:http').ServerResponse} res */
function keyConflict(res) {
  return send(res, 422, {
    error: 'This Idempotency-Key was already used for a different request; send a new key with a new comment.',
  });
}

/**
 * Whether an If-None-Match header names this ETag (weak comparison, as for GET: `W/"x"` matches `"x"`), or is `*`.
 * @param {string | undefined} header @param {string} etag
 */
function matches(header, etag) {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}

/**
 * A JSON answer; not to be stored by any cache unless `headers` says otherwise.
 * @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body
 * @param {Record<string, string>} [headers] @param {string} [text] the body already serialised
 */
function send(res, status, body, headers = {}, text = JSON.stringify(body)) {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/**
 * Closes a new connection at once when its address already holds `max` open ones: a slow client cannot take every
 * connection the server has (server.maxConnections) for itself.
 * @param {import('node:http').Server} server @param {number} max
 */
function limitPerAddress(server, max) {
  /** @type {Map<string, number>} */
  const open = new Map();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = open.get(address) ?? 0;
    if (count >= max) return void socket.destroy();
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

/**
 * Reads the body, or gives up (null) as soon as it is known to be over `limit` bytes; undefined when the
 * connection closed before the end (the request timeout, or the client went away).
 * @param {import('node:http').IncomingMessage} req @param {number} limit @returns {Promise<Buffer | null | undefined>}
 */
function readBody(req, limit) {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve(null);
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const onData = (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // Closed or reset before the end: after 'end' these change nothing.
    req.on('close', () => resolve(undefined));
    req.on('error', () => resolve(undefined));
  });
}

/**
 * 413, then the connection is closed instead of reading the rest of the body.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 */
function tooLarge(req, res) {
  res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
  res.end(JSON.stringify({ error: `The body is larger than ${BODY_LIMIT / 1024} KiB.` }), () => req.socket.destroy());
}
