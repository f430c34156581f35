// Server-side use from Node: lede-elements/ssr renders a page, estimateReadingTime counts words without a DOM.
import assert from 'node:assert/strict';
import { renderToString } from 'lede-elements/ssr';
import { estimateReadingTime } from 'lede-elements/reading-time';

const html = renderToString(
  '<html lang="fr"><body><lede-article-header published="2019-11-27"><h1>T</h1></lede-article-header></body></html>',
  { lang: 'fr' },
);
assert.match(html, /shadowrootmode="open"/, 'no declarative shadow root in the output');
assert.ok(
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .includes('Le 27 novembre 2019'),
  `"Le 27 novembre 2019" not in the output:\n${html}`,
);

// "l'agence" and "lui-même" are one word each; the guillemets and the colon are none.
const { words, minutes } = estimateReadingTime("« Le chat de l'agence dort lui-même au soleil : 3,5 heures »", {
  lang: 'fr',
});
assert.equal(words, 10);
assert.equal(minutes, 1);
