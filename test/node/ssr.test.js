// lede-elements/ssr in Node: each element and the whole reference article rendered as declarative shadow DOM, in French and
// English; the language rules; the reading time measured from the markup; attack payloads staying inert; the
// command line; the demo server's server-rendered page. Run after a build: node --test test/node/
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderToString, styleHashes } from '../../dist/lib/ssr/index.js';
import { estimateReadingTime } from '../../dist/lib/reading-time/define.js';
import { CONTENT_SECURITY_POLICY, createServer } from '../../server/app.js';
import { withComments } from '../../server/static.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const article = readFileSync(join(root, 'demo/index.html'), 'utf8');
const { parse, parseFragment } = createRequire(import.meta.resolve('@lit-labs/ssr'))('parse5');

/** All nodes under `node`, template contents included (that is where shadow roots are). */
function* nodes(node) {
  for (const child of node.childNodes ?? []) {
    yield child;
    yield* nodes(child);
    if (child.content) yield* nodes(child.content);
  }
}
const attr = (node, name) => node.attrs?.find((a) => a.name === name)?.value;
const parsed = (html) => (/^\s*<!doctype/i.test(html) ? parse : parseFragment)(html);
/** The elements named `tag` in `html`, light DOM and shadow roots alike, in document order. */
const all = (html, tag) => [...nodes(parsed(html))].filter((n) => n.tagName === tag);
/** The declarative shadow root of an element: its <template shadowrootmode>'s content. */
function shadowOf(element) {
  const template = element.childNodes.find((n) => n.tagName === 'template' && attr(n, 'shadowrootmode') === 'open');
  assert.ok(template, `<${element.tagName}> has a declarative shadow root`);
  return template.content;
}
/** What a reader sees of a shadow root (its text without the <style>, whitespace collapsed). */
function text(fragment) {
  let out = '';
  const visit = (node) => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text') out += child.value;
      else if (child.tagName !== 'style') visit(child.content ?? child);
    }
  };
  visit(fragment);
  return out.replace(/\s+/g, ' ').trim();
}
const find = (fragment, test) => [...nodes(fragment)].find((n) => n.tagName && test(n));
const part = (fragment, name) => find(fragment, (n) => attr(n, 'part') === name);
const words = (n, word = 'mot') => Array(n).fill(word).join(' ');

test('<lede-article-header>: site, dates, byline and the measured reading time, in French and English', () => {
  const markup = (lang) =>
    `<div lang="${lang}"><lede-article-header site="Le Site" site-href="/" published="2019-11-27" updated="2019-12-01" author="Anne, Paul"
      reading-time-for="body"><h1>Titre</h1></lede-article-header><div id="body"><p>${words(600)}</p></div></div>`;
  const fr = renderToString(markup('fr'));
  const header = shadowOf(all(fr, 'lede-article-header')[0]);
  assert.equal(text(part(header, 'site')), 'Le Site');
  assert.deepEqual(
    [...nodes(header)].filter((n) => attr(n, 'part') === 'date').map((n) => [attr(n, 'datetime'), text(n)]),
    [
      ['2019-11-27', 'Le 27 novembre 2019'],
      ['2019-12-01', 'Mis à jour le 1er décembre 2019'],
    ],
  );
  assert.equal(text(part(header, 'byline')), 'Par Anne et Paul');
  const [inner] = all(fr, 'lede-reading-time');
  assert.equal(attr(inner, 'lang'), 'fr');
  assert.equal(attr(inner, 'defer-hydration'), '', 'the nested element waits for its host to hydrate');
  const minutes = estimateReadingTime(words(600), { lang: 'fr' }).minutes;
  assert.equal(text(shadowOf(inner)), `${minutes} minutes de lecture`);
  assert.equal(attr(part(shadowOf(inner), 'base'), 'datetime'), `PT${minutes}M`);
  assert.equal(text(all(fr, 'h1')[0]), 'Titre', 'the light-DOM headline is left where it is');

  const en = renderToString(markup('en'));
  const english = shadowOf(all(en, 'lede-article-header')[0]);
  assert.match(text(part(english, 'meta')), /^November 27, 2019\s*Updated December 1, 2019/);
  assert.equal(text(part(english, 'byline')), 'By Anne and Paul');
  assert.equal(
    text(shadowOf(all(en, 'lede-reading-time')[0])),
    `${estimateReadingTime(words(600), { lang: 'en' }).minutes} min read`,
  );
});

