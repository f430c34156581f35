#!/usr/bin/env node
// Lede's reference comment server: `npm run serve` (or `node server/index.js`).
//
// Why node:http and not an HTTP framework: this server is a handful of routes that people copy into their
// own projects. Built on Node's own http module, it has no dependency besides its database driver
// (better-sqlite3, or pg for PostgreSQL): no framework to install, audit or keep up to date, and every line of
// request handling is in these few files to read.
//
// Environment:
//   PORT                   port to listen on (default 8080; 0 picks a free one)
//   HOST                   address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 or :: for all interfaces)
//   LEDE_DB                SQLite file (default data/comments.db, its folder is created; ':memory:' allowed), or a
//                          postgres://user:password@host:port/database URL (several instances may share it)
//   LEDE_DB_POOL           PostgreSQL connections per instance (default 10)
//   LEDE_ADMIN_TOKEN       turns on /api/admin/ for requests with `Authorization: Bearer <token>` (32 characters or more),
//                          and the moderation page at /admin/ that signs in with it
//   LEDE_ALLOWED_ORIGINS   comma-separated origins allowed to post from other sites (CORS)
//   LEDE_TRUST_PROXY       1: behind one reverse proxy; the rate limit counts the last X-Forwarded-For address
//   LEDE_REQUIRE_EMAIL     0: name and email are optional (for forms with require-email="false")
//   LEDE_CACHE_MAX_AGE     seconds browsers and CDNs may keep the public list of a post (default 60)
//   LEDE_CACHE_SWR         seconds past that a cache may serve it while revalidating (default 600; 0: not sent)
//   LEDE_SSR               0: serve the demo pages as they are, rendered in the browser (default: server-rendered
//                          with lede-elements/ssr; per request, `?ssr=0` / `?ssr=1`, and `?lang=en` for another language)
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createServer } from './app.js';
import { isPostgres, redact } from './store.js';

const env = process.env;
const db = env.LEDE_DB || 'data/comments.db';
if (db !== ':memory:' && !isPostgres(db)) mkdirSync(dirname(db), { recursive: true });

let server;
try {
  server = createServer({
    db,
    poolSize: positive('LEDE_DB_POOL', 10),
    adminToken: env.LEDE_ADMIN_TOKEN ?? '',
    allowedOrigins: env.LEDE_ALLOWED_ORIGINS ?? '',
    trustProxy: env.LEDE_TRUST_PROXY === '1',
    requireEmail: env.LEDE_REQUIRE_EMAIL !== '0',
    cacheMaxAge: positive('LEDE_CACHE_MAX_AGE', 60, 0),
    cacheStaleWhileRevalidate: positive('LEDE_CACHE_SWR', 600, 0),
  });
} catch (error) {
  // A refused setting (a short LEDE_ADMIN_TOKEN): its message, without a stack trace.
  console.error(`Lede comment server not started: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
// The database opened and migrated (a PostgreSQL server reached) before the port is taken.
try {
  await server.ready;
} catch (error) {
  console.error(
    `Lede comment server not started: the database ${redact(db)} could not be opened: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

// Loopback by default: a reverse proxy (or the developer's browser) on the same machine reaches it, the network
// does not until HOST says so.
server.listen(Number(env.PORT || 8080), env.HOST || '127.0.0.1', () => {
  const { address, family, port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const host = family === 'IPv6' ? `[${address}]` : address;
  const wildcard = address === '0.0.0.0' || address === '::' ? ' (all interfaces)' : '';
  const admin = env.LEDE_ADMIN_TOKEN
    ? `on; moderation page http://${host}:${port}/admin/`
    : 'off (set LEDE_ADMIN_TOKEN)';
  console.log(`Lede comment server: http://${host}:${port}/${wildcard}\n  database ${redact(db)}; admin API ${admin}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

/** A whole number ≥ `min` from the environment, or `fallback` when unset; anything else stops the server. */
function positive(/** @type {string} */ name, /** @type {number} */ fallback, min = 1) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) {
    console.error(
      `Lede comment server not started: ${name} must be a whole number of at least ${min} (it is "${raw}").`,
    );
    process.exit(1);
  }
  return value;
}
