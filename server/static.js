// Static files: the demo page at `/` (from `demo/`), the built bundle at `/dist/` (from `dist/`), and the moderation
// page at `/admin/` (from `build/admin/`; app.js serves it only when the admin API is on).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * The policy every HTML page is served with: nothing inline, nothing evaluated, Trusted Types required
 * (Lit's `lit-html` policy and Lede's own `lede` policy are the only ones allowed).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html lede";

/**
 * Headers every HTML page gets besides its CSP: the full URL of a page (a post's slug, a query) is not sent to other
 * sites; cameras, microphones, location and the like are off for the page and anything it embeds; and a window it
 * opens, or that opens it, from another origin gets no handle on it.
 */
export const HTML_HEADERS = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), ' +
    'magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(), xr-spatial-tracking=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** @type {Record<string, string>} */
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

/** Types sent compressed when the client accepts it: text, JSON, SVG. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/;

/**
 * How long a browser may keep an answer. A chunk of the build named after its content (`dist/chunks/name-HASH.js`)
 * never changes under its name: a year, immutable. Other files (lede.js, demo.css, images) change under the same
 * name on a rebuild: five minutes. HTML pages (server-rendered per language and URL) are checked every time.
 */
export function cacheControl(/** @type {string} */ pathname, /** @type {string} */ type) {
  if (/^\/dist\/chunks\/[\w.-]+-[\w-]{8}\.js$/.test(pathname)) return 'public, max-age=31536000, immutable';
  return type.startsWith('text/html') ? 'no-cache' : 'public, max-age=300';
}

/**
 * The content coding to answer with for an `Accept-Encoding` header: `br` or `gzip`, whichever it weighs more (`br`
 * on a tie), else none (identity). A coding with `q=0` is refused; `*` stands for any coding not named.
 */
export function encodingFor(/** @type {string | undefined} */ header) {
  /** @type {Record<string, number>} */
  const weights = {};
  for (const item of String(header ?? '')
    .toLowerCase()
    .split(',')) {
    const [name, ...params] = item.split(';').map((part) => part.trim());
    const q = params.find((param) => param.startsWith('q='));
    if (name) weights[name] = q ? Number(q.slice(2)) || 0 : 1;
  }
  const [br, gz] = ['br', 'gzip'].map((name) => weights[name] ?? weights['*'] ?? 0);
  return br > 0 && br >= gz ? 'br' : gz > 0 ? 'gzip' : undefined;
}