test('<lede-article-header>: a slotted byline shows, the headline attribute yields to a light-DOM heading', () => {
  const html = renderToString(
    '<lede-article-header headline="Attribut" author=""><h2>Lumière</h2><p slot="byline">Par <a href="/anne">Anne</a></p></lede-article-header>',
    { lang: 'fr' },
  );
  const header = shadowOf(all(html, 'lede-article-header')[0]);
  assert.equal(attr(part(header, 'byline'), 'hidden'), undefined, 'byline box shown for the slotted byline');
  assert.equal(
    find(header, (n) => /^h[1-6]$/.test(n.tagName)),
    undefined,
    'no heading rendered over the light one',
  );
  const bare = shadowOf(
    all(renderToString('<lede-article-header headline="Attribut"></lede-article-header>'), 'lede-article-header')[0],
  );
  assert.equal(text(find(bare, (n) => n.tagName === 'h1')), 'Attribut');
});

test('<lede-article-header>: reading-time-minutes is reading-time under the name <lede-reading-time> gives it', () => {
  for (const name of ['reading-time', 'reading-time-minutes']) {
    const header = shadowOf(
      all(
        renderToString(`<lede-article-header ${name}="4"></lede-article-header>`, { lang: 'fr' }),
        'lede-article-header',
      )[0],
    );
    assert.equal(attr(part(header, 'reading-time'), 'minutes'), '4', name);
  }
});

test('<lede-article-header structured-data>: its NewsArticle is in the light DOM, as the browser writes it, once', () => {
  const payload = '</script><script>alert(1)</script>';
  const markup = `<lede-article-header site="Serveur d'impression" site-href="/" published="2019-11-27" updated="2019-11-28T10:00:00Z"
      author="Anne, Paul" structured-data><h1>Europol ${payload.replace(/</g, '&lt;')}</h1></lede-article-header>
    <lede-article-header headline="Sans données" published="2019-11-27"></lede-article-header>`;
  const html = renderToString(markup, { lang: 'fr' });
  const scripts = all(html, 'script');
  assert.equal(scripts.length, 1, 'one block, for the header that asks for it');
  const [script] = scripts;
  assert.equal(attr(script, 'type'), 'application/ld+json');
  assert.equal(attr(script, 'slot'), 'lede-data');
  assert.equal(script.parentNode.tagName, 'lede-article-header');
  const json = script.childNodes[0].value;
  assert.doesNotMatch(json, /</, 'no "<" in the text: it cannot close the script');
  // Without the page's URL, a relative URL cannot be made absolute: it is left out (the browser completes the block).
  assert.deepEqual(JSON.parse(json), {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: `Europol ${payload}`,
    datePublished: '2019-11-27',
    dateModified: '2019-11-28T10:00:00Z',
    author: [
      { '@type': 'Person', name: 'Anne' },
      { '@type': 'Person', name: 'Paul' },
    ],
    publisher: { '@type': 'Organization', name: "Serveur d'impression" },
  });
  // Markup that already carries a block keeps it and gets no other (the browser replaces it if it differs).
  const written =
    '<lede-article-header structured-data><h1>T</h1><script type="application/ld+json" slot="lede-data">{}</script></lede-article-header>';
  assert.deepEqual(
    all(renderToString(written), 'script').map((node) => node.childNodes[0].value),
    ['{}'],
  );
});

