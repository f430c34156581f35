#!/usr/bin/env node
// A throwaway PostgreSQL cluster for the tests and the benchmarks: `initdb` into a temporary folder, the server on a
// free loopback port with its Unix socket in that folder, stopped and removed at the end.
//
//   node scripts/postgres-cluster.js <command> [args…]   runs the command with LEDE_TEST_DB=postgres and
//                                                        LEDE_TEST_PG_URL set, then stops the cluster (also on
//                                                        failure, Ctrl-C or SIGTERM); exits with the command's code
//
// initdb refuses to run as root: as root, the cluster belongs to the `postgres` user (Debian's package creates it).
// The binaries come from PG_BIN, else the newest /usr/lib/postgresql/<version>/bin (Debian keeps them off PATH),
// else PATH. When there are none, the command does not run: a message says so and the exit code is 0, or 1 when
// CI or LEDE_REQUIRE_POSTGRES is set (CI must not pass with the PostgreSQL tests silently left out).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findBinaries() {
  const given = process.env.PG_BIN;
  if (given) return existsSync(join(given, 'initdb')) && existsSync(join(given, 'pg_ctl')) ? given : null;
  const candidates = [];
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  for (const folder of candidates)
    if (existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'pg_ctl'))) return folder;
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return found ? found.replace(/\/initdb$/, '') : null;
}

/**
 * Creates and starts a cluster. `durable: false` (the tests) turns fsync off, which only matters for a crash of
 * the machine; the benchmarks keep PostgreSQL's defaults, as a real server would run.
 * @param {{ durable?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, dir: string, stop(): void }>} url: the `postgres` database as the
 *   `postgres` superuser (trust authentication, loopback only)
 */
export async function startCluster({ durable = false } = {}) {
  const bin = findBinaries();
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed (no initdb in PG_BIN, /usr/lib/postgresql/*/bin or PATH; on Debian: apt-get install postgresql)',
    );
  const dir = mkdtempSync(join(tmpdir(), 'lede-pg-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'socket');
  mkdirSync(socket);
  /** @type {{ uid?: number, gid?: number }} */
  const as = {};
  if (process.getuid?.() === 0) {
    const id = (/** @type {string} */ flag) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    try {
      as.uid = id('-u');
      as.gid = id('-g');
    } catch {
      rmSync(dir, { recursive: true, force: true });
      throw new Error('running as root, and there is no `postgres` user to own the cluster (initdb refuses root)');
    }
    chownSync(dir, as.uid, as.gid);
    chownSync(socket, as.uid, as.gid);
  }
  const run = (/** @type {string} */ tool, /** @type {string[]} */ args) => {
    const result = spawnSync(join(bin, tool), args, {
      cwd: dir,
      ...as,
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' },
    });
    if (result.status !== 0)
      throw new Error(
        `${tool} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout || result.error}`,
      );
  };
  let started = false;
  const stop = () => {
    if (started) {
      spawnSync(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w'], { cwd: dir, ...as, stdio: 'ignore' });
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-instructions',
      ...(durable ? [] : ['--no-sync']),
    ]);
    const port = await freePort();
    const settings = [
      `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${socket}`,
      '-c max_connections=300 -c shared_buffers=64MB',
      durable ? '' : '-c fsync=off -c full_page_writes=off -c synchronous_commit=on',
    ].join(' ');
    started = true;
    run('pg_ctl', ['start', '-D', data, '-w', '-t', '30', '-l', join(dir, 'server.log'), '-o', settings]);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
  } catch (error) {
    const log = join(dir, 'server.log');
    const tail = existsSync(log) ? `\n${readFileSync(log, 'utf8').split('\n').slice(-10).join('\n')}` : '';
    stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}${tail}`, { cause: error });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('Usage: node scripts/postgres-cluster.js <command> [args…]');
    process.exit(2);
  }
  let cluster;
  try {
    cluster = await startCluster();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const required = process.env.CI ? 'CI' : process.env.LEDE_REQUIRE_POSTGRES ? 'LEDE_REQUIRE_POSTGRES' : '';
    if (required) {
      console.error(`PostgreSQL tests cannot run: ${message}. ${required} is set, so this is a failure.`);
      process.exit(1);
    }
    console.error(
      `\n*** SKIPPED: the server tests on PostgreSQL did not run: ${message}. They ran on SQLite only. ***\n`,
    );
    process.exit(0);
  }
  console.error(`PostgreSQL cluster on port ${cluster.port} (${cluster.dir}): ${[command, ...args].join(' ')}`);
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, LEDE_TEST_DB: 'postgres', LEDE_TEST_PG_URL: cluster.url },
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => child.kill(signal));
  }
  process.on('exit', () => cluster.stop());
  child.on('exit', (code, signal) => {
    cluster.stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
