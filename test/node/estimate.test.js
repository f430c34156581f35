// The pure estimate in Node, from the built package entry (`lede-elements/reading-time`): no DOM, no browser.
// Run after `npx vite build`: node --test test/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { estimateReadingTime, estimateReadingTimeFromHtml } from '../../dist/lib/reading-time/define.js';

const words = (n, word = 'mot') => Array(n).fill(word).join(' ');
const count = (text, lang) => estimateReadingTime(text, { lang }).words;

test('counts hand-counted French: spaced punctuation is not words, elisions and hyphens count once', () => {
  // L'agence | européenne | dit-on | a | déclaré | Bonjour | Le | 22 | novembre | 2 | 096 | comptes | ont | été | retirés
  assert.equal(
    count(
      "L'agence européenne, dit-on, a déclaré : « Bonjour » ! Le 22 novembre, 2 096 comptes ont été retirés…",
      'fr',
    ),
    15,
  );
  // qu’une | partie | importante | Al-Qaïda | 3,5 | 2 096 (narrow no-break space: one number) | l’État
  assert.equal(count('qu’une partie importante ; Al-Qaïda ? 3,5 % — 2\u202f096 … l’État !', 'fr'), 7);
  assert.equal(count(' : ; ! ? « » – — … ', 'fr'), 0);
});

test('counts hand-counted English', () => {
  // It's | a | well-known | fact | 42 | readers | don't | skim | they | read
  assert.equal(count("It's a well-known fact: 42 readers don't skim — they read.", 'en'), 10);
});

test('counts Chinese and Japanese characters, not words', () => {
  // 欧 洲 刑 警 组 织 删 除 了 账 户
  assert.equal(count('欧洲刑警组织删除了账户。', 'zh'), 11);
  // 東 京 タ ワ ー へ 行 き ま し た
  assert.equal(count('東京タワーへ行きました。', 'ja'), 11);
  // Telegram | 上 | 的 | 账 | 户
  assert.equal(count('Telegram上的账户', 'zh'), 5);
});

test('reads at 238 words a minute in English, scaled by IReST for other languages', () => {
  assert.deepEqual(estimateReadingTime(words(238, 'word'), { lang: 'en' }), {
    words: 238,
    images: 0,
    seconds: 60,
    minutes: 1,
  });
  assert.equal(estimateReadingTime(words(239, 'word'), { lang: 'en' }).minutes, 2);
  // French: 238 × 195 / 228 = 203.6 words a minute.
  assert.equal(estimateReadingTime(words(203), { lang: 'fr' }).minutes, 1);
  assert.equal(estimateReadingTime(words(204), { lang: 'fr-CA' }).minutes, 2);
  // German: 238 × 179 / 228 = 186.9.
  assert.equal(estimateReadingTime(words(186), { lang: 'de' }).seconds, 60);
  // Chinese 238 × 255 / 228 = 266.2 and Japanese 238 × 357 / 228 = 372.7 characters a minute.
  assert.equal(estimateReadingTime('字'.repeat(266), { lang: 'zh' }).seconds, 60);
  assert.equal(estimateReadingTime('字'.repeat(267), { lang: 'zh' }).minutes, 2);
  assert.equal(estimateReadingTime('あ'.repeat(372), { lang: 'ja' }).seconds, 60);
  // Unknown languages read at the English rate; wpm overrides the language.
  assert.equal(estimateReadingTime(words(238), { lang: 'tlh' }).seconds, 60);
  assert.equal(estimateReadingTime(words(300), { lang: 'fr', wpm: 100 }).seconds, 180);
});

test('adds image time as Medium: 12 s, one second less each, 3 s from the tenth on', () => {
  const images = (n) => estimateReadingTime('', { images: n }).seconds;
  assert.deepEqual([0, 1, 2, 9, 10, 11, 12].map(images), [0, 12, 23, 72, 75, 78, 81]);
  assert.deepEqual(estimateReadingTime('', { images: 1 }), { words: 0, images: 1, seconds: 12, minutes: 1 });
});

test('gives 0 minutes only for no words and no images; otherwise at least 1', () => {
  assert.deepEqual(estimateReadingTime(''), { words: 0, images: 0, seconds: 0, minutes: 0 });
  assert.deepEqual(estimateReadingTime('Bonjour', { lang: 'fr' }), { words: 1, images: 0, seconds: 1, minutes: 1 });
});

test('ignores bad options and input without throwing', () => {
  assert.deepEqual(estimateReadingTime('un deux', { wpm: -1, images: -4, lang: '' }), {
    words: 2,
    images: 0,
    seconds: 1,
    minutes: 1,
  });
  assert.deepEqual(estimateReadingTime(undefined), { words: 0, images: 0, seconds: 0, minutes: 0 });
  assert.equal(estimateReadingTime('un', { wpm: Number.NaN, images: Number.NaN }).minutes, 1);
});