const compressors = {
  br: (/** @type {Buffer} */ body) =>
    promisify(brotliCompress)(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (/** @type {Buffer} */ body) => promisify(gzip)(body, { level: 9 }),
};

/** @type {Map<string, { body: Buffer, br?: Promise<Buffer>, gzip?: Promise<Buffer> }>} text files read, by path and version */
const texts = new Map();

/**
 * `entry.body` in `encoding` (compressed once per entry and coding, then kept with it), or as it is without one.
 * @param {{ body: Buffer, br?: Promise<Buffer>, gzip?: Promise<Buffer> }} entry @param {'br' | 'gzip' | undefined} encoding
 */
const encoded = (entry, encoding) =>
  encoding ? (entry[encoding] ??= compressors[encoding](entry.body)) : Promise.resolve(entry.body);

/** URL paths served from another folder than demo/: the build, and the moderation page's build. */
const MOUNTS = [
  { prefix: '/dist', folder: 'dist' },
  { prefix: '/admin', folder: join('build', 'admin') },
];

/** The mount a decoded URL path is under, if any. @param {string} path */
const mountOf = (path) => MOUNTS.find(({ prefix }) => path === prefix || path.startsWith(prefix + '/'));

/** Whether a raw URL path is the moderation page's, however it is percent-encoded. @param {string} pathname */
export function isAdminPage(pathname) {
  try {
    return mountOf(decodeURIComponent(pathname))?.prefix === '/admin';
  } catch {
    return false;
  }
}

/**
 * Maps a URL path to a file inside `demo/`, `dist/` or `build/admin/`, or null when it would leave them.
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
  const mount = mountOf(path);
  const base = resolve(root, mount ? mount.folder : 'demo');
  const rest = mount ? path.slice(mount.prefix.length) : path;
  // No hidden files, no `..`: checked on the segments, then again on the resolved path.
  if (rest.split('/').some((segment) => segment.startsWith('.'))) return null;
  const file = resolve(base, '.' + (rest.endsWith('/') || rest === '' ? rest + '/index.html' : rest));
  return file.startsWith(base + sep) ? file : null;
}

/** The folder (demo/ or a mount's) a path returned by fileFor is in. @param {string} root @param {string} file */
function folderOf(root, file) {
  const mounted = MOUNTS.map(({ folder }) => resolve(root, folder)).find((folder) => file.startsWith(folder + sep));
  return mounted ?? resolve(root, 'demo');
}

/**
 * The real path of `file` when it is inside the real folder it was looked up in (demo/, dist/ or build/admin/),
 * else null.
 * @param {string} root @param {string} file a path returned by fileFor
 */
async function inside(root, file) {
  const base = folderOf(root, file);
  // realpath of the folder too: the project itself may sit behind a symlink (/tmp → /private/tmp).
  const [real, realBase] = await Promise.all([realpath(file), realpath(base)]).catch(() => [null, null]);
  return real && realBase && real.startsWith(realBase + sep) ? real : null;
}

/**
 * Answers a GET or HEAD for a static file; 404 when there is none.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} root
 * @param {string} pathname
 * @param {(post: string) => Promise<unknown[]>} [approved] the approved comments of a post, written into the
 *   server-rendered page's comment sections (see `withComments`)
 */
export async function serveStatic(req, res, root, pathname, approved) {
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
  // stat() follows symlinks: only a file whose real path is inside the real folder it was looked up in is served,
  // so a link to /etc or to the project's own files is a 404 like any other path leaving them. Only demo/ pages
  // are server-rendered.
  const demo = Boolean(file && folderOf(root, file) === resolve(root, 'demo'));
  if (file && info?.isFile()) file = await inside(root, file);
  if (!file || !info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('Not found\n');
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  /** @type {Record<string, string | number>} */
  const headers = { 'Content-Type': type, 'Content-Length': info.size, 'Cache-Control': cacheControl(pathname, type) };
  if (type.startsWith('text/html'))
    Object.assign(headers, HTML_HEADERS, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
  const page = type.startsWith('text/html') && demo && (await serverRendered(req, file, info.mtimeMs, approved));
  if (page) headers['Content-Security-Policy'] = page.csp;
  // Text answers (the server-rendered page, scripts, styles, SVG) go compressed when the client accepts it: read
  // whole (they are small) and compressed once per version of the file.
  if (page || COMPRESSIBLE.test(type)) {
    const key = `${file}|${info.mtimeMs}|${info.size}`;
    let entry = page || texts.get(key);
    if (!entry) {
      if (texts.size >= 200) texts.clear();
      texts.set(key, (entry = { body: await readFile(file) }));
    }
    const encoding = encodingFor(req.headers['accept-encoding']);
    const body = await encoded(entry, encoding);
    Object.assign(
      headers,
      { Vary: 'Accept-Encoding', 'Content-Length': body.length },
      encoding && { 'Content-Encoding': encoding },
    );
    res.writeHead(200, headers);
    return res.end(req.method === 'HEAD' ? undefined : body);
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
  return undefined;
}

// Server-side rendering of the demo pages (lede-elements/ssr): on by default, off with `?ssr=0` for the client-rendered page
// (or for every request with LEDE_SSR=0, where `?ssr=1` turns it back on). `?lang=en` renders the page in another
// built-in language. Pages without Lede elements are served as they are. A rendered page loads dist/hydrate.js
// before dist/lede.js, and its CSP allows the shadow roots' <style> blocks by their hashes, nothing else inline.
const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ar'];

/** `html` with a module script for `src` (default: the hydrate.js beside it) just before the one for lede.js. */
export const withHydrate = (/** @type {string} */ html, /** @type {string} */ src = '') =>
  html.replace(
    /<script\b[^>]*\bsrc="([^"]*\/)lede\.js"[^>]*><\/script>/,
    (tag, dir) => `<script type="module" src="${src || `${dir}hydrate.js`}"></script>${tag}`,
  );

/**
 * `markup` with the approved comments of each `<lede-comments src="/api/comments" post-id="…">` (a list this server
 * answers) written into it as the `<script type="application/json">` child the element renders from: readers without
 * JavaScript and search engines get the thread in the HTML, and the browser takes it over without fetching it again.
 * The markup is the site's own page; the comments are JSON with every `<` escaped, so no text of theirs can end the
 * script or open markup.
 * @param {string} markup @param {(post: string) => Promise<unknown[]>} approved
 */
export async function withComments(markup, approved) {
  const sections = [...markup.matchAll(/<lede-comments\b[^>]*>/gi)];
  const lists = await Promise.all(
    sections.map(async ([tag]) => {
      const post = /\spost-id="([^"]*)"/i.exec(tag)?.[1];
      const src = /\ssrc="([^"]*)"/i.exec(tag)?.[1];
      return post && src === '/api/comments'
        ? JSON.stringify(await approved(post)).replace(/</g, '\\u003c')
        : undefined;
    }),
  );
  let out = '';
  let at = 0;
  sections.forEach((section, index) => {
    const end = (section.index ?? 0) + section[0].length;
    const json = lists[index];
    if (json === undefined) return;
    out += markup.slice(at, end) + `<script type="application/json">${json}</script>`;
    at = end;
  });
  return out + markup.slice(at);
}

