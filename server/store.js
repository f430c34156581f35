// Comment storage: one SQLite file through better-sqlite3. Every statement is prepared once with `?`
// placeholders; no SQL is ever built from request data.
import Database from 'better-sqlite3';

const SCHEMA = `
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
  key         TEXT    PRIMARY KEY,
  status      INTEGER NOT NULL,
  body        TEXT    NOT NULL,
  created     INTEGER NOT NULL,
  fingerprint TEXT
);
CREATE INDEX IF NOT EXISTS idempotency_by_created ON idempotency (created);
`;

/**
 * Upgrades of a database made by an earlier version, by `PRAGMA user_version`: entry n takes version n to n + 1.
 * A new database gets SCHEMA above, which already has every column, and only its version number set.
 */
const MIGRATIONS = [
  // 0 → 1: the fingerprint (SHA-256 of the request body) a key's answer belongs to. Older keys have none, and
  // are replayed as before.
  (db) => {
    const columns = db.prepare('PRAGMA table_info(idempotency)').all();
    if (!columns.some((column) => column.name === 'fingerprint')) db.exec('ALTER TABLE idempotency ADD COLUMN fingerprint TEXT');
  },
];
export const SCHEMA_VERSION = MIGRATIONS.length;

/** How long an Idempotency-Key is remembered. */
const KEY_LIFETIME = 7 * 24 * 3600 * 1000;

/** Columns anyone may read: never the email or the address. */
const PUBLIC = 'id, post, parent, name, url, content, created';

/**
 * @typedef {{ id: number, post: string, parent: number | null, name: string, url: string | null,
 *   content: string, created: string }} PublicComment
 * @typedef {PublicComment & { email: string, status: 'pending' | 'approved', address: string }} Comment
 * @typedef {{ post: string, parent: number | null, name: string, email: string, url: string | null,
 *   content: string }} NewComment
 */

/** Stored times are milliseconds since 1970; the API shows them as ISO 8601 strings. */
const withDate = (row) => row && { ...row, created: new Date(row.created).toISOString() };

/**
 * Opens (and on first use creates) the comment database.
 * @param {string | import('better-sqlite3').Database} fileOrDb a file name, ':memory:', or an open database
 * @param {{ busyTimeout?: number }} [options] busyTimeout: ms a write waits for another connection's write lock
 *   before failing with SQLITE_BUSY. better-sqlite3 waits synchronously, freezing every request of the process
 *   meanwhile, so the server keeps it short (100 ms) and answers 503; the CLI may wait 5 s.
 */
export function openStore(fileOrDb, { busyTimeout = 100 } = {}) {
  const db = typeof fileOrDb === 'string' ? new Database(fileOrDb) : fileOrDb;
  // WAL: readers never block the writer, and a commit is one append to the log.
  // synchronous=FULL: each commit is fsync'ed before the 201 goes out, so an answered comment survives
  // a power cut or kernel panic, not only a killed process (which WAL + NORMAL already survives).
  // A comment server commits a few rows a minute, so the extra fsync costs nothing that matters.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeout))}`); // the moderation CLI may write while the server runs
  migrate(db);

  const q = {
    insert: db.prepare(
      `INSERT INTO comments (post, parent, name, email, url, content, address, created)
       VALUES (@post, @parent, @name, @email, @url, @content, @address, @created)`,
    ),
    approved: db.prepare(`SELECT ${PUBLIC} FROM comments WHERE post = ? AND status = 'approved' ORDER BY created, id`),
    byStatus: db.prepare(`SELECT * FROM comments WHERE status = ? ORDER BY created, id`),
    get: db.prepare(`SELECT * FROM comments WHERE id = ?`),
    approve: db.prepare(`UPDATE comments SET status = 'approved' WHERE id = ?`),
    remove: db.prepare(`DELETE FROM comments WHERE id = ?`),
    nextId: db.prepare(`SELECT COALESCE(MAX(id), 0) + 1 AS id FROM comments`),
    isApproved: db.prepare(`SELECT 1 FROM comments WHERE id = ? AND post = ? AND status = 'approved'`),
    // The 5th most recent comment from an address inside the window: while it exists, the limit is reached.
    nth: db.prepare(`SELECT created FROM comments WHERE address = ? AND created > ? ORDER BY created DESC LIMIT 1 OFFSET ?`),
    keyGet: db.prepare(`SELECT status, body, fingerprint FROM idempotency WHERE key = ?`),
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

  return {
    db,
    /** @param {string} post @returns {PublicComment[]} */
    approved: (post) => q.approved.all(post).map(withDate),
    /** @param {'pending' | 'approved'} status @returns {Comment[]} */
    byStatus: (status) => q.byStatus.all(status).map(withDate),
    /** @param {number} id @returns {Comment | undefined} */
    get: (id) => withDate(q.get.get(id)),
    /** @param {number} id @returns {boolean} whether the comment exists */
    approve: (id) => q.approve.run(id).changes > 0,
    /** @param {number} id @returns {boolean} whether the comment existed */
    remove: (id) => q.remove.run(id).changes > 0,
    /** Whether `id` is an approved comment of `post` (what a reply may answer). @param {string} post @param {number} id */
    isApproved: (post, id) => q.isApproved.get(id, post) !== undefined,
    /**
     * What was answered for an Idempotency-Key: `{ status, body }` for the same request body (`fingerprint`), the
     * string 'conflict' when the key was used for another body, undefined when the key is new.
     * @param {string} key @param {string} fingerprint
     */
    answerFor: (key, fingerprint) => answerFor(key, fingerprint),
    /**
     * Stores a comment and the answer for its key, in one transaction that takes the write lock first
     * (BEGIN IMMEDIATE), so another process cannot slip the same key in between: the key is looked up again,
     * the rate limit counted, the comment inserted and the key recorded as one step. A bot's comment (null) is not
     * stored and its key not recorded (the real comment sent with that key later must go through); it gets the
     * id a real one would have got.
     * @param {(NewComment & { address: string, created: number }) | null} comment
     * @param {{ key?: string, fingerprint: string, limit: { max: number, window: number } }} request
     * @param {(id: number) => { status: number, body: object }} answer
     * @returns {{ status: number, body: object } | 'conflict' | { wait: number }}
     */
    accept: db.transaction((comment, { key, fingerprint, limit }, answer) => {
      const first = key && answerFor(key, fingerprint);
      if (first) return first;
      const now = Date.now();
      if (comment) {
        // Under `limit.max` comments from this address in the last `limit.window` ms, or the ms to wait.
        const row = q.nth.get(comment.address, now - limit.window, limit.max - 1);
        if (row) return { wait: row.created + limit.window - now };
      }
      const id = comment ? Number(q.insert.run(comment).lastInsertRowid) : q.nextId.get().id;
      const result = answer(id);
      if (key && comment) {
        q.keyPrune.run(now - KEY_LIFETIME);
        q.keyPut.run(key, result.status, JSON.stringify(result.body), now, fingerprint);
      }
      return result;
    }).immediate,
    close: () => db.close(),
  };
}

/**
 * Creates the tables of a new database, or brings an older one up to SCHEMA_VERSION, in one write transaction
 * (two processes opening the same old file upgrade it once).
 * @param {import('better-sqlite3').Database} db
 */
function migrate(db) {
  if (db.pragma('user_version', { simple: true }) >= SCHEMA_VERSION) return;
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true });
    if (version >= SCHEMA_VERSION) return;
    const fresh = !db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'comments'`).get();
    db.exec(SCHEMA);
    if (!fresh) for (const step of MIGRATIONS.slice(version)) step(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** @typedef {ReturnType<typeof openStore>} Store */