test("structured data with the page URL: absolute URLs, every figure's ImageObject, as the browser writes them", () => {
  const markup = `<!doctype html><html lang="fr"><head><title>T</title></head><body><article>
    <lede-article-header site="Le Site" site-href="/" site-logo="/logo.png" image="images/a.jpg" author="Anne" author-href="/anne"
      published="2019-11-27T10:00" time-zone="Europe/Paris" structured-data><h1>Titre</h1></lede-article-header>
    <lede-figure priority caption="Légende" credit="AFP" creator="Anne Dupont" copyright="© AFP" license="https://creativecommons.org/licenses/by/4.0/"
      acquire-license-page="/licences"><img src="images/a.jpg" alt="A" width="4" height="3"></lede-figure>
    <lede-figure src="https://cdn.example/b.jpg" alt="B"><span slot="caption">Légende <em>riche</em></span></lede-figure>
    <lede-figure><img src="images/c.jpg" alt=""><span slot="credit">Reuters</span></lede-figure>
    </article></body></html>`;
  const html = renderToString(markup, { url: 'https://news.example/2019/europol?x=1#top' });
  const blocks = all(html, 'script').map((script) => [
    script.parentNode.tagName,
    JSON.parse(script.childNodes[0].value),
  ]);
  assert.deepEqual(blocks, [
    [
      'lede-article-header',
      {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Titre',
        image: 'https://news.example/2019/images/a.jpg',
        datePublished: '2019-11-27T10:00+01:00',
        author: [{ '@type': 'Person', name: 'Anne', url: 'https://news.example/anne' }],
        publisher: {
          '@type': 'Organization',
          name: 'Le Site',
          url: 'https://news.example/',
          logo: { '@type': 'ImageObject', url: 'https://news.example/logo.png' },
        },
        mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/2019/europol?x=1' },
      },
    ],
    [
      'lede-figure',
      {
        '@context': 'https://schema.org',
        '@type': 'ImageObject',
        contentUrl: 'https://news.example/2019/images/a.jpg',
        caption: 'Légende',
        creditText: 'AFP',
        creator: { '@type': 'Person', name: 'Anne Dupont' },
        copyrightNotice: '© AFP',
        license: 'https://creativecommons.org/licenses/by/4.0/',
        acquireLicensePage: 'https://news.example/licences',
      },
    ],
    [
      'lede-figure',
      {
        '@context': 'https://schema.org',
        '@type': 'ImageObject',
        contentUrl: 'https://cdn.example/b.jpg',
        caption: 'Légende riche',
      },
    ],
    [
      'lede-figure',
      {
        '@context': 'https://schema.org',
        '@type': 'ImageObject',
        contentUrl: 'https://news.example/2019/images/c.jpg',
        creditText: 'Reuters',
      },
    ],
  ]);
  // A <base href> moves relative URLs, as in the browser; without the page URL a relative image has no block.
  const based = renderToString(
    markup.replace('<title>T</title>', '<title>T</title><base href="https://static.example/news/">'),
    { url: 'https://news.example/a' },
  );
  assert.equal(
    JSON.parse(all(based, 'script')[1].childNodes[0].value).contentUrl,
    'https://static.example/news/images/a.jpg',
  );
  assert.deepEqual(
    all(renderToString(markup), 'script').map((script) => script.parentNode.tagName),
    ['lede-article-header', 'lede-figure'],
  );
  for (const url of ['/relative', 'javascript:alert(1)', 'file:///etc/passwd', 'pas une adresse']) {
    assert.throws(() => renderToString(markup, { url }), TypeError, url);
  }
});

test('<lede-figure>: caption and credit labels, a light-DOM image used as is, a src image rendered', () => {
  const light =
    '<lede-figure caption="Une légende" credit="AFP"><img src="a.jpg" alt="A" width="4" height="3"></lede-figure>';
  const fr = shadowOf(all(renderToString(light, { lang: 'fr' }), 'lede-figure')[0]);
  assert.equal(text(part(fr, 'caption')), 'Légende: Une légende');
  assert.equal(text(part(fr, 'credit')), "Copyright de l'image: AFP");
  assert.equal(part(fr, 'image'), undefined, 'no second image over the light-DOM one');
  const en = shadowOf(all(renderToString(light, { lang: 'en' }), 'lede-figure')[0]);
  assert.equal(text(part(en, 'caption')), 'Caption: Une légende');
  assert.equal(text(part(en, 'credit')), 'Image credit: AFP');

  const src = renderToString(
    '<lede-figure src="https://example.org/a.jpg" alt="Un chat" width="800" height="600" caption="C" credit-href="https://afp.com" credit="AFP"></lede-figure>',
  );
  const img = part(shadowOf(all(src, 'lede-figure')[0]), 'image');
  assert.deepEqual(
    ['src', 'alt', 'width', 'height', 'loading'].map((name) => attr(img, name)),
    ['https://example.org/a.jpg', 'Un chat', '800', '600', 'lazy'],
  );
  assert.equal(
    attr(
      find(shadowOf(all(src, 'lede-figure')[0]), (n) => n.tagName === 'a'),
      'href',
    ),
    'https://afp.com',
  );

  // Zoom: none for a decorative image (alt=""), a button named after the image (alt, else caption) for the others.
  const zoom = renderToString(
    `<lede-figure zoomable caption="Légende"><img src="a.jpg" alt="Un chat"></lede-figure>
     <lede-figure zoomable caption="Décor"><picture><img src="b.jpg" alt=""></picture></lede-figure>
     <lede-figure zoomable><img src="c.jpg"><span slot="caption">Sans <em>texte</em></span></lede-figure>`,
    { lang: 'fr' },
  );
  assert.deepEqual(
    all(zoom, 'lede-figure').map(
      (host) => attr(find(shadowOf(host), (n) => n.tagName === 'button') ?? {}, 'aria-label') ?? null,
    ),
    ["Agrandir l'image\u00a0: Un chat", null, "Agrandir l'image\u00a0: Sans texte"],
  );
  // The dialog is not written: its code (src/figure/zoom.ts) is loaded on the reader's first zoom, which renders it.
  assert.deepEqual(
    all(zoom, 'lede-figure').map((host) => find(shadowOf(host), (n) => n.tagName === 'dialog') ?? null),
    [null, null, null],
  );
  const slotted = renderToString(
    '<lede-figure><img src="a.jpg" alt=""><span slot="caption">Légende riche</span></lede-figure>',
    { lang: 'fr' },
  );
  const figure = shadowOf(all(slotted, 'lede-figure')[0]);
  assert.equal(attr(part(figure, 'caption'), 'hidden'), undefined, 'the caption line shows for a slotted caption');
  assert.equal(attr(part(figure, 'credit'), 'hidden'), '', 'no credit line without a credit');
});

