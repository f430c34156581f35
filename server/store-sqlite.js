// Comment storage in one SQLite file through better-sqlite3 (the default store). Every statement is prepared once
// with `?` placeholders; no SQL is ever built from request data. better-sqlite3 is synchronous: the methods do their
// work at once and hand back settled promises, the interface store.js describes.
import Database from 'better-sqlite3';
import { KEY_LIFETIME, page } from './store.js';

/**
 * The schema as a list of migrations, applied in order to every database, new or old: entry n takes version n to
 * n + 1, and `PRAGMA user_version` records the version reached. A change of schema is a new entry at the end,
 * never an edit of an applied one. Steps tolerate what they create already being there: a database made before
 * versioning (user_version 0) has the tables of step 1 without the fingerprint column.
 * @type {((db: import('better-sqlite3').Database) => void)[]}
 */
export const MIGRATIONS = [
  // → 1: comments and idempotency keys; a key carries the fingerprint (SHA-256 of the request body) its answer
  // belongs to. Keys stored before the fingerprint existed have none, and are replayed as before.
  (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS comments (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        post    TEXT    NOT NULL,
        parent  INTEGER REFERENCES comments (id) ON DELETE SET NULL,
        name    TEXT    NOT NULL,
        email   TEXT    NOT NULL,
        url     TEXT,
        content TEXT    NOT NULL,
        status  TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved')),
        address TEXT    NOT NULL,
        created INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS comments_by_post ON comments (post, status, created);
      CREATE INDEX IF NOT EXISTS comments_by_address ON comments (address, created);
      CREATE TABLE IF NOT EXISTS idempotency (
        key     TEXT    PRIMARY KEY,
        status  INTEGER NOT NULL,
        body    TEXT    NOT NULL,
        created INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS idempotency_by_created ON idempotency (created);
    `);
    const columns = /** @type {Array<{ name: string }>} */ (db.prepare('PRAGMA table_info(idempotency)').all());
    if (!columns.some((column) => column.name === 'fingerprint'))
      db.exec('ALTER TABLE idempotency ADD COLUMN fingerprint TEXT');
  },
  // → 2: the moderation queue (comments by status, oldest first) without a scan of every comment.
  (db) => db.exec('CREATE INDEX IF NOT EXISTS comments_by_status ON comments (status, created, id)'),
];
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * @typedef {Omit<import('./store.js').PublicComment, 'created'> & { created: number }} StoredPublic
 * @typedef {Omit<import('./store.js').Comment, 'created'> & { created: number }} Stored
 */

/** Columns anyone may read: never the email or the address. */
const PUBLIC = 'id, post, parent, name, url, content, created';

/** Stored times are milliseconds since 1970; the API shows them as ISO 8601 strings. */
/** @template {{ created: number }} R @param {R | undefined} row */
const withDate = (row) => row && { ...row, created: new Date(row.created).toISOString() };

/**
 * @param {string | import('better-sqlite3').Database} fileOrDb a file name, ':memory:', or an open database
 * @param {{ busyTimeout?: number }} [options] busyTimeout: ms a write waits for another connection's write lock
 *   before failing with SQLITE_BUSY. better-sqlite3 waits synchronously, freezing every request of the process
 *   meanwhile, so the server keeps it short (100 ms) and answers 503; the CLI may wait 5 s.
 * @returns {import('./store.js').Store}
 */
export function openSqliteStore(fileOrDb, { busyTimeout = 100 } = {}) {
  const db = typeof fileOrDb === 'string' ? new Database(fileOrDb) : fileOrDb;
  // WAL: readers never block the writer, and a commit is one append to the log.
  // synchronous=FULL: each commit is fsync'ed before the 201 goes out, so an answered comment survives
  // a power cut or kernel panic, not only a killed process (which WAL + NORMAL already survives).
  // A comment server commits a few rows a minute, so the extra fsync costs nothing that matters.
  // Opening waits up to 5 s for another process opening the same file (switching it to WAL and migrating it takes
  // its write lock): two instances started together both start. Before that wait was set, the second one failed
  // at once with "database is locked".
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeout))}`); // the moderation CLI may write while the server runs

  const q = {
    insert: db.prepare(
      `INSERT INTO comments (post, parent, name, email, url, content, address, created)
       VALUES (@post, @parent, @name, @email, @url, @content, @address, @created)`,
    ),
    approved: /** @type {import('better-sqlite3').Statement<[string], StoredPublic>} */ (
      db.prepare(`SELECT ${PUBLIC} FROM comments WHERE post = ? AND status = 'approved' ORDER BY created, id`)
    ),
    // One more row than asked for tells whether another page follows. Row values: (created, id) > (?, ?).
    approvedPage: /** @type {import('better-sqlite3').Statement<[string, number, number, number], StoredPublic>} */ (
      db.prepare(
        `SELECT ${PUBLIC} FROM comments WHERE post = ? AND status = 'approved' AND (created, id) > (?, ?) ORDER BY created, id LIMIT ?`,
      )
    ),
    // LIMIT -1: no limit.
    byStatus: /** @type {import('better-sqlite3').Statement<[string, number], Stored>} */ (
      db.prepare(`SELECT * FROM comments WHERE status = ? ORDER BY created, id LIMIT ?`)
    ),
    byStatusNewest: /** @type {import('better-sqlite3').Statement<[string, number], Stored>} */ (
      db.prepare(`SELECT * FROM comments WHERE status = ? ORDER BY created DESC, id DESC LIMIT ?`)
    ),
    get: /** @type {import('better-sqlite3').Statement<[number], Stored>} */ (
      db.prepare(`SELECT * FROM comments WHERE id = ?`)
    ),
    approve: db.prepare(`UPDATE comments SET status = 'approved' WHERE id = ?`),
    remove: db.prepare(`DELETE FROM comments WHERE id = ?`),
    nextId: /** @type {import('better-sqlite3').Statement<[], { id: number }>} */ (
      db.prepare(`SELECT COALESCE(MAX(id), 0) + 1 AS id FROM comments`)
    ),
    isApproved: db.prepare(`SELECT 1 FROM comments WHERE id = ? AND post = ? AND status = 'approved'`),
    // The 5th most recent comment from an address inside the window: while it exists, the limit is reached.
    nth: /** @type {import('better-sqlite3').Statement<[string, number, number], { created: number }>} */ (
      db.prepare(
        `SELECT created FROM comments WHERE address = ? AND created > ? ORDER BY created DESC LIMIT 1 OFFSET ?`,
      )
    ),
    keyGet:
      /** @type {import('better-sqlite3').Statement<[string], { status: number, body: string, fingerprint: string | null }>} */ (
        db.prepare(`SELECT status, body, fingerprint FROM idempotency WHERE key = ?`)
      ),
    // A plain INSERT: should the key be there after all, the transaction fails instead of keeping a second comment.
    keyPut: db.prepare(`INSERT INTO idempotency (key, status, body, created, fingerprint) VALUES (?, ?, ?, ?, ?)`),
    keyPrune: db.prepare(`DELETE FROM idempotency WHERE created < ?`),
  };

  /** @param {string} key @param {string} fingerprint */
  function answerFor(key, fingerprint) {
    const row = q.keyGet.get(key);
    if (!row) return undefined;
    if (row.fingerprint !== null && row.fingerprint !== fingerprint) return 'conflict';
    return { status: row.status, body: JSON.parse(row.body) };
  }

  // One transaction that takes the write lock first (BEGIN IMMEDIATE), so another process cannot slip the same key
  // in between: the key is looked up again, the rate limit counted, the comment inserted and the key recorded.
  /**
   * @param {Parameters<import('./store.js').Store['accept']>[0]} comment
   * @param {Parameters<import('./store.js').Store['accept']>[1]} request
   * @param {Parameters<import('./store.js').Store['accept']>[2]} answer
   */
  function acceptNow(comment, { key, fingerprint, limit }, answer) {
    const first = key && answerFor(key, fingerprint);
    if (first) return first;
    const now = Date.now();
    if (comment) {
      const row = q.nth.get(comment.address, now - limit.window, limit.max - 1);
      if (row) return { wait: row.created + limit.window - now };
    }
    const id = comment ? Number(q.insert.run(comment).lastInsertRowid) : (q.nextId.get()?.id ?? 1);
    const result = answer(id);
    if (key && comment) {
      q.keyPrune.run(now - KEY_LIFETIME);
      q.keyPut.run(key, result.status, JSON.stringify(result.body), now, fingerprint);
    }
    return result;
  }
  // eslint-disable-next-line @typescript-eslint/unbound-method -- better-sqlite3's transaction variants are standalone
  const accept = db.transaction(acceptNow).immediate;

  /**
   * Runs `work` now and settles the promise with its value or its error.
   * @template {unknown[]} A @template R @param {(...args: A) => R} work @returns {(...args: A) => Promise<R>}
   */
  const settled =
    (work) =>
    (...args) => {
      try {
        return Promise.resolve(work(...args));
      } catch (error) {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on what `work` threw, as is
        return Promise.reject(error);
      }
    };

  return {
    kind: 'sqlite',
    db,
    version: settled(() => Number(db.pragma('user_version', { simple: true }))),
    approved: settled((/** @type {string} */ post) =>
      q.approved.all(post).map((row) => /** @type {import('./store.js').PublicComment} */ (withDate(row))),
    ),
    approvedPage: settled(
      (
        /** @type {string} */ post,
        /** @type {{ limit: number, after: import('./store.js').Position | null }} */ { limit, after },
      ) => page(q.approvedPage.all(post, after?.created ?? -1, after?.id ?? 0, limit + 1), limit),
    ),
    byStatus: settled(
      (
        /** @type {string} */ status,
        /** @type {{ newestFirst?: boolean, limit?: number }} */ { newestFirst = false, limit } = {},
      ) =>
        (newestFirst ? q.byStatusNewest : q.byStatus)
          .all(status, limit ?? -1)
          .map((row) => /** @type {import('./store.js').Comment} */ (withDate(row))),
    ),
    get: settled(
      (/** @type {number} */ id) => /** @type {import('./store.js').Comment | undefined} */ (withDate(q.get.get(id))),
    ),
    approve: settled((/** @type {number} */ id) => q.approve.run(id).changes > 0),
    remove: settled((/** @type {number} */ id) => q.remove.run(id).changes > 0),
    isApproved: settled(
      (/** @type {string} */ post, /** @type {number} */ id) => q.isApproved.get(id, post) !== undefined,
    ),
    answerFor: settled(answerFor),
    accept: settled(accept),
    close: settled(() => void db.close()),
  };
}

/**
 * Applies the migrations a database has not had yet, in one write transaction (two processes opening the same old
 * file upgrade it once).
 * @param {import('better-sqlite3').Database} db
 */
function migrate(db) {
  if (Number(db.pragma('user_version', { simple: true })) >= SCHEMA_VERSION) return;
  db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    for (const step of MIGRATIONS.slice(version)) step(db);
    if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
