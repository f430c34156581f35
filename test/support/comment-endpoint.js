// A real HTTP comment server for the <lede-comment-form> tests, mounted in web-test-runner's dev server
// (a Koa middleware). Everything lives under /test-api/; every other request passes through untouched.
//
// POST /test-api/comments?log=L&mode=M1,M2,…        the `json` protocol. The nth request of log L answers
//   with mode Mn (the last mode repeats). Modes:
//     pending, approved   201 { id, status }
//     fields              400 { errors: { email, content } }
//     echo                400 { errors: { name, email, url, content } }, each the text of query `say` as is (a
//                         server that reflects input into its error messages)
//     duplicate           409 { error }
//     rate                429 with `Retry-After: <after>` (query `after`, seconds) or an HTTP date (query
//                         `date`, seconds from now), or no Retry-After at all when neither is given
//     server              500 { error }
//     gateway             502 with an HTML body, as a proxy sends it
//     malformed           200 with a truncated JSON body
//     hang                never answers (until the client gives up)
//     lost                stores the comment, then destroys the socket: the client sees a network error
//   A comment is stored once per Idempotency-Key: a request that repeats a key already stored gets the first
//   answer again, whatever its mode, and nothing new is stored.
// POST /test-api/wp-comments-post.php?log=L&mode=…  like WordPress's classic endpoint (see WORDPRESS.md):
//   form-encoded fields; 302 to the post with `unapproved=` (held for moderation, the default) or without
//   (mode `approved`); a 200 error page with `div.wp-die-message` for missing or bad fields; 409 for a duplicate
//   comment text; 429 (mode `rate`); an empty 200 (mode `empty`); an error page whose message holds markup and
//   escaped markup (mode `markup`), or the text of query `say` pasted in as raw markup (mode `echo`). GET answers 405.
// Mode `redirect` (both protocols): answers query `status` (307 by default) with `Location:` query `to`.
// Query `cors=1` on any route: answers as an endpoint open to every origin (preflights included), which is
// what another origin a comment must never reach would do.
// GET /test-api/post?p=…                            the post page the WordPress redirect lands on.
// GET /test-api/received?log=L                      { requests: [{ method, path, query, headers, body }],
//                                                     comments: [stored comments] } for log L.
// GET /test-api/closed-port                         { port }: a local TCP port nobody listens on (bound, then
//                                                     closed), for a "connection refused".

import { freePort } from '../../scripts/free-port.js';

/**
 * @typedef {{ method: string, path: string, query: Record<string, unknown>, headers: Record<string, string>, body: string }} Request
 * @typedef {{ requests: Request[], comments: Array<Record<string, unknown>> }} Log
 * @typedef {import('koa').Context} Context
 */

/** @type {Map<string, Log>} */
const logs = new Map();
/** @type {Map<string, [number, object]>} */
const answers = new Map();
let nextId = 100;