test('measures the reference article at 4 or 5 minutes in French', () => {
  const article = JSON.parse(readFileSync(new URL('../fixtures/article-fr.json', import.meta.url), 'utf8'));
  const text = [
    article.title,
    ...article.blocks.map((b) => [b.text, b.caption, b.credit].filter(Boolean).join('\n')),
  ].join('\n');
  const images = article.blocks.filter((b) => b.type === 'figure').length;
  const result = estimateReadingTime(text, { lang: article.lang, images });
  assert.equal(images, 2);
  assert.ok(result.words > 650 && result.words < 750, `${result.words} words`);
  assert.ok([4, 5].includes(result.minutes), `${result.minutes} minutes`);
});

test('counts in linear time: 1 MB of French in well under a second', () => {
  const paragraph =
    "L'agence européenne chargée de la lutte contre le crime, Europol, a déclaré : « 2 096 comptes » ! ";
  const small = paragraph.repeat(1000);
  const big = paragraph.repeat(10_000);
  assert.equal(estimateReadingTime(big).words, 10 * estimateReadingTime(small).words);
  const start = performance.now();
  estimateReadingTime(big, { lang: 'fr' });
  const elapsed = performance.now() - start;
  assert.ok(elapsed < 1000, `${Math.round(elapsed)} ms for ${big.length} characters`);
});

test('counts a web address, an e-mail address and a dotted abbreviation as one word each', () => {
  assert.equal(count('see https://example.org/a-b/c.html now', 'en'), 3);
  assert.equal(count('visit www.example.org.', 'en'), 2);
  // The closing parenthesis and full stop are not part of the address.
  assert.equal(count('(https://example.org/a?b=c&d=e). Then', 'en'), 2);
  assert.equal(count('write to anne.martin+lede@example.fr today', 'en'), 4);
  assert.equal(count('the U.S.A. and e.g. this', 'en'), 5);
});

// The test suites of two peers, the `reading-time` and `reading-time-estimator` npm packages, ported: their input,
// and the count Lede gives. Where Lede differs, the peer's count and why Lede's is the right one for reading time.
const PEERS = [
  // reading-time
  ['word  word    word', 'en', 3],
  ['   word word word', 'en', 3],
  ['word word word   ', 'en', 3],
  ['word http://ngryman.sh word', 'en', 3],
  // A run without spaces that holds an address is one word, Markdown link syntax included.
  ['word [blog](http://ngryman.sh) word', 'en', 3],
  ['0', 'en', 1],
  ['', 'en', 0],
  ['今天，我要说中文！（没错，现在这个库也完全支持中文了）', 'zh', 22],
  ['你会说English吗？', 'zh', 5],
  ['科学文章中, 经常使用英语标点... (虽然这段话并不科学)', 'zh', 22],
  ['JoshCena喜欢GitHub', 'zh', 4],
  // Peer: 11 (each Hangul syllable). Korean separates words with spaces and is read in words: 3.
  ['이것은 한국어 단락입니다', 'ko', 3],
  ['天気がいいから、散歩しましょう', 'ja', 14],
  // Peer: 7 (a katakana run as one word). Japanese reading speed (IReST) is measured in characters, katakana too: 11.
  ['メガナイトありませんか？', 'ja', 11],
  // reading-time-estimator
  [
    'I never took the time to properly build my website even though I am a Frontend Developer. I started to look at some technologies in 2018 and 2019, I found some amazing projects (nuxt, vuepress, etc...) but I never did finish my website.',
    'en',
    43,
  ],
  // Peer: 2 (the two clauses). Chinese is read in characters: 10.
  ['春眠不觉晓，处处闻啼鸟。', 'zh', 10],
  // Peer: 26 ("d'un" as two). An elision is one written word, and IReST's French rate counts written words: 24.
  [
    "Reading Time Estimator a été créé pour fournir une estimation de la durée de lecture d'un article ou d'un blog comme vu sur medium",
    'fr',
    24,
  ],
  [
    'Reading Time Estimator fue creado para proporcionar una estimación del tiempo de lectura de un artículo o blog como se ve en el medio',
    'es',
    24,
  ],
  // Peer: 1. Japanese is read in characters: 8.
  ['どういたしまして。', 'ja', 8],
  // Peer: 47. "Frontend-Entwickler" is one compound and "etc..." one abbreviation: 45.
  [
    'Ich habe mir nie die Zeit genommen, meine Website richtig zu bauen, obwohl ich ein Frontend-Entwickler bin. Ich habe 2018 und 2019 begonnen, mich mit einigen Technologien zu beschäftigen, ich habe einige tolle Projekte gefunden (nuxt, vuepress, etc...), aber ich habe meine Website nie fertiggestellt',
    'de',
    45,
  ],
];

