// Lists of published comments for the <lede-comments> tests, mounted in web-test-runner's dev server (a Koa
// middleware). Everything lives under /test-list/; every other request passes through untouched.
//
// GET /test-list/comments?post=P[&limit=N][&after=C]   the reference server's list (json protocol). Post `many`:
//   120 top-level comments and a reply under the first (`created` a minute apart), a page `{ comments, next }` of N
//   (1..100) with `limit`, the whole array without. Post `pair`: two comments and a reply, as a plain array. Query
//   `fail=K` (with `log`): the first K requests of that log answer 500. `delay=ms` answers that much later. Post
//   `broken`: 200 with a body that is not JSON.
// GET /test-list/wp-json/wp/v2/comments?post=P&per_page=N&page=K&order=asc   WordPress's REST list (see
//   ../shared/WORDPRESS.md): `author_name`, `author_url`, `date_gmt` (UTC, no zone), `parent` 0 at the top, and
//   `content.rendered` HTML with markup that must never run (a <script>, a javascript: link, an <img onerror>),
//   paged with `X-WP-Total` and `X-WP-TotalPages`. Post 8: 130 comments over two pages. Post `echo`: one comment
//   whose every field (`content.rendered` included) is the text of query `say`, as is.
// GET /test-list/?rest_route=/wp/v2/comments&post=P&…  the same, as a site with plain permalinks answers it.
// GET /test-list/requests?log=L                         the query of each request of log L.

/** @typedef {{ id: number, parent: number | null, name: string, url: string | null, content: string, created: string }} Stored */

const MINUTE = 60_000;
const START = Date.UTC(2024, 4, 1, 9, 0, 0);
const at = (/** @type {number} */ minutes) => new Date(START + minutes * MINUTE).toISOString();

/** @type {Record<string, Stored[]>} */
const POSTS = {
  many: [
    ...Array.from({ length: 120 }, (_, i) => ({
      id: i + 1,
      parent: null,
      name: `Lecteur ${i + 1}`,
      url: null,
      content: `Commentaire numéro ${i + 1}.`,
      created: at(i),
    })),
    { id: 500, parent: 1, name: 'Anne', url: null, content: 'Réponse tardive au premier.', created: at(200) },
  ],
  pair: [
    {
      id: 1,
      parent: null,
      name: 'Anne Dupont',
      url: 'https://anne.example.fr/',
      content: 'Premier paragraphe.\nSuite du même.\n\nSecond paragraphe.',
      created: at(0),
    },
    { id: 2, parent: null, name: 'Paul', url: 'javascript:alert(1)', content: '<b>Pas du HTML</b>', created: at(5) },
    { id: 3, parent: 1, name: 'Marie', url: null, content: 'Je réponds à Anne.', created: at(10) },
  ],
};

/** WordPress's comments: what `content.rendered` looks like, with the markup a comment could smuggle in. */
const WORDPRESS = [
  {
    id: 11,
    post: 7,
    parent: 0,
    author_name: 'Anne Dupont',
    author_url: 'https://anne.example.fr',
    date: '2024-05-01T11:00:00',
    date_gmt: '2024-05-01T09:00:00',
    status: 'approved',
    content: {
      rendered:
        '<p>Merci pour l&#8217;article&nbsp;!<br />\nDeuxième ligne.</p>\n' +
        '<p>Voir <a href="https://example.org/source" rel="nofollow ugc">la source</a> et ' +
        '<a href="javascript:alert(1)">ce lien</a>.</p>\n' +
        '<script>window.hacked = true</script><p>&lt;b&gt;gras&lt;/b&gt; <img src=x onerror="window.hacked=true"></p>\n',
    },
  },
  {
    id: 12,
    post: 7,
    parent: 11,
    author_name: 'Paul',
    author_url: '',
    date: '2024-05-01T12:00:00',
    date_gmt: '2024-05-01T10:00:00',
    status: 'approved',
    content: { rendered: '<p>Réponse à Anne.</p>\n' },
  },
];

const WORDPRESS_MANY = Array.from({ length: 130 }, (_, i) => ({
  id: 1000 + i,
  post: 8,
  parent: 0,
  author_name: `Lectrice ${i + 1}`,
  author_url: '',
  date_gmt: new Date(START + i * MINUTE).toISOString().slice(0, 19),
  status: 'approved',
  content: { rendered: `<p>Avis ${i + 1}</p>\n` },
}));

/** @type {Map<string, Array<Record<string, unknown>>>} */
const logs = new Map();

/** @returns {import('koa').Middleware} */
export function commentList() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/test-list/')) return next();
    const query = /** @type {Record<string, string>} */ (ctx.query);
    const route =
      ctx.path === '/test-list/' && query.rest_route ? query.rest_route : ctx.path.slice('/test-list'.length);
    if (route === '/requests') {
      ctx.body = logs.get(query.log) ?? [];
      return;
    }
    const log = logs.get(query.log) ?? [];
    logs.set(query.log, log);
    log.push({ route, ...query });
    if (query.delay) await new Promise((resolve) => setTimeout(resolve, Number(query.delay)));
    if (query.fail && log.length <= Number(query.fail)) {
      ctx.status = 500;
      ctx.body = { error: 'Internal error.' };
      return;
    }
    if (route === '/comments') {
      if (query.post === 'broken') {
        ctx.type = 'application/json';
        ctx.body = '[{"id": 1, "na';
        return;
      }
      const all = POSTS[query.post] ?? [];
      if (!query.limit) {
        ctx.body = all;
        return;
      }
      const limit = Math.min(100, Math.max(1, Number(query.limit)));
      const start = query.after ? Number(Buffer.from(query.after, 'base64url').toString()) : 0;
      const end = start + limit;
      ctx.body = {
        comments: all.slice(start, end),
        next: end < all.length ? Buffer.from(String(end)).toString('base64url') : null,
      };
      return;
    }
    if (route === '/wp-json/wp/v2/comments' || route === '/wp/v2/comments') {
      // Post `echo`: one comment whose every field is the text of query `say`, as is (markup included).
      const echo = [
        {
          id: 1,
          post: 9,
          parent: 0,
          author_name: query.say,
          author_url: query.say,
          date_gmt: query.say,
          content: { rendered: query.say },
        },
      ];
      const all =
        query.post === '7' ? WORDPRESS : query.post === '8' ? WORDPRESS_MANY : query.post === 'echo' ? echo : [];
      const sorted = query.order === 'asc' ? all : [...all].reverse();
      const perPage = Math.min(100, Number(query.per_page) || 10);
      const page = Number(query.page) || 1;
      ctx.set('X-WP-Total', String(all.length));
      ctx.set('X-WP-TotalPages', String(Math.ceil(all.length / perPage)));
      ctx.body = sorted.slice((page - 1) * perPage, page * perPage);
      return;
    }
    return next();
  };
}
