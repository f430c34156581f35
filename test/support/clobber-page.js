// Pages whose markup shadows names Lede or Lit read (DOM clobbering), written before the bundle runs, for
// test/hardening/clobbering.test.ts; mounted in web-test-runner's dev server (a Koa middleware). Needs dist/.
//
// GET /test-clobber/page.html?case=N&log=L   case N of CASES below, then the four elements from dist/lede.js; the
//   comment form posts to /test-api/comments?log=L (comment-endpoint.js). The head names a CSRF token
//   ("head-token"), except in the last case, where only the body holds one.

/** Named access: an element's `id` (or an iframe's `name`) shadows `window`'s names, a `name` on `<img>` shadows `document`'s. */
const ids = [
  'litHtmlVersions',
  'reactiveElementVersions',
  'litElementVersions',
  'litPropertyMetadata',
  'litElementHydrateSupport',
  'litHtmlPolyfillSupport',
  'litElementPolyfillSupport',
  'reactiveElementPolyfillSupport',
];
const names = [
  'createElement',
  'importNode',
  'createComment',
  'createTreeWalker',
  'createTextNode',
  'createDocumentFragment',
  'querySelector',
  'querySelectorAll',
  'getElementById',
  'baseURI',
  'URL',
  'head',
  'documentElement',
  'adoptNode',
];

export const CASES = [
  ...ids.map((id) => ({ name: `<a id="${id}">`, markup: `<a id="${id}" href="#"></a>`, csrf: 'head-token' })),
  {
    name: '<iframe name="litElementVersions">',
    markup: '<iframe name="litElementVersions" title="x" hidden></iframe>',
    csrf: 'head-token',
  },
  ...names.map((name) => ({
    name: `<img name="${name}">`,
    markup: `<img name="${name}" alt="" width="1" height="1">`,
    csrf: 'head-token',
  })),
  {
    name: '<meta name="csrf-token"> in the body',
    markup: '<meta name="csrf-token" content="body-token">',
    csrf: undefined,
  },
];

const page = (/** @type {number} */ index, /** @type {string} */ log) => {
  const { markup, csrf } = CASES[index];
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <title>Clobbering: ${CASES[index].name.replace(/</g, '&lt;')}</title>
    ${csrf ? `<meta name="csrf-token" content="${csrf}" />` : ''}
    <script type="module" src="/dist/lede.js"></script>
  </head>
  <body>
    ${markup}
    <article id="story">
      <lede-article-header site="Le Quotidien" published="2019-11-27" reading-time-for="story">
        <h1>Europol perturbe la machine de propagande</h1>
      </lede-article-header>
      <lede-figure caption="Des comptes supprimés" credit="Europol" width="800" height="400"></lede-figure>
      <p>${'Les enquêteurs ont signalé des comptes pendant deux jours consécutifs. '.repeat(40)}</p>
    </article>
    <lede-comment-form action="/test-api/comments?log=${encodeURIComponent(log)}" post-id="42" min-time="0"></lede-comment-form>
  </body>
</html>`;
};

/**
 * The middleware: add it to web-test-runner's `middleware` list.
 * @returns {import('koa').Middleware}
 */
export function clobberPage() {
  return async (ctx, next) => {
    if (ctx.path !== '/test-clobber/page.html') return next();
    const index = Number(ctx.query.case);
    if (!(index in CASES)) return next();
    ctx.type = 'text/html';
    ctx.body = page(index, String(ctx.query.log ?? ''));
  };
}