test('<lede-figure priority>: its light-DOM image is fetched first, from the markup (fetchpriority, loading)', () => {
  const html = renderToString(`<lede-figure priority><img src="a.jpg" alt="A" width="4" height="3"></lede-figure>
    <lede-figure priority><picture><source srcset="b.avif" type="image/avif"><IMG loading="lazy" src="b.jpg" alt="B" fetchpriority=low></picture></lede-figure>
    <lede-figure><img src="c.jpg" alt="C" loading="lazy"></lede-figure>`);
  const images = all(html, 'img').map((img) => [attr(img, 'src'), attr(img, 'fetchpriority'), attr(img, 'loading')]);
  assert.deepEqual(images, [
    ['a.jpg', 'high', 'eager'],
    ['b.jpg', 'high', 'eager'],
    ['c.jpg', undefined, 'lazy'],
  ]);
  assert.match(html, /<img loading="eager" fetchpriority="high" src="a.jpg" alt="A" width="4" height="3">/);
  // The reference article's lead image.
  const lead = all(renderToString(article), 'lede-figure')[0].childNodes.find((node) => node.tagName === 'img');
  assert.deepEqual(
    [attr(lead, 'src'), attr(lead, 'fetchpriority'), attr(lead, 'loading')],
    ['images/telegram.svg', 'high', 'eager'],
  );
});

test('<lede-reading-time>: measured from `for`, the closest <article>, or given; hidden with nothing to read', () => {
  const body = `<p>${words(450)}</p>`;
  const fr = renderToString(`<article lang="fr"><lede-reading-time></lede-reading-time>${body}</article>`);
  const minutes = estimateReadingTime(words(450), { lang: 'fr' }).minutes;
  assert.equal(text(shadowOf(all(fr, 'lede-reading-time')[0])), `${minutes} minutes de lecture`);
  const en = renderToString(`<main><lede-reading-time for="t"></lede-reading-time></main><div id="t">${body}</div>`, {
    lang: 'en',
  });
  assert.equal(text(shadowOf(all(en, 'lede-reading-time')[0])), `${estimateReadingTime(words(450)).minutes} min read`);
  const given = renderToString('<lede-reading-time minutes="7"></lede-reading-time>', { lang: 'fr' });
  assert.equal(text(shadowOf(all(given, 'lede-reading-time')[0])), '7 minutes de lecture');
  const range = renderToString(
    `<article><lede-reading-time range></lede-reading-time><p>${words(2380)}</p></article>`,
    { lang: 'en' },
  );
  assert.match(text(shadowOf(all(range, 'lede-reading-time')[0])), /^\d+–\d+ min read$/);
  const empty = all(
    renderToString('<article><lede-reading-time></lede-reading-time></article>'),
    'lede-reading-time',
  )[0];
  assert.equal(attr(empty, 'hidden'), '', 'hidden, as the element hides itself in the browser');
  assert.equal(text(shadowOf(empty)), '');
});