/** The demo's CSP, with the shadow roots' <style> blocks allowed by their hashes (`styleHashes` of lede-elements/ssr). */
export const cspWithStyles = (/** @type {string[]} */ hashes) =>
  CONTENT_SECURITY_POLICY.replace("style-src 'self'", ["style-src 'self'", ...hashes].join(' '));
/** @type {Map<string, { mtime: number, body: Buffer, csp: string, br?: Promise<Buffer>, gzip?: Promise<Buffer> }>} */
const rendered = new Map();
/** @type {Promise<typeof import('../dist/lib/ssr/index.js') | null> | undefined} */
let ssr;

/**
 * The server-rendered page for `file`, or null when it is not wanted or not possible (not built yet: served as is).
 * Its structured data's URLs are resolved against the page's URL as the browser sees it (`http://` + Host + path and
 * query; PUBLIC_ORIGIN, e.g. `https://news.example`, replaces the first two behind a proxy), so the browser finds
 * them already written. With `approved`, its comment sections hold the approved comments (`withComments`). Cached
 * per file, language, URL and comments (at most 100 pages) until the file changes; rebuilding dist/ needs a restart.
 * @param {import('node:http').IncomingMessage} req @param {string} file @param {number} mtime
 * @param {(post: string) => Promise<unknown[]>} [approved]
 */
async function serverRendered(req, file, mtime, approved) {
  const query = new URLSearchParams(req.url?.split('?')[1] ?? '');
  const wanted = query.get('ssr') ?? (process.env.LEDE_SSR === '0' ? '0' : '1');
  const lang = query.get('lang') ?? '';
  if (wanted === '0' || (lang && !LANGUAGES.includes(lang))) return null;
  const origin = process.env.PUBLIC_ORIGIN || `http://${req.headers.host ?? 'localhost'}`;
  const url = URL.canParse(`${origin}${req.url}`) ? `${origin}${req.url}` : undefined;
  const source = await readFile(file, 'utf8');
  if (!/<lede-/i.test(source)) return null;
  const markup = approved ? await withComments(source, approved) : source;
  const key = `${file}|${lang}|${url}|${createHash('sha256').update(markup).digest('base64')}`;
  const hit = rendered.get(key);
  if (hit?.mtime === mtime) return hit;
  ssr ??= import('../dist/lib/ssr/index.js').catch((/** @type {unknown} */ error) => {
    console.error(
      `Server-side rendering is off: ${error instanceof Error ? error.message : String(error)} (run npm run build)`,
    );
    return null;
  });
  const module = await ssr;
  if (!module) return null;
  let html;
  try {
    html = module.renderToString(markup, lang ? { lang, url } : { url });
  } catch (error) {
    console.error(`Server-side rendering of ${file} failed; served as it is.`, error);
    return null;
  }
  html = withHydrate(html);
  const page = { mtime, body: Buffer.from(html), csp: cspWithStyles(module.styleHashes(html)) };
  if (rendered.size >= 100) rendered.clear();
  rendered.set(key, page);
  return page;
}
