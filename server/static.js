// Static files: the demo page at `/` (from `demo/`) and the built bundle at `/dist/` (from `dist/`).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/**
 * The policy every HTML page is served with: nothing inline, nothing evaluated, Trusted Types required
 * (Lit's `lit-html` policy and Lede's own `lede` policy are the only ones allowed).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html lede";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * Maps a URL path to a file inside `demo/` or `dist/`, or null when it would leave them.
 * @param {string} root the project folder
 * @param {string} pathname the raw (still percent-encoded) URL path
 */
export function fileFor(root, pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const inDist = path === '/dist' || path.startsWith('/dist/');
  const base = resolve(root, inDist ? 'dist' : 'demo');
  const rest = inDist ? path.slice('/dist'.length) : path;
  // No hidden files, no `..`: checked on the segments, then again on the resolved path.
  if (rest.split('/').some((segment) => segment.startsWith('.'))) return null;
  const file = resolve(base, '.' + (rest.endsWith('/') || rest === '' ? rest + '/index.html' : rest));
  return file.startsWith(base + sep) ? file : null;
}

/**
 * Answers a GET or HEAD for a static file; 404 when there is none.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} root
 * @param {string} pathname
 */
export async function serveStatic(req, res, root, pathname) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('Method not allowed\n');
  }
  let file = fileFor(root, pathname);
  let info = file ? await stat(file).catch(() => null) : null;
  if (file && info?.isDirectory()) {
    // `/dist` → `/dist/index.html`: same answer as the path with its slash.
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!file || !info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('Not found\n');
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  /** @type {Record<string, string | number>} */
  const headers = { 'Content-Type': type, 'Content-Length': info.size, 'Cache-Control': 'no-cache' };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
