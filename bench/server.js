// The benchmarks' web server: the project's own static handler (server/static.js: demo/ at /, dist/ at /dist/,
// the production Content-Security-Policy on HTML), plus the bench's pages at /bench/ (bench/pages/), the
// pages generated during the run at /gen/ (a temp folder), an empty comment list at /api/comments, and an
// optional delay on image responses (figure 4 throttles images with it).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, serveStatic } from '../server/static.js';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const IMAGE = /\.(svg|png|jpe?g|gif|webp|avif)$/i;

/**
 * @param {{ generated: string }} options folder served at /gen/
 * @returns {Promise<{ origin: string, setImageDelay(ms: number): void, close(): Promise<void> }>}
 */
export async function startServer({ generated }) {
  let imageDelay = 0;
  const server = createServer(async (req, res) => {
    try {
      const pathname = new URL(req.url ?? '/', 'http://bench').pathname;
      if (imageDelay && IMAGE.test(pathname)) await new Promise((done) => setTimeout(done, imageDelay));
      if (pathname === '/api/comments') {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        return res.end('[]');
      }
      for (const [prefix, folder] of [['/bench/', PAGES], ['/gen/', generated]]) {
        if (pathname.startsWith(prefix)) return await serveFile(res, folder, pathname.slice(prefix.length));
      }
      return await serveStatic(req, res, PROJECT, pathname);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    setImageDelay: (ms) => void (imageDelay = ms),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A file of `folder` (no `..`, no hidden files), with the same headers as the project's server. */
async function serveFile(res, folder, rest) {
  const file = resolve(folder, decodeURIComponent(rest));
  const info = file.startsWith(folder.replace(/\/?$/, sep)) && !rest.split('/').some((s) => s.startsWith('.')) ? await stat(file).catch(() => null) : null;
  if (!info?.isFile()) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers = { 'Content-Type': type, 'Content-Length': info.size, 'Cache-Control': 'no-cache' };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}
