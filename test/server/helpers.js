// Shared by the server tests: start the app on a free port with its own database, and talk to it.
//
// The store under test is SQLite, or PostgreSQL with LEDE_TEST_DB=postgres (`npm run test:node` runs the suite once
// each way). On PostgreSQL every database() is a new schema in the cluster LEDE_TEST_PG_URL names (set by
// scripts/postgres-cluster.js), or, without it, in a throwaway cluster this process starts and removes on exit.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createServer } from '../../server/app.js';
import { startCluster } from '../../scripts/postgres-cluster.js';

export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

/** A temporary folder, removed when the test ends. @param {import('node:test').TestContext} t */
export function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'lede-server-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The store the tests run on: 'sqlite' (default) or 'postgres' (LEDE_TEST_DB=postgres). */
export const STORE = process.env.LEDE_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const ON_POSTGRES = STORE === 'postgres';

/** @type {Promise<string> | undefined} */
let cluster;
/** @type {pg.Pool | undefined} */
let admin;
let databases = 0;

/** The URL of the test cluster's `postgres` database. */
function clusterUrl() {
  cluster ??= process.env.LEDE_TEST_PG_URL
    ? Promise.resolve(process.env.LEDE_TEST_PG_URL)
    : startCluster().then((started) => {
        process.on('exit', () => started.stop());
        return started.url;
      });
  return cluster;
}

/**
 * @typedef {{ db: string | import('better-sqlite3').Database, url: string,
 *   query: (sql: string, ...params: unknown[]) => Promise<any[]>, count: () => Promise<number> }} TestDatabase
 *   db: what createServer takes; url: what LEDE_DB takes (a file or a postgres:// URL); query: SQL with `?`
 *   placeholders on it (rows for a SELECT); count: rows in `comments`
 */

/**
 * A new, empty database on the store under test, for one test. On SQLite an in-memory database (`db` is the open
 * connection), or with `file` a file in a temporary folder (for other processes: launch(), the CLI, a restart).
 * On PostgreSQL a new schema of the test cluster either way; its tables appear when a server first opens it.
 * @param {import('node:test').TestContext} t @param {{ file?: boolean }} [options]
 * @returns {Promise<TestDatabase>}
 */
export async function database(t, { file = false } = {}) {
  if (ON_POSTGRES) {
    // A schema of its own rather than a database: CREATE SCHEMA takes a millisecond, CREATE DATABASE 150 ms.
    // The URL's search_path puts the store's tables there, as an operator would with `?options=…`.
    const base = await clusterUrl();
    admin ??= new pg.Pool({ connectionString: base, max: 2, allowExitOnIdle: true });
    const schema = `test_${process.pid}_${++databases}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = `${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const pool = new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
    t.after(() => pool.end());
    const query = async (/** @type {string} */ sql, /** @type {unknown[]} */ ...params) => {
      let n = 0;
      return (
        await pool.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows;
    };
    return { db: url, url, query, count: async () => Number((await query('SELECT COUNT(*) AS n FROM comments'))[0].n) };
  }
  const path = file ? join(tempDir(t), 'comments.db') : ':memory:';
  /** @type {import('better-sqlite3').Database | undefined} */
  let connection = file ? undefined : new Database(':memory:');
  const open = () => (connection ??= new Database(path));
  t.after(() => connection?.open && connection.close());
  const query = (/** @type {string} */ sql, /** @type {unknown[]} */ ...params) => {
    const statement = open().prepare(sql);
    if (statement.reader) return Promise.resolve(statement.all(...params));
    statement.run(...params);
    return Promise.resolve([]);
  };
  return {
    db: file ? path : /** @type {import('better-sqlite3').Database} */ (connection),
    url: path,
    query,
    count: async () => (await query('SELECT COUNT(*) AS n FROM comments'))[0].n,
  };
}

/**
 * Starts the app on port 0, on a new database of the store under test unless `db` says otherwise; stopped when the
 * test ends. @param {import('node:test').TestContext} t @param {Parameters<typeof createServer>[0]} [options]
 */
export async function start(t, options = {}) {
  const server = createServer({ ...options, db: options.db ?? (await database(t)).db });
  await server.ready;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(
    () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  );
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return `http://127.0.0.1:${port}`;
}

export const comment = (fields = {}) => ({
  post: 'europol-telegram',
  parent: null,
  name: 'Camille',
  email: 'camille@example.fr',
  url: '',
  content: 'Merci pour cet article.',
  ...fields,
});

/** POSTs a body as it is to /api/comments. @param {string} base @param {string} body */
export function postRaw(base, body, type = 'application/json', headers = {}) {
  return fetch(`${base}/api/comments`, { method: 'POST', headers: { 'Content-Type': type, ...headers }, body });
}

/** POSTs a JSON comment. @param {string} base @param {object} body @param {Record<string, string>} [headers] */
export async function postComment(base, body, headers = {}) {
  const response = await postRaw(base, JSON.stringify(body), 'application/json', headers);
  return { response, body: await response.json() };
}

/** GET /api/comments?post=… as parsed JSON. */
export async function approved(base, post = 'europol-telegram') {
  const response = await fetch(`${base}/api/comments?post=${encodeURIComponent(post)}`);
  return response.json();
}

/** A request whose path is sent exactly as written (fetch would normalise `..`). */
export function rawGet(base, path) {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Runs a Node script of the project with extra environment; resolves with its exit code and output.
 * @param {string} script @param {string[]} args @param {Record<string, string>} env
 */
export function run(script, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT, script), ...args], {
      cwd: PROJECT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts `node server/index.js` on a free port (a real process, killed when the test ends); resolves once it
 * printed its URL. @param {import('node:test').TestContext} t @param {Record<string, string>} env
 */
export function launch(t, env) {
  const child = spawn(process.execPath, [join(PROJECT, 'server/index.js')], {
    cwd: PROJECT,
    env: { ...process.env, PORT: '0', LEDE_ADMIN_TOKEN: '', LEDE_ALLOWED_ORIGINS: '', ...env },
  });
  t.after(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      // The address it listens on, as printed; a wildcard address is reached on the loopback.
      const url = /Lede comment server: http:\/\/(\S+?):(\d+)\//.exec(output);
      const host = url && (url[1] === '0.0.0.0' ? '127.0.0.1' : url[1] === '[::]' ? '[::1]' : url[1]);
      if (url) resolve({ child, base: `http://${host}:${url[2]}`, host: url[1], output });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}
