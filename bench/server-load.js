// Figure 7: the comment server under load, on the loopback. Requests per second and p50/p99 latency for the public
// list (GET /api/comments?post=…) and for new comments (POST, each with its own Idempotency-Key and client address),
// on SQLite and on PostgreSQL, with 1 and 2 instances (`node server/index.js` processes on one database), driven by
// autocannon (a bounded number of connections for a few seconds per case). PostgreSQL is a throwaway cluster with
// its default durability (fsync on), as SQLite runs with synchronous=FULL. Each set of instances gets one unmeasured
// second of reads first. Run alone: `node bench/server-load.js` (BENCH_SECONDS per case, default 3).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { startCluster } from '../scripts/postgres-cluster.js';
import { openStore } from '../server/store.js';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const POST = 'bench-post';

/**
 * Starts `node server/index.js` on a free port; resolves with its base URL and a stop function.
 * @param {Record<string, string>} env @returns {Promise<{ base: string, stop: () => Promise<void> }>}
 */
function launch(env) {
  const child = spawn(process.execPath, [join(PROJECT, 'server/index.js')], {
    cwd: PROJECT,
    env: { ...process.env, PORT: '0', LEDE_ADMIN_TOKEN: '', LEDE_TRUST_PROXY: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      const url = /Lede comment server: (http:\/\/\S+?)\//.exec(output);
      if (!url) return;
      const stop = () =>
        new Promise((/** @type {(value?: void) => void} */ done) => {
          if (child.exitCode !== null) {
            done();
            return;
          }
          child.on('exit', () => done());
          child.kill('SIGTERM');
        });
      resolve({ base: url[1], stop });
    });
    child.stderr.on('data', (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

let sent = 0;
/** A distinct client address per request, so the 5-a-minute rate limit never answers. */
const address = (/** @type {number} */ i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/**
 * One autocannon run per instance, at the same time; the connections are shared out between them.
 * @param {string[]} bases @param {{ duration: number, connections: number, post: boolean }} options
 */
async function load(bases, { duration, connections, post }) {
  const runs = bases.map((base) =>
    autocannon({
      url: post ? `${base}/api/comments` : `${base}/api/comments?post=${POST}`,
      connections: Math.max(1, Math.round(connections / bases.length)),
      duration,
      method: post ? 'POST' : 'GET',
      headers: post ? { 'content-type': 'application/json' } : {},
      requests: post
        ? [
            {
              setupRequest(req) {
                const i = ++sent;
                return {
                  ...req,
                  headers: {
                    ...req.headers,
                    'idempotency-key': `bench-${process.pid}-${i}`,
                    'x-forwarded-for': address(i),
                  },
                  body: JSON.stringify({
                    post: POST,
                    name: 'Camille',
                    email: 'camille@example.fr',
                    content: `Comment ${i} of the benchmark.`,
                  }),
                };
              },
            },
          ]
        : undefined,
    }),
  );
  const results = await Promise.all(runs);
  const total = (/** @type {(result: import('autocannon').Result) => number} */ pick) =>
    results.reduce((sum, r) => sum + pick(r), 0);
  return {
    rps: total((r) => r.requests.average),
    // Each instance's own percentiles; the slower instance's are reported.
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    requests: total((r) => r.requests.total),
    ok: total((r) => r['2xx']),
    other: total((r) => r.non2xx),
    errors: total((r) => r.errors + r.timeouts),
  };
}

/** A new database with `approved` approved comments on the benchmark's post. @param {string} url @param {number} approved */
async function seed(url, approved) {
  const store = await openStore(url);
  for (let i = 1; i <= approved; i++) {
    const answer = await store.accept(
      {
        post: POST,
        parent: null,
        name: 'Camille',
        email: 'camille@example.fr',
        url: null,
        content: `Seeded comment ${i}, a sentence or two long like most comments are.`,
        address: `192.0.2.${i}`,
        created: Date.now(),
      },
      { fingerprint: String(i), limit: { max: 1e9, window: 1 } },
      (id) => ({ status: 201, body: { id, status: 'pending' } }),
    );
    await store.approve(/** @type {{ body: { id: number } }} */ (answer).body.id);
  }
  await store.close();
}

/**
 * @param {{ duration?: number, connections?: number, approved?: number, log?: (line: string) => void }} [options]
 *   duration: seconds per case (3); connections: in all, shared by the instances (16); approved: comments in the list (20)
 */
export async function serverLoad({ duration = 3, connections = 16, approved = 20, log = () => {} } = {}) {
  /** @type {Array<{ store: string, instances: number, route: string, what: string } & Awaited<ReturnType<typeof load>>>} */
  const results = [];
  /** @type {string[]} */
  const notes = [];
  const tmp = mkdtempSync(join(tmpdir(), 'lede-bench-server-'));
  /** @type {Awaited<ReturnType<typeof startCluster>> | undefined} */
  let cluster;
  try {
    /** @type {Array<{ name: string, url: (n: number) => string | Promise<string>, close?: () => Promise<void> }>} */
    const stores = [{ name: 'SQLite', url: (n) => join(tmp, `bench-${n}.db`) }];
    try {
      const started = await startCluster({ durable: true });
      cluster = started;
      const admin = new pg.Client({ connectionString: started.url });
      await admin.connect();
      stores.push({
        name: 'PostgreSQL',
        url: async (n) => {
          await admin.query(`CREATE DATABASE bench_${n}`);
          return started.url.replace(/\/postgres$/, `/bench_${n}`);
        },
        close: () => admin.end(),
      });
    } catch (error) {
      notes.push(
        `Server: PostgreSQL not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`,
      );
    }
    let n = 0;
    for (const store of stores) {
      for (const instances of [1, 2]) {
        const url = await store.url(++n);
        await seed(url, approved);
        const servers = await Promise.all(Array.from({ length: instances }, () => launch({ LEDE_DB: url })));
        try {
          // One unmeasured second first: the servers' JIT and PostgreSQL's caches warm up.
          await load(
            servers.map((s) => s.base),
            { duration: 1, connections, post: false },
          );
          for (const post of [false, true]) {
            const what = post ? 'POST new comment' : `GET list (${approved} comments)`;
            log(`7 server: ${store.name}, ${instances} instance${instances > 1 ? 's' : ''}, ${what}`);
            const r = await load(
              servers.map((s) => s.base),
              { duration, connections, post },
            );
            results.push({ store: store.name, instances, route: post ? 'post' : 'list', what, ...r });
          }
        } finally {
          await Promise.all(servers.map((s) => s.stop()));
        }
      }
      await store.close?.();
    }
  } finally {
    cluster?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  return { duration, connections, approved, results, notes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await serverLoad({
    duration: Number(process.env.BENCH_SECONDS || 3),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  console.log('| store | instances | request | req/s | p50 | p99 | answers |');
  console.log('|---|--:|---|--:|--:|--:|---|');
  for (const r of out.results) {
    console.log(
      `| ${r.store} | ${r.instances} | ${r.what} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} ms | ${r.p99} ms | ${r.ok} 2xx, ${r.other} other, ${r.errors} errors |`,
    );
  }
  for (const note of out.notes) console.log(`- ${note}`);
}
