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
  key     TEXT    PRIMARY KEY,
  status  INTEGER NOT NULL,
  body    TEXT    NOT NULL,
  created INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotency_by_created ON idempotency (created);
`;

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
 */
export function openStore(fileOrDb) {
  const db = typeof fileOrDb === 'string' ? new Database(fileOrDb) : fileOrDb;
  // WAL: readers never block the writer, and a commit is one append to the log.
  // synchronous=FULL: each commit is fsync'ed before the 201 goes out, so an answered comment survives
  // a power cut or kernel panic, not only a killed process (which WAL + NORMAL already survives).
  // A comment server commits a few rows a minute, so the extra fsync costs nothing that matters.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000'); // the moderation CLI may write while the server runs
  db.exec(SCHEMA);

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
    keyGet: db.prepare(`SELECT status, body FROM idempotency WHERE key = ?`),
    keyPut: db.prepare(`INSERT OR IGNORE INTO idempotency (key, status, body, created) VALUES (?, ?, ?, ?)`),
    keyPrune: db.prepare(`DELETE FROM idempotency WHERE created < ?`),
  };

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
     * Milliseconds until `address` may post again, or 0 when it is under `max` comments in the last `window` ms.
     * @param {string} address @param {number} max @param {number} window @param {number} now
     */
    waitFor(address, max, window, now) {
      const row = q.nth.get(address, now - window, max - 1);
      return row ? row.created + window - now : 0;
    },
    /** The first answer given for an Idempotency-Key, if any. @param {string} key */
    answerFor(key) {
      const row = q.keyGet.get(key);
      return row && { status: row.status, body: JSON.parse(row.body) };
    },
    /**
     * Inserts a comment (or nothing, for a bot) and remembers the answer under `key`, in one transaction:
     * either both are on disk or neither is.
     * @param {(NewComment & { address: string, created: number }) | null} comment
     * @param {string | undefined} key
     * @param {(id: number) => { status: number, body: object }} answer
     */
    accept: db.transaction((comment, key, answer) => {
      // A bot's comment is not stored; it gets the id a real one would have got.
      const id = comment ? Number(q.insert.run(comment).lastInsertRowid) : q.nextId.get().id;
      const result = answer(id);
      if (key) {
        const now = Date.now();
        q.keyPrune.run(now - KEY_LIFETIME);
        q.keyPut.run(key, result.status, JSON.stringify(result.body), now);
      }
      return result;
    }),
    close: () => db.close(),
  };
}

/** @typedef {ReturnType<typeof openStore>} Store */
