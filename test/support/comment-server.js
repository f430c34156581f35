// The real comment server (server/app.js) mounted in web-test-runner's dev server (a Koa middleware), so a
// browser test can post through <lede-comment-form> to it. One in-memory database per test run; admin token
// `test-token-of-at-least-32-characters` (the server refuses tokens under 32 characters). Requests under /api/ go
// to the server untouched; every other request passes through.
import { createServer } from '../../server/app.js';

export const ADMIN_TOKEN = 'test-token-of-at-least-32-characters';

/**
 * The middleware: add it to web-test-runner's `middleware` list. With `prefix` (say `/thread-api/`), a second server
 * of its own (its own database and rate limit) answers there, as if it were at /api/: the tests of one element then
 * post without counting against the comments another test file may store in the same minute.
 * @param {{ prefix?: string }} [options]
 * @returns {import('koa').Middleware}
 */
export function commentServer({ prefix = '/api/' } = {}) {
  const server = createServer({ db: ':memory:', adminToken: ADMIN_TOKEN });
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    ctx.req.url = `/api/${ctx.req.url?.slice(prefix.length) ?? ''}`;
    // Koa leaves the response alone; the server answers on the raw request and response.
    ctx.respond = false;
    const done = new Promise((resolve) => ctx.res.once('close', resolve));
    server.emit('request', ctx.req, ctx.res);
    await done; // the middlewares around this one run after the answer, and cannot touch it
  };
}
