// The DOM-free readers of <lede-comments>, in Node from the built package (dist/lib/comments/): what
// lede-elements/ssr calls to render a thread from the page's <script type="application/json">, and the reading of
// WordPress's content.rendered as text and links. Run after `npm run build`: node --test test/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readComments } from '../../dist/lib/comments/source.js';
import { wordpressParagraphs } from '../../dist/lib/comments/wordpress-content.js';
import { buildThread } from '../../dist/lib/comments/thread.js';

test('readComments: the reference server list, as an array or as a page, with plain-text paragraphs', () => {
  const item = {
    id: 7,
    parent: null,
    name: ' Anne ',
    url: 'https://anne.example.fr',
    content: 'Un.\nDeux.\n\n\nTrois.',
    created: '2024-05-01T09:00:00Z',
  };
  const expected = [
    {
      id: '7',
      parent: '',
      name: 'Anne',
      url: 'https://anne.example.fr/',
      created: '2024-05-01T09:00:00.000Z',
      paragraphs: [[{ text: 'Un.\nDeux.' }], [{ text: 'Trois.' }]],
    },
  ];
  assert.deepEqual(readComments(JSON.stringify([item])), expected);
  assert.deepEqual(readComments(JSON.stringify({ comments: [item], next: null })), expected);
});

test('readComments: bad input gives undefined or is skipped, never throws', () => {
  for (const text of ['', '{', 'null', '"a"', '{"comments": 3}', '42'])
    assert.equal(readComments(text), undefined, text);
  const [comment] = readComments(
    JSON.stringify([
      null,
      3,
      { name: 'no id' },
      { id: 1, url: 'javascript:alert(1)', created: 'hier', content: { a: 1 } },
    ]),
  );
  assert.deepEqual(comment, { id: '1', parent: '', name: '', url: '', created: '', paragraphs: [] });
});

test('wordpressParagraphs: paragraphs, line breaks, entities and http(s) links; nothing else', () => {
  const rendered =
    '<p>Merci pour l&#8217;article&nbsp;!<br />\nDeuxième   ligne.</p>\n' +
    '<p>Voir <a href="https://example.org/a?b=1&amp;c=2" rel="nofollow">la <em>source</em></a>, <a href="javascript:alert(1)">ceci</a>' +
    " et <a href='/relatif'>cela</a>.</p>\n<script>alert(1)</script><style>p{}</style><!-- note --><p>&lt;b&gt; &#x1F600; &bogus;</p>";
  assert.deepEqual(wordpressParagraphs(rendered), [
    [{ text: 'Merci pour l’article\u00a0!\nDeuxième ligne.' }],
    [{ text: 'Voir ' }, { text: 'la source', href: 'https://example.org/a?b=1&c=2' }, { text: ', ceci et cela.' }],
    [{ text: '<b> 😀 &bogus;' }],
  ]);
  assert.deepEqual(wordpressParagraphs('texte sans balise'), [[{ text: 'texte sans balise' }]]);
  assert.deepEqual(wordpressParagraphs('<p>avant<script>never closed'), [[{ text: 'avant' }]]);
  assert.deepEqual(wordpressParagraphs('<a title="a>b" href="https://x.org/">lien</a>'), [
    [{ text: 'lien', href: 'https://x.org/' }],
  ]);
});

test('buildThread: replies under their parent, orphans and loops at the top, newest first on request', () => {
  const c = (id, parent, minute) => ({
    id,
    parent,
    name: id,
    url: '',
    created: `2024-05-01T09:0${minute}:00.000Z`,
    paragraphs: [],
  });
  const list = [c('3', '1', 3), c('1', '', 1), c('2', '', 2), c('4', 'gone', 4), c('5', '6', 5), c('6', '5', 6)];
  const shape = (items) => items.map((item) => [item.comment.id, shape(item.replies)]);
  assert.deepEqual(shape(buildThread(list, false)), [
    ['1', [['3', []]]],
    ['2', []],
    ['4', []],
    ['5', []],
    ['6', []],
  ]);
  assert.deepEqual(
    shape(buildThread(list, true)).map(([id]) => id),
    ['6', '5', '4', '2', '1'],
  );
});
