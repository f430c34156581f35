// Comment storage behind one asynchronous interface, on one of two databases:
//   - SQLite (store-sqlite.js, the default): one file, one machine; `npm start` needs nothing else.
//   - PostgreSQL (store-postgres.js) when LEDE_DB is a postgres:// URL: any number of server instances share it.
// Both keep the same tables and columns, apply their versioned migrations on open, enforce idempotency with a unique
// key inside the transaction that inserts the comment, and count the rate limit in that transaction.

/**
 * @typedef {{ id: number, post: string, parent: number | null, name: string, url: string | null,
 *   content: string, created: string }} PublicComment
 * @typedef {PublicComment & { email: string, status: 'pending' | 'approved', address: string }} Comment
 * @typedef {{ post: string, parent: number | null, name: string, email: string, url: string | null,
 *   content: string }} NewComment
 * @typedef {{ status: number, body: object }} Answer
 * @typedef {{ created: number, id: number }} Position where a page of the public list ends: the last comment's
 *   creation time (ms since 1970) and id, the order of the list
 * @typedef {{
 *   kind: 'sqlite' | 'postgres',
 *   db?: import('better-sqlite3').Database,
 *   pool?: import('pg').Pool,
 *   version(): Promise<number>,
 *   approved(post: string): Promise<PublicComment[]>,
 *   approvedPage(post: string, page: { limit: number, after: Position | null }): Promise<{ comments: PublicComment[], next: Position | null }>,
 *   byStatus(status: 'pending' | 'approved', options?: { newestFirst?: boolean, limit?: number }): Promise<Comment[]>,
 *   get(id: number): Promise<Comment | undefined>,
 *   approve(id: number): Promise<boolean>,
 *   remove(id: number): Promise<boolean>,
 *   isApproved(post: string, id: number): Promise<boolean>,
 *   answerFor(key: string, fingerprint: string): Promise<Answer | 'conflict' | undefined>,
 *   accept(comment: (NewComment & { address: string, created: number }) | null,
 *     request: { key?: string, fingerprint: string, limit: { max: number, window: number } },
 *     answer: (id: number) => Answer): Promise<Answer | 'conflict' | { wait: number }>,
 *   close(): Promise<void>,
 * }} Store
 *
 * Store methods:
 * - approved(post): approved comments of a post, oldest first, public columns only (never email or address).
 * - approvedPage(post, { limit, after }): the same list, `limit` comments at most, those after `after` (keyset
 *   pagination on (created, id): a page costs the same however deep it is, and a comment approved or deleted
 *   meanwhile neither repeats nor skips another); `next` is the position of its last comment when more follow.
 * - byStatus(status, { newestFirst, limit }): every column of the comments of one status, oldest first (newest first
 *   with `newestFirst`), all of them or the first `limit`.
 * - answerFor(key, fingerprint): what was answered for an Idempotency-Key: the answer for the same request body
 *   (`fingerprint`), 'conflict' when the key was used for another body, undefined when the key is new.
 * - accept(comment, request, answer): in one transaction, looks the key up again, counts the rate limit (under
 *   `limit.max` comments from the address in the last `limit.window` ms, else `{ wait }` in ms), inserts the comment
 *   and records the key's answer; the database's unique key decides between two requests with one key. A bot's
 *   comment (null) is not stored and its key not recorded (the real comment sent with that key later must go
 *   through); it gets the id a real one would have got.
 */

/** How long an Idempotency-Key is remembered. */
export const KEY_LIFETIME = 7 * 24 * 3600 * 1000;

/**
 * A page of the public list from up to `limit + 1` rows (times in ms since 1970): the extra row only says that
 * another page follows, and the page's last comment is where the next one starts.
 * @param {Array<Omit<PublicComment, 'created'> & { created: number }>} rows @param {number} limit
 * @returns {{ comments: PublicComment[], next: Position | null }}
 */
export function page(rows, limit) {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    comments: shown.map((row) => ({ ...row, created: new Date(row.created).toISOString() })),
    next: rows.length > limit && last ? { created: last.created, id: last.id } : null,
  };
}

/** Whether LEDE_DB names a PostgreSQL database rather than a SQLite file. @param {unknown} db */
export const isPostgres = (db) => typeof db === 'string' && /^postgres(ql)?:\/\//i.test(db);

/** A database URL with its password hidden, for logs. @param {string} url */
export function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/**
 * Opens (and on first use creates, or migrates) the comment database.
 * @param {string | import('better-sqlite3').Database} db a postgres:// URL, a SQLite file name, ':memory:', or an
 *   open better-sqlite3 database
 * @param {{ busyTimeout?: number, poolSize?: number }} [options] busyTimeout (SQLite): ms a write waits for another
 *   connection's write lock (100 ms in the server, which better-sqlite3 blocks meanwhile; the CLI may wait 5 s);
 *   poolSize (PostgreSQL): connections in the pool (10)
 * @returns {Promise<Store>}
 */
export async function openStore(db, options = {}) {
  if (isPostgres(db)) {
    const { openPostgresStore } = await import('./store-postgres.js');
    return openPostgresStore(/** @type {string} */ (db), options);
  }
  const { openSqliteStore } = await import('./store-sqlite.js');
  return openSqliteStore(db, options);
}