test('<lede-reading-time>: skips what the element skips in the browser, and counts images', () => {
  const hiddenText = [
    `<script>${words(500)}</script>`,
    `<style>${words(500)}</style>`,
    `<template>${words(500)}</template>`,
    `<noscript>${words(500)}</noscript>`,
    `<p hidden>${words(500)}</p>`,
    `<p aria-hidden="true">${words(500)}</p>`,
    `<aside data-reading-time-ignore>${words(500)}</aside>`,
  ].join('');
  const html = renderToString(
    `<article><lede-reading-time></lede-reading-time><p>${words(238)}</p>${hiddenText}<img src="a.jpg" alt=""><img src="b.jpg" alt=""></article>`,
    { lang: 'en' },
  );
  // 238 words at 238 words a minute: 60 s; two images: 12 + 11 s. 83 s is 2 minutes.
  const expected = estimateReadingTime(words(238), { lang: 'en', images: 2 });
  assert.equal(expected.seconds, 83);
  assert.equal(text(shadowOf(all(html, 'lede-reading-time')[0])), '2 min read');
  // Inline elements do not split words, block elements do: "l'<a>agence</a>" is one word, "a<p>b</p>" two.
  const inline = renderToString(
    `<article><lede-reading-time wpm="1"></lede-reading-time><p>l'<a href="#">agence</a> a<div>b</div></p></article>`,
    { lang: 'fr' },
  );
  assert.equal(text(shadowOf(all(inline, 'lede-reading-time')[0])), '3 minutes de lecture');
});

test('<lede-comment-form>: heading, notice, labels and fields; the remember box not ticked', () => {
  const markup = '<lede-comment-form action="/api/comments" post-id="42" remember></lede-comment-form>';
  const fr = shadowOf(all(renderToString(markup, { lang: 'fr' }), 'lede-comment-form')[0]);
  const labels = (root) => [...nodes(root)].filter((n) => attr(n, 'part') === 'label').map((n) => text(n));
  assert.equal(text(part(fr, 'heading')), 'Laisser un commentaire');
  assert.deepEqual(labels(fr), [
    'Nom (obligatoire)',
    'E-mail (obligatoire)',
    'Site web',
    'Commentaire (obligatoire)',
    'Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.',
  ]);
  assert.equal(text(part(fr, 'submit')), 'Publier le commentaire');
  assert.deepEqual(
    [...nodes(fr)]
      .filter((n) => n.tagName === 'input' || n.tagName === 'textarea')
      .map((n) => [n.tagName, attr(n, 'name') ?? attr(n, 'id')]),
    [
      ['input', 'name'],
      ['input', 'email'],
      ['input', 'url'],
      ['textarea', 'content'],
      ['input', 'homepage'],
      ['input', 'remember'],
    ],
  );
  const remember = find(fr, (n) => attr(n, 'id') === 'remember');
  assert.equal(attr(remember, 'checked'), undefined, 'consent is never pre-ticked');
  const en = shadowOf(all(renderToString(markup, { lang: 'en' }), 'lede-comment-form')[0]);
  assert.deepEqual(labels(en).slice(0, 4), ['Name (required)', 'Email (required)', 'Website', 'Comment (required)']);
  assert.equal(text(part(en, 'submit')), 'Post comment');
});

test('the reference article in French: every element rendered, reading time as the browser measures it', () => {
  const html = renderToString(article);
  assert.match(html, /^<!doctype html>\s*<html lang="fr">/);
  const header = shadowOf(all(html, 'lede-article-header')[0]);
  assert.equal(text(part(header, 'site')), "Serveur d'impression");
  assert.equal(text(part(header, 'date')), 'Le 27 novembre 2019');
  // The article body as the element reads it: its text, blocks separated, and its two images.
  const body = article.slice(article.indexOf('<div id="article-body">'), article.indexOf('</article>'));
  const plain = body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');
  const expected = estimateReadingTime(plain, { lang: 'fr', images: 2 });
  const [readingTime] = all(html, 'lede-reading-time');
  assert.equal(text(shadowOf(readingTime)), `${expected.minutes} minutes de lecture`);
  const figures = all(html, 'lede-figure').map((figure) => text(part(shadowOf(figure), 'caption')));
  assert.deepEqual(figures, [
    "Légende: De nombreux comptes liés au système d'information (à gauche) et ceux des supporters (à droite) ont été supprimés",
    'Légende: Un administrateur du service de chat pro-IS sur RocketChat met en garde contre Telegram',
  ]);
  assert.equal(text(part(shadowOf(all(html, 'lede-figure')[1]), 'credit')), "Copyright de l'image: EST SUR ROCKETCHAT");
  // The comment section, without comments passed in: its loading state, and the form inside it.
  const comments = shadowOf(all(html, 'lede-comments')[0]);
  assert.equal(text(part(shadowOf(all(html, 'lede-comment-form')[0]), 'heading')), 'Laisser un commentaire');
  assert.ok(comments, 'the comment section is rendered');
  // Six shadow roots (the header's reading time and the section's form included), all open; the light DOM is the page's own.
  assert.equal(all(html, 'template').filter((t) => attr(t, 'shadowrootmode') === 'open').length, 6);
  assert.equal(html.includes('data-lede-ssr'), false, 'the marker tying elements to the markup is not written out');
  for (const paragraph of article.match(/<p>[^]*?<\/p>/g))
    assert.ok(html.includes(paragraph), 'article text unchanged');
});

