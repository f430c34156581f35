// The benchmarks' web server: the project's own static handler (server/static.js: demo/ at /, dist/ at /dist/,
// the production Content-Security-Policy on HTML), plus the bench's pages at /bench/ (bench/pages/), the
// pages generated during the run at /gen/ (a temp folder), an empty comment list at /api/comments, and an
// optional delay on image responses (figure 4 throttles images with it); and for bench/downloads.js, the
// reference article rendered by lede-elements/ssr with dist/autoloader.js as its only script at /__autoloader.html, a
// page with one <lede-figure> and the autoloader at /__figure.html, and the floor's page at /gen/floor.html.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY, serveStatic } from '../server/static.js';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const IMAGE = /\.(svg|png|jpe?g|gif|webp|avif)$/i;

/**
 * @param {{ generated: string }} options folder served at /gen/
 * @returns {Promise<{ origin: string, setImageDelay(ms: number): void, close(): Promise<void> }>}
 */
export async function startServer({ generated }) {
  let imageDelay = 0;
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler catches every error itself
  const server = createServer(async (req, res) => {
    try {
      const pathname = new URL(req.url ?? '/', 'http://bench').pathname;
      if (imageDelay && IMAGE.test(pathname)) await new Promise((done) => setTimeout(done, imageDelay));
      if (pathname === '/api/comments') {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end('[]');
        return;
      }
      const page = PAGES_MADE[/** @type {keyof typeof PAGES_MADE} */ (pathname)];
      if (page) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
        res.end(await page());
        return;
      }
      for (const [prefix, folder] of [
        ['/bench/', PAGES],
        ['/gen/', generated],
      ]) {
        if (pathname.startsWith(prefix)) {
          await serveFile(res, folder, pathname.slice(prefix.length));
          return;
        }
      }
      await serveStatic(req, res, PROJECT, pathname);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    setImageDelay: (/** @type {number} */ ms) => void (imageDelay = ms),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

const AUTOLOADER = '<script type="module" src="/dist/autoloader.js"></script>';
/** Pages made on request (in the demo's folder, so that its relative image URLs resolve). */
const PAGES_MADE = {
  '/__autoloader.html': async () => {
    const { renderToString } = await import('../dist/lib/ssr/index.js');
    const markup = await readFile(new URL('../demo/index.html', import.meta.url), 'utf8');
    // The demo loads the autoloader already; its own script (the language switch) is left out.
    return renderToString(markup, { lang: 'fr' }).replace('<script type="module" src="demo.js"></script>', '');
  },
  '/__figure.html':
    () => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Une figure</title>${AUTOLOADER}</head>
<body><lede-figure caption="Une légende" credit="Crédit" zoomable><img src="images/telegram.svg" alt="Une image" width="976" height="549"></lede-figure></body></html>`,
  '/gen/floor.html': () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title>
<script type="module" src="/gen/floor-element.js"></script></head><body><floor-element name="floor"></floor-element></body></html>`,
};

/**
 * A file of `folder` (no `..`, no hidden files), with the same headers as the project's server.
 * @param {import('node:http').ServerResponse} res @param {string} folder @param {string} rest
 */
async function serveFile(res, folder, rest) {
  const file = resolve(folder, decodeURIComponent(rest));
  const info =
    file.startsWith(folder.replace(/\/?$/, sep)) && !rest.split('/').some((s) => s.startsWith('.'))
      ? await stat(file).catch(() => null)
      : null;
  if (!info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
    return;
  }
  const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream';
  /** @type {Record<string, string | number>} */
  const headers = { 'Content-Type': type, 'Content-Length': info.size, 'Cache-Control': 'no-cache' };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}
