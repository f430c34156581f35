// A page under the strictest policy Lede promises to run under, for test/hardening/csp.test.ts, mounted in
// web-test-runner's dev server (a Koa middleware). Needs a build (dist/), as `npm test` makes before the browser tests.
//
// GET /test-csp/page.html?log=L[&probe=1][&twice=1]   every element, from dist/lede.js, in markup the page author
//   wrote, served with STRICT_CSP below; the comment thread lists WordPress comments (comment-list.js, post 7). The comment form posts to /test-api/comments?log=L&mode=fields,pending (see
//   comment-endpoint.js). The page's first script, /test-csp/probe.js, records every `securitypolicyviolation`
//   event in `window.violations` and every uncaught error in `window.errors`, from before any other script runs; with
//   `probe=1` it also commits one violation of its own, to prove that the recording works. With `twice=1` the bundle
//   is loaded a second time (`/dist/lede.js?again`), as two plugins of one page would.
// GET /test-csp/probe.js                     that script.
// GET /test-csp/figure.html                  one zoomable figure from the static build (dist/figure.js, its chunks
//   beside it: the zoom dialog's is fetched on the first zoom), under the same policy and probe, for
//   test/figure.test.ts.

/** The policy of issue 10, with the Trusted Types policy names Lede needs (Lit's `lit-html`, Lede's `lede`). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html lede";

const probe = (/** @type {boolean} */ violate) => `window.violations = [];
window.errors = [];
addEventListener('error', (event) => window.errors.push(String(event.message)));
document.addEventListener('securitypolicyviolation', (event) => {
  window.violations.push({
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: event.sourceFile + ':' + event.lineNumber,
  });
}, true);
${violate ? "try { document.createElement('div').innerHTML = '<b>x</b>'; } catch (error) { window.refused = String(error); }" : ''}
`;

/** @param {string} log @param {boolean} violate @param {boolean} twice */
const page = (log, violate, twice) => `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <title>Lede under a strict CSP</title>
    <script src="/test-csp/probe.js${violate ? '?violate' : ''}"></script>
    <script type="module" src="/dist/lede.js"></script>${twice ? '\n    <script type="module" src="/dist/lede.js?again"></script>' : ''}
  </head>
  <body>
    <main>
      <article id="story">
        <lede-article-header site="Le Quotidien" site-href="/" published="2019-11-27" updated="2019-11-29"
          author="Anne Dupont, Paul Martin" author-href="/auteurs/anne" reading-time-for="story" structured-data>
          <h1>Europol perturbe la machine de propagande</h1>
          <p slot="standfirst">Une opération coordonnée a supprimé des milliers de comptes.</p>
        </lede-article-header>
        <p>${'Les enquêteurs ont signalé des comptes pendant deux jours consécutifs. '.repeat(40)}</p>
        <lede-figure src="/test/fixtures/figure-wide.svg" srcset="/test/fixtures/figure-wide.svg 1x, /test/fixtures/figure-wide-2x.svg 2x"
          width="800" height="400" alt="Comptes supprimés" caption="Des comptes supprimés" credit="Europol"
          credit-href="/credits" license="/licence" zoomable></lede-figure>
        <lede-figure zoomable credit-position="below" show-labels>
          <img src="/test/fixtures/figure-wide.svg" width="800" height="400" alt="Un salon de discussion" />
          <span slot="caption">Un salon de discussion</span>
          <span slot="credit">Capture d'écran</span>
        </lede-figure>
        <lede-figure src="/test/fixtures/figure-missing.svg" alt="Image absente" caption="Une image qui manque"></lede-figure>
        <p>${'La plateforme a coopéré avec les autorités. '.repeat(40)}</p>
        <p><lede-reading-time range></lede-reading-time> · <lede-reading-time remaining></lede-reading-time></p>
      </article>
      <lede-comment-form action="/test-api/comments?log=${log}&amp;mode=fields,pending" post-id="42" min-time="0" remember>
      </lede-comment-form>
      <lede-comments id="comments" protocol="wordpress" src="/test-list/wp-json/wp/v2/comments" post-id="7"
        action="/test-api/wp-comments-post.php?log=${log}&amp;mode=echo&amp;say=Refused%3A%20%3Cem%3Etoo%3C%2Fem%3E%20soon."></lede-comments>
    </main>
  </body>
</html>
`;

const figurePage = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <title>A figure from dist/figure.js</title>
    <script src="/test-csp/probe.js"></script>
    <script type="module" src="/dist/figure.js"></script>
  </head>
  <body>
    <lede-figure zoomable src="/test/fixtures/figure-wide.svg" width="800" height="400" alt="Comptes supprimés"
      caption="Des comptes supprimés" credit="Europol"></lede-figure>
  </body>
</html>
`;

/**
 * The middleware: add it to web-test-runner's `middleware` list.
 * @returns {import('koa').Middleware}
 */
export function cspPage() {
  return async (ctx, next) => {
    if (ctx.path === '/test-csp/probe.js') {
      ctx.type = 'text/javascript; charset=utf-8';
      ctx.body = probe('violate' in ctx.query);
    } else if (ctx.path === '/test-csp/page.html') {
      const log = String(ctx.query.log ?? '').replace(/[^\w-]/g, '');
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('Content-Security-Policy', STRICT_CSP);
      ctx.body = page(log, ctx.query.probe === '1', ctx.query.twice === '1');
    } else if (ctx.path === '/test-csp/figure.html') {
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('Content-Security-Policy', STRICT_CSP);
      ctx.body = figurePage;
    } else return next();
  };
}