test('the reference article in English: lang option sets <html lang>, every element follows', () => {
  const html = renderToString(article, { lang: 'en' });
  assert.match(html, /^<!doctype html>\s*<html lang="en">/);
  assert.equal(text(part(shadowOf(all(html, 'lede-article-header')[0]), 'date')), 'November 27, 2019');
  assert.match(text(shadowOf(all(html, 'lede-reading-time')[0])), /^\d+ min read$/);
  assert.match(text(part(shadowOf(all(html, 'lede-figure')[0]), 'caption')), /^Caption: /);
  assert.equal(text(part(shadowOf(all(html, 'lede-comment-form')[0]), 'heading')), 'Leave a comment');
  const missing = renderToString('<!doctype html><title>T</title><lede-reading-time minutes="2"></lede-reading-time>', {
    lang: 'de',
  });
  assert.match(missing, /^<!doctype html><html lang="de"><title>/);
  assert.equal(text(shadowOf(all(missing, 'lede-reading-time')[0])), '2 Min. Lesezeit');
});

test('language: own lang, then the closest lang around, then the option, then English', () => {
  const markup = `<lede-reading-time minutes="3"></lede-reading-time>
    <section lang="de"><lede-reading-time minutes="3"></lede-reading-time><lede-reading-time minutes="3" lang="es"></lede-reading-time></section>
    <div lang="not a language"><lede-reading-time minutes="3"></lede-reading-time></div>`;
  const texts = (html) => all(html, 'lede-reading-time').map((el) => text(shadowOf(el)));
  assert.deepEqual(texts(renderToString(markup, { lang: 'fr' })), [
    '3 minutes de lecture',
    '3 Min. Lesezeit',
    '3 min de lectura',
    '3 min read',
  ]);
  assert.deepEqual(texts(renderToString(markup)), ['3 min read', '3 Min. Lesezeit', '3 min de lectura', '3 min read']);
  assert.throws(() => renderToString(markup, { lang: 'pas une langue' }), RangeError);
  // Arabic (right to left) and Brazilian Portuguese come with the package.
  assert.deepEqual(texts(renderToString('<lede-reading-time minutes="3"></lede-reading-time>', { lang: 'pt-BR' })), [
    '3 min de leitura',
  ]);
  assert.match(
    texts(renderToString('<lede-reading-time minutes="3"></lede-reading-time>', { lang: 'ar' }))[0],
    /[\u0600-\u06ff]/,
  );
});

test('markup without Lede elements, and markup around them, comes out unchanged', () => {
  for (const markup of [
    '',
    '<p>Bonjour</p>',
    '<!doctype html><html lang="fr"><head><title>T</title></head><body><p>x</p></body></html>',
    article.replace(/<lede-[^]*?<\/lede-[a-z-]+>/g, ''),
  ]) {
    assert.equal(renderToString(markup), markup);
  }
  const around = '<p>avant</p><lede-reading-time minutes="1"></lede-reading-time><p>après</p>';
  const html = renderToString(around);
  assert.ok(html.startsWith('<p>avant</p><lede-reading-time'));
  assert.ok(html.endsWith('</lede-reading-time><p>après</p>'));
});

