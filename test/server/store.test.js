// The two stores behind one interface (server/store.js): migrations, and the idempotency rules at the store level,
// on SQLite and on PostgreSQL (LEDE_TEST_DB=postgres).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServer } from '../../server/app.js';
import { openStore } from '../../server/store.js';
import * as sqlite from '../../server/store-sqlite.js';
import * as postgres from '../../server/store-postgres.js';
import { database, ON_POSTGRES, run } from './helpers.js';

const MIGRATIONS = ON_POSTGRES ? postgres : sqlite;
const LIMIT = { max: 5, window: 60_000 };
const draft = (fields = {}) => ({
  post: 'a',
  parent: null,
  name: 'Camille',
  email: 'camille@example.fr',
  url: null,
  content: 'Merci.',
  address: '192.0.2.1',
  created: Date.now(),
  ...fields,
});
const pending = (id) => ({ status: 201, body: { id, status: 'pending' } });

/** Opens a store on a new database of the store under test; closed when the test ends. */
async function open(t, db) {
  const store = await openStore(db.db);
  t.after(() => store.close());
  return store;
}

test('a new database gets every migration, once, also when two processes open it at the same time', async (t) => {
  const db = await database(t, { file: true });
  const [one, two] = await Promise.all([open(t, db), open(t, db)]);
  assert.equal(MIGRATIONS.SCHEMA_VERSION, MIGRATIONS.MIGRATIONS.length);
  assert.ok(MIGRATIONS.SCHEMA_VERSION >= 2);
  assert.equal(await one.version(), MIGRATIONS.SCHEMA_VERSION);
  assert.equal(await two.version(), MIGRATIONS.SCHEMA_VERSION);
  assert.equal(one.kind, ON_POSTGRES ? 'postgres' : 'sqlite');
  if (ON_POSTGRES) {
    const rows = await db.query('SELECT version FROM lede_migrations ORDER BY version');
    assert.deepEqual(
      rows.map((row) => row.version),
      MIGRATIONS.MIGRATIONS.map((_, i) => i + 1),
    );
  }
  assert.equal(await db.count(), 0);
});

test('a database at version 1 is migrated to the current version, its rows kept', async (t) => {
  const db = await database(t, { file: true });
  if (ON_POSTGRES) {
    await db.query(
      `CREATE TABLE lede_migrations (version INTEGER PRIMARY KEY, applied TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    for (const statement of postgres.MIGRATIONS[0].split(';').filter((s) => s.trim())) await db.query(statement);
    await db.query('INSERT INTO lede_migrations (version) VALUES (1)');
  } else {
    await db.query('SELECT 1'); // creates the file
    const { default: Database } = await import('better-sqlite3');
    const file = new Database(db.url);
    sqlite.MIGRATIONS[0](file);
    file.pragma('user_version = 1');
    file.close();
  }
  await db.query(
    `INSERT INTO comments (post, name, email, content, address, created) VALUES ('a', 'n', 'e@x.fr', 'kept', '192.0.2.9', ?)`,
    Date.now(),
  );
  const store = await open(t, db);
  assert.equal(await store.version(), MIGRATIONS.SCHEMA_VERSION);
  assert.deepEqual(
    (await store.byStatus('pending')).map((c) => c.content),
    ['kept'],
  );
  const indexes = ON_POSTGRES
    ? await db.query(`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'comments'`)
    : await db.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments'`);
  assert.ok(
    indexes.some((index) => index.name === 'comments_by_status'),
    'migration 2 applied',
  );
});

test(
  'a PostgreSQL database newer than the server is refused with a message',
  { skip: !ON_POSTGRES && 'PostgreSQL only' },
  async (t) => {
    const db = await database(t);
    await (await openStore(db.url)).close();
    await db.query('INSERT INTO lede_migrations (version) VALUES (?)', postgres.SCHEMA_VERSION + 1);
    await assert.rejects(openStore(db.url), /newer than this server/);
  },
);

test('ten requests with one key at once store one comment and all get its answer; another body is a conflict', async (t) => {
  const db = await database(t);
  const store = await open(t, db);
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      store.accept(draft({ address: `192.0.2.${i + 10}` }), { key: 'k', fingerprint: 'f', limit: LIMIT }, pending),
    ),
  );
  for (const answer of answers) assert.deepEqual(answer, answers[0]);
  assert.equal(await db.count(), 1);
  assert.equal(await store.answerFor('k', 'other'), 'conflict');
  assert.equal(await store.accept(draft(), { key: 'k', fingerprint: 'other', limit: LIMIT }, pending), 'conflict');
  assert.deepEqual(await store.answerFor('k', 'f'), answers[0]);
  assert.equal(await store.answerFor('new', 'f'), undefined);
});

test("a bot's comment (null) is not stored and does not use its key; the rate limit answers the wait", async (t) => {
  const db = await database(t);
  const store = await open(t, db);
  assert.deepEqual(await store.accept(null, { key: 'b', fingerprint: 'f', limit: LIMIT }, pending), pending(1));
  assert.equal(await db.count(), 0);
  assert.equal(await store.answerFor('b', 'f'), undefined);
  for (let i = 0; i < 5; i++)
    assert.equal((await store.accept(draft(), { fingerprint: `f${i}`, limit: LIMIT }, pending)).status, 201);
  const limited = await store.accept(draft(), { fingerprint: 'f6', limit: LIMIT }, pending);
  assert.ok('wait' in limited && limited.wait > 59_000 && limited.wait <= 60_000, JSON.stringify(limited));
  assert.equal(await db.count(), 5);
  assert.equal(await store.approve(2), true);
  assert.equal(await store.isApproved('a', 2), true);
  assert.equal(await store.isApproved('b', 2), false);
  assert.equal(await store.remove(2), true);
  assert.equal(await store.remove(2), false);
  assert.equal(await store.get(2), undefined);
});

test('an unreachable PostgreSQL: the API answers 503 with Retry-After, the CLI exits 1 with a message', async (t) => {
  const server = createServer({ db: 'postgres://nobody:secret@127.0.0.1:1/none' });
  await assert.rejects(server.ready, /ECONNREFUSED|connect/);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const response = await fetch(`http://127.0.0.1:${port}/api/comments?post=a`);
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('retry-after'), '1');
  const cli = await run('server/index.js', [], { PORT: '0', LEDE_DB: 'postgres://nobody:secret@127.0.0.1:1/none' });
  assert.equal(cli.code, 1);
  assert.match(
    cli.stderr,
    /not started: the database postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none could not be opened/,
  );
  assert.doesNotMatch(cli.stderr, /secret/, 'the password is not printed');
});
