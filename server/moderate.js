#!/usr/bin/env node
// Moderation from the command line, on the same database as the server (LEDE_DB, default data/comments.db, or a
// postgres:// URL). It can run while the server runs: SQLite's WAL mode lets both use the file; on PostgreSQL any
// number of server instances and this CLI share the database.
//
//   npm run moderate                      list pending comments (same as `list`)
//   npm run moderate -- list [approved]   list pending (or approved) comments
//   npm run moderate -- approve <id>...   approve comments
//   npm run moderate -- delete <id>...    delete comments
import { existsSync } from 'node:fs';
import { isPostgres, openStore } from './store.js';

const USAGE = 'Usage: npm run moderate -- [list [pending|approved] | approve <id>... | delete <id>...]';
const file = process.env.LEDE_DB || 'data/comments.db';
const [command = 'list', ...args] = process.argv.slice(2);

if (file !== ':memory:' && !isPostgres(file) && !existsSync(file)) {
  console.error(`No database at ${file} yet (start the server once, or set LEDE_DB).`);
  process.exit(1);
}
/** @type {import('./store.js').Store} */
let store;
try {
  store = await openStore(file, { busyTimeout: 5000, poolSize: 1 }); // a person waits; the server's write lock is short
} catch (error) {
  console.error(`The database could not be opened: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
try {
  process.exitCode = await run();
} finally {
  await store.close();
}

async function run() {
  if (command === 'list') {
    const status = args[0] ?? 'pending';
    if (status !== 'pending' && status !== 'approved') return usage();
    const comments = await store.byStatus(status);
    if (!comments.length) console.log(`No ${status} comments.`);
    for (const c of comments) {
      const reply = c.parent ? `, reply to #${c.parent}` : '';
      console.log(`#${c.id}  ${c.created}  post ${safe(c.post)}${reply}`);
      console.log(`  ${safe(c.name)} <${safe(c.email)}>${c.url ? `  ${safe(c.url)}` : ''}  from ${c.address}`);
      console.log(`  ${safe(c.content.replace(/[ \t\n]+/g, ' ').slice(0, 300))}\n`);
    }
    // What to do next, with the ids just listed (one, or all of them at once).
    const ids = comments.map((c) => c.id).join(' ');
    if (comments.length && status === 'pending') console.log(`Approve: npm run moderate -- approve ${ids}`);
    if (comments.length) console.log(`Delete:  npm run moderate -- delete ${ids}`);
    return 0;
  }
  if (command !== 'approve' && command !== 'delete') return usage();
  const ids = args.map(Number);
  if (!ids.length || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) return usage();
  let code = 0;
  for (const id of ids) {
    const done = command === 'approve' ? await store.approve(id) : await store.remove(id);
    if (done) console.log(`#${id} ${command === 'approve' ? 'approved' : 'deleted'}.`);
    else {
      console.error(`#${id}: no such comment.`);
      code = 1;
    }
  }
  return code;
}

/**
 * Readers' text never reaches the terminal as control characters (escape sequences could rewrite the screen, `\r`
 * overwrite the line, bidi overrides reorder it): they are shown escaped, `\x1b[2J`, `\r`, `\u202e`, so the
 * moderator sees what was sent.
 */
function safe(/** @type {string} */ text) {
  const named = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
  // eslint-disable-next-line no-control-regex -- control characters are what it escapes
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (char) => {
    if (char in named) return named[/** @type {keyof typeof named} */ (char)];
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

function usage() {
  console.error(USAGE);
  return 2;
}