test('attack payloads in attributes stay inert: escaped text, no markup, no script URLs', () => {
  const payload = `"><script>alert(1)</script><img src=x onerror=alert(1)></template>`;
  const markup =
    `<lede-article-header site='${payload}' site-href="javascript:alert(1)" author='${payload}' author-href="data:text/html,x"
      headline='${payload}' published="2019-11-27'><script>alert(1)</script>"></lede-article-header>
    <lede-figure src="javascript:alert(1)" srcset="javascript:alert(1) 1x, https://ok.example/a.jpg 2x" alt='${payload}' caption='${payload}'
      credit='${payload}' credit-href="javascript:alert(1)" license="javascript:alert(1)"></lede-figure>
    <lede-reading-time for='${payload}' lang='${payload}'></lede-reading-time>
    <lede-comment-form action="javascript:alert(1)" post-id='${payload}' csrf-token='${payload}'></lede-comment-form>`.replace(
      /\n\s*/g,
      ' ',
    );
  const warn = console.warn;
  console.warn = () => {};
  let html;
  try {
    html = renderToString(markup, { lang: 'fr' });
  } finally {
    console.warn = warn;
  }
  const elements = [...nodes(parsed(html))].filter((n) => n.tagName);
  assert.deepEqual(
    elements.filter((n) => n.tagName === 'script'),
    [],
    'no script element anywhere',
  );
  assert.deepEqual(
    elements.filter((n) => n.tagName === 'img' && attr(n, 'src') === 'x'),
    [],
    'no injected image',
  );
  const handlers = elements.flatMap((n) =>
    n.attrs.filter((a) => a.name.startsWith('on')).map((a) => `${n.tagName} ${a.name}`),
  );
  assert.deepEqual(handlers, [], 'no event handler attribute');
  // What the elements render (the hosts' own attributes are the page's markup, written out escaped).
  const rendered = elements
    .filter((n) => n.tagName.startsWith('lede-'))
    .flatMap((host) => [...nodes(shadowOf(host))])
    .filter((n) => n.tagName);
  const urls = rendered.flatMap((n) =>
    n.attrs.filter((a) => ['href', 'src', 'srcset', 'action'].includes(a.name)).map((a) => a.value),
  );
  assert.ok(urls.includes('https://ok.example/a.jpg 2x'), 'the safe srcset candidate is kept');
  for (const url of urls) assert.doesNotMatch(url, /javascript:|data:/, `no script URL rendered (${url})`);
  // The payload is shown as text where the element shows text.
  const header = shadowOf(elements.find((n) => n.tagName === 'lede-article-header'));
  assert.equal(text(part(header, 'site')), payload);
  assert.equal(
    part(header, 'site').childNodes.some((n) => n.tagName === 'a'),
    false,
    'the javascript: site-href is not a link',
  );
  assert.equal(
    text(part(shadowOf(elements.find((n) => n.tagName === 'lede-figure')), 'caption')),
    `Légende: ${payload}`,
  );
  // Every shadow root is one well-formed template: the payload did not close one early.
  assert.equal(all(html, 'template').filter((t) => attr(t, 'shadowrootmode')).length, 4);
});