/** @param {string} name @returns {Log} */
function logFor(name) {
  const log = logs.get(name) ?? { requests: [], comments: [] };
  logs.set(name, log);
  return log;
}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (/** @type {string} */ chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const wpPage = (/** @type {string} */ message) =>
  `<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>Comment Submission Failure</title></head>` +
  `<body id="error-page"><div class="wp-die-message"><p>${message}</p></div>` +
  `<p><a href="javascript:history.back()">&laquo; Back</a></p></body></html>`;

/** @param {Context} ctx @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
function send(ctx, status, body, headers = {}) {
  ctx.status = status;
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  ctx.body = body;
}

/** @param {Context} ctx @param {Log} log @param {string} mode @param {Request} record @param {string} [key] */
async function json(ctx, log, mode, record, key) {
  const first = key && answers.get(key);
  if (first) return send(ctx, ...first);
  /** Stores the comment once, and the answer for its key. @returns {[number, object]} */
  const store = () => {
    const payload = JSON.parse(record.body);
    const comment = { id: nextId++, status: mode === 'approved' ? 'approved' : 'pending', ...payload };
    log.comments.push(comment);
    /** @type {[number, object]} */
    const answer = [201, { id: comment.id, status: comment.status }];
    if (key) answers.set(key, answer);
    return answer;
  };
  switch (mode) {
    case 'fields':
      return send(ctx, 400, {
        errors: { email: 'This address is not accepted here.', content: 'Links are not allowed.' },
      });
    case 'echo': {
      const say = String(ctx.query.say ?? '');
      return send(ctx, 400, { errors: { name: say, email: say, url: say, content: say } });
    }
    case 'duplicate':
      return send(ctx, 409, { error: 'duplicate' });
    case 'rate': {
      const { after, date } = ctx.query;
      /** @type {Record<string, string>} */
      const headers = after
        ? { 'Retry-After': String(after) }
        : date
          ? { 'Retry-After': new Date(Date.now() + Number(date) * 1000).toUTCString() }
          : {};
      return send(ctx, 429, { error: 'rate limited' }, headers);
    }
    case 'server':
      return send(ctx, 500, { error: 'database unavailable' });
    case 'gateway':
      return send(
        ctx,
        502,
        '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
        {
          'Content-Type': 'text/html',
        },
      );
    case 'malformed':
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = '{"id": 7, "status": "pend';
      return;
    case 'hang':
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 60000);
        ctx.req.on('close', () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
      ctx.status = 204;
      ctx.respond = false;
      return;
    case 'lost': {
      // The comment is stored, then the answer is cut short (headers and a few bytes of a longer body) and the
      // socket destroyed: `fetch` fails with a network error. Destroying the socket before any byte is sent
      // is not enough: Chromium then silently resends a POST made on a reused keep-alive connection.
      store();
      ctx.status = 204;
      ctx.respond = false;
      const { socket } = ctx.req;
      socket.write('HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{"id"', () =>
        socket.destroy(),
      );
      return;
    }
    default:
      return send(ctx, ...store());
  }
}

/** @param {Context} ctx @param {Log} log @param {string} mode @param {Request} record */
function wordpress(ctx, log, mode, record) {
  const form = new URLSearchParams(record.body);
  const author = form.get('author')?.trim();
  const email = form.get('email')?.trim();
  const comment = form.get('comment')?.trim();
  const post = form.get('comment_post_ID');
  if (mode === 'empty') return send(ctx, 200, '');
  if (mode === 'rate')
    return send(ctx, 429, wpPage('You are posting comments too quickly. Slow down.'), { 'Content-Type': 'text/html' });
  if (mode === 'echo') return send(ctx, 200, wpPage(String(ctx.query.say ?? '')), { 'Content-Type': 'text/html' });
  if (mode === 'markup') {
    return send(
      ctx,
      200,
      wpPage('Refused &lt;img src=x onerror=alert(1)&gt; <em>as&nbsp;is</em><script>parent.hacked = true</script>'),
      {
        'Content-Type': 'text/html',
      },
    );
  }
  let message = '';
  if (!author || !email) message = '<strong>Error:</strong> Please fill the required fields.';
  else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    message = '<strong>Error:</strong> Please enter a valid email address.';
  else if (!comment) message = '<strong>Error:</strong> Please type your comment text.';
  if (message) return send(ctx, 200, wpPage(message), { 'Content-Type': 'text/html' });
  if (log.comments.some((stored) => stored.comment === comment)) {
    return send(ctx, 409, wpPage('Duplicate comment detected; it looks as though you&#8217;ve already said that!'), {
      'Content-Type': 'text/html',
    });
  }
  const id = nextId++;
  log.comments.push({ id, ...Object.fromEntries(form) });
  const held = mode === 'approved' ? '' : `&unapproved=${id}&moderation-hash=0a1b2c3d`;
  ctx.status = 302;
  ctx.set('Location', `/test-api/post?p=${encodeURIComponent(post ?? '')}${held}#comment-${id}`);
}

/**
 * The middleware: add it to web-test-runner's `middleware` list.
 * @returns {import('koa').Middleware}
 */
export function commentEndpoint() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/test-api/')) return next();
    if (ctx.query.cors) {
      ctx.set('Access-Control-Allow-Origin', '*');
      ctx.set('Access-Control-Allow-Headers', '*');
      if (ctx.method === 'OPTIONS') return send(ctx, 204, '');
    }
    const route = ctx.path.slice('/test-api/'.length);
    const log = logFor(String(ctx.query.log ?? ''));
    if (route === 'received') return send(ctx, 200, log);
    if (route === 'closed-port') return send(ctx, 200, { port: await freePort() });
    if (route === 'post') {
      return send(
        ctx,
        200,
        `<!DOCTYPE html><html><head><title>Post ${String(ctx.query.p)}</title></head><body><h1>Post</h1></body></html>`,
        {
          'Content-Type': 'text/html',
        },
      );
    }
    const wp = route === 'wp-comments-post.php';
    if (!wp && route !== 'comments') return send(ctx, 404, { error: 'no such route' });
    if (ctx.method !== 'POST') return send(ctx, 405, '', { Allow: 'POST' });

    /** @type {Record<string, string>} */
    const headers = {};
    for (const name of ['content-type', 'idempotency-key', 'x-csrf-token', 'origin', 'host']) {
      if (ctx.get(name)) headers[name] = ctx.get(name);
    }
    const record = {
      method: ctx.method,
      path: ctx.path,
      query: { ...ctx.query },
      headers,
      body: await readBody(ctx.req),
    };
    log.requests.push(record);
    const modes = String(ctx.query.mode ?? '').split(',');
    const mode = modes[Math.min(log.requests.length, modes.length) - 1];
    if (mode === 'redirect') {
      ctx.status = Number(ctx.query.status ?? 307);
      return ctx.set('Location', String(ctx.query.to));
    }
    return wp ? wordpress(ctx, log, mode, record) : json(ctx, log, mode, record, headers['idempotency-key']);
  };
}
