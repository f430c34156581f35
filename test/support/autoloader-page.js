// Pages that load dist/autoloader.js, for test/autoloader.test.ts, mounted in web-test-runner's dev server (a Koa
// middleware). Needs a build (dist/).
//
// GET /test-autoloader/empty.html      a page without any Lede tag.
// GET /test-autoloader/comments.html   a comment form three viewports below the top of the page.
// GET /test-autoloader/ssr.html?lang=fr  the reference article rendered by lede-elements/ssr, its only script the
//   autoloader (demo.js left out), its comment section holding one approved comment (as the demo server writes it).
//   A module script before the autoloader keeps the header's server-rendered <h1> in `window.serverHeading`, so that
//   the test can tell hydration (the same node) from a second rendering. `&relative`: the header shows relative dates.
import { readFile } from 'node:fs/promises';
import { withComments } from '../../server/static.js';

const article = new URL('../../demo/index.html', import.meta.url);
const COMMENT = {
  id: '1',
  parent: '',
  name: 'Anne',
  url: '',
  content: 'Merci pour cet article.',
  created: '2019-11-28T09:00:00.000Z',
};
const AUTOLOADER = '<script type="module" src="/dist/autoloader.js"></script>';
const page = (/** @type {string} */ body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Autoloader</title>${AUTOLOADER}</head><body>${body}</body></html>`;

/** The reference article's markup with the autoloader (in place of dist/lede.js, if it has that), without the demo's own script. */
export const withAutoloader = (/** @type {string} */ html, src = '/dist/autoloader.js') =>
  html
    .replace('<script type="module" src="demo.js"></script>', '')
    .replace(/<script type="module" src="[^"]*\/lede\.js"><\/script>/, `<script type="module" src="${src}"></script>`);

/** @returns {import('koa').Middleware} */
export function autoloaderPage() {
  return async (ctx, next) => {
    if (ctx.path === '/test-autoloader/empty.html') {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = page('<main><h1>No Lede here</h1><p>Only text.</p><lede-unknown>not ours</lede-unknown></main>');
    } else if (ctx.path === '/test-autoloader/comments.html') {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = page(
        '<main><div id="text" style="height: 300vh">Text</div><lede-comment-form action="/api/comments" post-id="1"></lede-comment-form></main>',
      );
    } else if (ctx.path === '/test-autoloader/ssr.html') {
      const { renderToString } = await import('../../dist/lib/ssr/index.js');
      const lang = typeof ctx.query.lang === 'string' ? ctx.query.lang : 'fr';
      let markup = await withComments(await readFile(article, 'utf8'), () => Promise.resolve([COMMENT]));
      if ('relative' in ctx.query) markup = markup.replace('<lede-article-header ', '$&date-style="relative" ');
      const html = withAutoloader(renderToString(markup, { lang }));
      const keep = `<script type="module">window.serverHeading = document.querySelector('lede-article-header').shadowRoot.querySelector('[part=headline]');</script>`;
      ctx.type = 'text/html; charset=utf-8';
      // The demo's images, relative to it: an image that fails would wake its figure (see src/autoloader.ts).
      ctx.body = html
        .replace('<head>', '<head><base href="/demo/">')
        .replace(/<script type="module" src="\/dist\/autoloader\.js">/, `${keep}$&`);
    } else return next();
  };
}