test('styleHashes gives the sha256 of each kind of shadow-root <style>, once', () => {
  const html = renderToString(article);
  const styles = [...html.matchAll(/<template shadowrootmode="open"><style>([^]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(styles.length, 6);
  const expected = [...new Set(styles)].map((css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`);
  assert.deepEqual(styleHashes(html), expected);
  assert.equal(expected.length, 5, 'one per kind of element');
  assert.deepEqual(styleHashes('<p>nothing</p>'), []);
});

test('rendering touches no browser global, and warns about nothing in the reference article', () => {
  for (const name of ['window', 'document', 'localStorage', 'matchMedia', 'MutationObserver'])
    assert.equal(typeof globalThis[name], 'undefined', name);
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.join(' '));
  try {
    renderToString(article);
    renderToString(article, { lang: 'en' });
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(warnings, []);
});

test('npm run ssr -- input.html > output.html writes the page alone; errors go to stderr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-ssr-'));
  try {
    const out = join(dir, 'out.html');
    const run = spawnSync('sh', ['-c', `npm run ssr -- demo/index.html > "${out}"`], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(out, 'utf8'), renderToString(article));
    const piped = spawnSync(process.execPath, ['dist/lib/ssr/cli.js', '--lang', 'en', '-'], {
      cwd: root,
      input: '<lede-reading-time minutes="2"></lede-reading-time>',
      encoding: 'utf8',
    });
    assert.equal(piped.status, 0, piped.stderr);
    assert.match(piped.stdout, /2 min read/);
    const bad = spawnSync(process.execPath, ['dist/lib/ssr/cli.js', '--lang', 'pas une langue', 'demo/index.html'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(bad.status, 1);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /not a BCP 47 language tag/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('demo server: server-rendered by default with style hashes in the CSP; ?ssr=0 is the file', async (t) => {
  const server = createServer({ root });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  const base = `http://127.0.0.1:${server.address().port}`;

  const ssr = await fetch(`${base}/`);
  const html = await ssr.text();
  // Rendered with the page's URL, so its structured data holds the absolute URLs the browser would write.
  // Its comment section holds the approved comments (none here) as the element's JSON child.
  const expected = renderToString(await withComments(article, () => Promise.resolve([])), { url: `${base}/` });
  assert.match(html, /<script type="application\/json">\[\]<\/script><\/lede-comments>/);
  // The demo loads the autoloader, which brings hydrate-support.js itself: no dist/hydrate.js is added.
  assert.equal(html, expected);
  assert.match(html, /<script type="module" src="\/dist\/autoloader.js"><\/script>/);
  assert.equal(
    all(html, 'script').filter((script) => attr(script, 'type') === 'application/ld+json').length,
    3,
    'the article and both figures',
  );
  const csp = ssr.headers.get('content-security-policy');
  assert.equal(
    csp,
    CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${styleHashes(html).join(' ')}`),
  );
  assert.doesNotMatch(csp, /unsafe/);
  // fetch asked for it compressed; the length is that of the compressed body.
  assert.match(ssr.headers.get('content-encoding'), /^(br|gzip)$/);
  assert.ok(Number(ssr.headers.get('content-length')) < Buffer.byteLength(html) / 3);

  const client = await fetch(`${base}/?ssr=0`);
  assert.equal(await client.text(), article);
  assert.equal(client.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);

  const english = await (await fetch(`${base}/index.html?lang=en`)).text();
  assert.match(english, /<html lang="en">/);
  assert.match(english, /min read/);
  const unknown = await fetch(`${base}/?lang=xx`);
  assert.equal(await unknown.text(), article, 'a language Lede does not have: the page as it is');

  process.env.LEDE_SSR = '0';
  try {
    assert.equal(await (await fetch(`${base}/`)).text(), article);
    assert.match(await (await fetch(`${base}/?ssr=1`)).text(), /shadowrootmode/);
  } finally {
    delete process.env.LEDE_SSR;
  }
});

test('demo server: the comment section is server-rendered with the approved thread, in French and English', async (t) => {
  const token = 'a token of at least 32 characters, for this test';
  const server = createServer({ root, adminToken: token });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  const base = `http://127.0.0.1:${server.address().port}`;
  const post = async (fields, approve = true) => {
    const body = {
      post: 'europol-telegram',
      parent: null,
      name: 'Anne',
      email: 'anne@example.fr',
      url: '',
      content: 'Merci.',
      ...fields,
    };
    const response = await fetch(`${base}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 201);
    const { id } = await response.json();
    if (approve)
      await fetch(`${base}/api/admin/comments/${id}/approve`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      });
    return id;
  };
  const first = await post({ content: 'Premier avis.\n\n</script><script>alert(1)</script> <b>pas du HTML</b>' });
  await post({ name: 'Paul', parent: first, content: 'Je réponds à Anne.' });
  await post({ name: 'Pending', content: 'Pas encore approuvé.' }, false);

  const section = async (lang) => {
    const html = await (await fetch(`${base}/?lang=${lang}`)).text();
    assert.equal(
      all(html, 'script').filter((script) => attr(script, 'type') === 'text/javascript' || /alert/.test(text(script)))
        .length,
      1,
      'the comment stays inside its JSON',
    );
    return shadowOf(all(html, 'lede-comments')[0]);
  };
  const fr = await section('fr');
  assert.equal(text(part(fr, 'heading')), '2 commentaires');
  const comments = [...nodes(fr)].filter((n) => attr(n, 'part') === 'comment');
  assert.deepEqual(
    comments.map((c) => text(part(c, 'author'))),
    ['Anne', 'Paul'],
  );
  const paragraphs = [...nodes(part(comments[0], 'content'))].filter((n) => n.tagName === 'p').map(text);
  assert.deepEqual(
    paragraphs,
    ['Premier avis.', '</script><script>alert(1)</script> <b>pas du HTML</b>'],
    'shown as text',
  );
  // The reply sits in a list inside its parent's item.
  const parentItem = find(fr, (n) => n.tagName === 'li' && n.childNodes.includes(comments[0]));
  assert.ok([...nodes(parentItem)].includes(comments[1]), 'the reply is under its parent');
  assert.equal(text(part(comments[1], 'reply')), 'Répondre');
  assert.doesNotMatch(text(fr), /Pending|Pas encore/);
  const en = await section('en');
  assert.equal(text(part(en, 'heading')), '2 comments');
  assert.equal(
    text(
      part(
        [...nodes(en)].find((n) => attr(n, 'part') === 'comment'),
        'reply',
      ),
    ),
    'Reply',
  );
});