test('agrees with the peers’ test cases, or differs for a stated reason', () => {
  for (const [text, lang, expected] of PEERS) assert.equal(count(text, lang), expected, `${lang}: ${text}`);
});

// HTML input: estimateReadingTimeFromHtml counts markup as <lede-reading-time> counts the DOM.
const html = (markup, lang) => estimateReadingTimeFromHtml(markup, { lang }).words;

test('HTML: tags are not words, character references are decoded, inline elements do not split words', () => {
  assert.equal(html('<p>Hello <strong>world</strong> &nbsp; test</p>'), 3);
  // caf&eacute; | l’agence | 2 096 (no-break space: one number) | AT&T (two: as the page shows it) | 3,5 | « oui »
  assert.equal(
    html('<p>caf&eacute; l&rsquo;agence 2&nbsp;096 AT&amp;T 3&#44;5 &laquo;&#xa0;oui&#160;&raquo;</p>', 'fr'),
    7,
  );
  // l'<a>agence</a> is one word; block elements and <br> split words.
  assert.equal(html(`<p>l'<a href="#">agence</a> a<div>b</div>c<br>d</p>`, 'fr'), 5);
  assert.equal(html('<p>un<span>deux</span></p><h2>trois</h2>quatre'), 3);
  assert.equal(html('<!-- <p>not this</p> --><!doctype html><p>one two</p>'), 2);
  assert.equal(html('<p title="a > b c d" data-x=\'>\'>one</p>'), 1, 'a ">" inside a quoted attribute value');
  assert.equal(html(''), 0);
  assert.equal(html('plain text, no markup'), 4);
  // A lone "<" is text; an unknown reference stays as written and shows as text, as in the browser: 5 words.
  assert.equal(html('<p>unclosed < sign and &unknown; entity'), 5);
});

test('HTML: skips script, style, template, noscript, [hidden], aria-hidden="true", data-reading-time-ignore', () => {
  const noise = words(50, 'bruit');
  const markup = [
    `<script>var s = "<p>${noise}</p>";</script>`,
    `<style>p::before { content: "${noise}" }</style>`,
    `<template><p>${noise}</p></template>`,
    `<noscript><p>${noise}</p></noscript>`,
    `<div hidden><p>${noise} <img src="a.jpg"></p><div><span>${noise}</span></div></div>`,
    `<p aria-hidden="true">${noise}<img src="b.jpg"></p>`,
    `<aside data-reading-time-ignore><ul><li>${noise}<li>${noise}</ul></aside>`,
    `<p aria-hidden="false">un deux</p><p>trois</p>`,
  ].join('');
  assert.deepEqual(
    estimateReadingTimeFromHtml(markup, { lang: 'fr' }),
    estimateReadingTime('un deux trois', { lang: 'fr' }),
  );
  // An implied end tag ends a hidden paragraph, as in the browser: the next <p> is read.
  assert.equal(html('<p hidden>caché<p>lu ici</p>'), 2);
  assert.equal(html('<ul hidden><li>a<li>b</ul><ul><li>c<li>d</ul>'), 2);
});

test('HTML: each <img> that is read counts as an image, with the image time', () => {
  const result = estimateReadingTimeFromHtml(
    '<p>un deux</p><img src="a.jpg" alt=""><picture><img src="b.jpg" alt="B"></picture><img hidden src="c.jpg">',
    { lang: 'fr' },
  );
  assert.deepEqual(result, estimateReadingTime('un deux', { lang: 'fr', images: 2 }));
  // `images` is what the markup holds: the option is not taken.
  assert.equal(estimateReadingTimeFromHtml('<p>a</p>', { images: 5 }).images, 0);
});

test('HTML: the reference article counts as the element counts it (its text, blocks apart, two images)', () => {
  const page = readFileSync(new URL('../../demo/index.html', import.meta.url), 'utf8');
  const body = page.slice(page.indexOf('<div id="article-body">'), page.indexOf('</article>'));
  const plain = body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');
  assert.deepEqual(
    estimateReadingTimeFromHtml(body, { lang: 'fr' }),
    estimateReadingTime(plain, { lang: 'fr', images: 2 }),
  );
});

test('HTML: linear time, 1 MB of markup in well under a second', () => {
  const paragraph =
    '<p>L\'agence <a href="/europol">européenne</a> a déclaré&nbsp;: «&#160;2 096 comptes&#8239;!&#160;» <em>retirés</em>.</p>\n';
  const markup = paragraph.repeat(Math.ceil(1e6 / paragraph.length));
  const started = performance.now();
  const { words: counted } = estimateReadingTimeFromHtml(markup, { lang: 'fr' });
  const took = performance.now() - started;
  assert.equal(counted, html(paragraph, 'fr') * Math.ceil(1e6 / paragraph.length));
  assert.ok(took < 1000, `${took.toFixed(0)} ms`);
});
