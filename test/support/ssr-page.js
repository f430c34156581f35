// The reference article rendered by lede-elements/ssr, for test/ssr.test.ts, mounted in web-test-runner's dev server (a Koa
// middleware). Needs a build (dist/), as `npm test` makes before running the browser tests.
//
// GET /demo/__ssr.html?lang=fr&gate=G   demo/index.html rendered server-side, under the demo server's strict CSP
//   (style hashes, Trusted Types policy names; framing from the same origin allowed for the test's iframe, and no
//   `require-trusted-types-for`, which the demo page's own structured data does not meet yet). Its scripts are
//   dist/hydrate.js then dist/lede.js (in place of the demo's autoloader); demo.js (the language switch) is left out. With `gate`, hydrate.js
//   (and so lede.js, which runs after it) is held back until POST /test-ssr/open?gate=G, so that the test can look
//   at the server-rendered page before any script runs.
// GET /demo/__csr.html?lang=fr            the same article rendered in the browser only.
// GET /demo/__fragment.html?markup=M&lang=fr&now=T&gate=G   the markup M rendered server-side in a page of its own,
//   with the server's clock at T (ms since 1970; default: now), to make the server and the browser disagree.
import { readFile } from 'node:fs/promises';

const article = new URL('../../demo/index.html', import.meta.url);
/** @type {Map<string, () => void>} gates waiting to open, and those opened early */
const gates = new Map();
const opened = new Set();

/**
 * The demo's markup without its own script, with dist/lede.js in place of the autoloader it loads, and a comment
 * form alone in place of its comment section: these pages test the one-file path (hydrate.js, then lede.js) and the
 * form as a page without a comment server has it; test/autoloader.test.ts tests the autoloader's.
 */
const withoutDemo = (/** @type {string} */ html) =>
  html
    .replace('<script type="module" src="demo.js"></script>', '')
    .replace(
      '<script type="module" src="/dist/autoloader.js"></script>',
      '<script type="module" src="/dist/lede.js"></script>',
    )
    .replace(
      /<lede-comments\b[^>]*><\/lede-comments>/,
      '<lede-comment-form action="/api/comments" post-id="europol-telegram" remember></lede-comment-form>',
    );

/** @returns {import('koa').Middleware} */
export function ssrPage() {
  return async (ctx, next) => {
    const { path, query } = ctx;
    const lang = typeof query.lang === 'string' ? query.lang : 'fr';
    const gate = typeof query.gate === 'string' ? query.gate : '';
    const hydrate = gate ? `/test-ssr/hydrate.js?gate=${encodeURIComponent(gate)}` : '/dist/hydrate.js';
    if (path === '/demo/__ssr.html') {
      const { cspWithStyles, withHydrate } = await import('../../server/static.js');
      const { renderToString, styleHashes } = await import('../../dist/lib/ssr/index.js');
      // The page's own URL, as the iframe's document has it: structured data comes out as the browser writes it.
      const html = withHydrate(
        renderToString(withoutDemo(await readFile(article, 'utf8')), { lang, url: ctx.href }),
        hydrate,
      );
      ctx.type = 'text/html; charset=utf-8';
      ctx.set(
        'Content-Security-Policy',
        cspWithStyles(styleHashes(html))
          .replace("frame-ancestors 'none'", "frame-ancestors 'self'")
          .replace("require-trusted-types-for 'script'; ", ''),
      );
      ctx.body = html;
    } else if (path === '/demo/__fragment.html') {
      const { renderToString } = await import('../../dist/lib/ssr/index.js');
      const now = Date.now;
      if (query.now) Date.now = () => Number(query.now);
      let body;
      try {
        body = renderToString(String(query.markup), { lang, url: ctx.href });
      } finally {
        Date.now = now;
      }
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = `<!doctype html><html lang="${lang}"><head><script type="module" src="${hydrate}"></script>
        <script type="module" src="/dist/lede.js"></script></head><body>${body}</body></html>`;
    } else if (path === '/demo/__csr.html') {
      const html = (await readFile(article, 'utf8')).replace('<html lang="fr">', `<html lang="${lang}">`);
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = withoutDemo(html);
    } else if (path === '/test-ssr/hydrate.js') {
      const gate = String(query.gate);
      if (!opened.delete(gate)) await new Promise((resolve) => gates.set(gate, () => resolve(undefined)));
      gates.delete(gate);
      ctx.type = 'text/javascript; charset=utf-8';
      ctx.body = await readFile(new URL('../../dist/hydrate.js', import.meta.url), 'utf8');
    } else if (path === '/test-ssr/open' && ctx.method === 'POST') {
      const gate = String(query.gate);
      const open = gates.get(gate);
      if (open) open();
      else opened.add(gate);
      ctx.status = 204;
    } else return next();
  };
}
