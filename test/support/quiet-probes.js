// The browser tests ask for things that cannot be served on purpose: images whose `src` is a payload, a
// 10,000-character URL, a path that does not decode (`%zz`) or leaves the root (`\\server\share`). Answered as
// they are, a green run printed koa's stack traces (`BadRequestError: failed to decode`, `Malicious Path`) and
// web-test-runner's list of 404s with each URL in full. This middleware, first in web-test-runner.config.js,
// answers them quietly, so a green run prints counts and a red one its failures:
// - a request the static server refuses (4xx thrown by koa-send) gets that status and no stack trace;
// - a missing image (`Sec-Fetch-Dest: image`) is `410 Gone`: it still fails to load, as the tests want, but it is
//   not a 404, which web-test-runner lists after the file. A missing module or fixture fetched by a test is still
//   a 404, listed, and fails its test.
/** @returns {import('koa').Middleware} */
export function quietProbes() {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const status = /** @type {{ status?: number }} */ (error).status ?? 500;
      if (status < 400 || status >= 500) throw error;
      ctx.status = status;
      ctx.body = '';
      return;
    }
    if (ctx.status === 404 && ctx.get('sec-fetch-dest') === 'image') {
      ctx.status = 410;
      ctx.body = '';
    }
  };
}
