import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/figure/define.js';
import { LedeReadingTime, LedeReadingTimeChangeEvent, estimateReadingTime } from '../src/reading-time/define.js';
import '../src/shared/translations/ar.js';
import '../src/shared/translations/de.js';
import '../src/shared/translations/es.js';
import '../src/shared/translations/it.js';
import '../src/shared/translations/nl.js';
import '../src/shared/translations/pt.js';
import { warnings } from './support/helpers.js';
import { clientFixture, fixtures } from './support/fixtures.js';
import type { Fixture } from './support/fixtures.js';

const IMG = '/test/fixtures/figure-wide.svg';
/** The text the element shows (a server-rendered root holds its <style>, which shows nothing). */
const text = (el: Element) =>
  [...el.shadowRoot!.childNodes]
    .filter(
      (node) => node.nodeType === Node.TEXT_NODE || (node.nodeType === Node.ELEMENT_NODE && node.nodeName !== 'STYLE'),
    )
    .map((node) => node.textContent)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
const base = (el: LedeReadingTime) => el.shadowRoot!.querySelector('[part="base"]');
const words = (n: number, word = 'mot') => Array(n).fill(word).join(' ');
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** `inArticle` placing its article with `place`: rendered in the browser, or by the server then hydrated. */
function articleFixture(place: Fixture) {
  /** An `<article>` holding `<lede-reading-time>` and the given content. */
  return async (content: unknown, attrs: Partial<Record<'lang' | 'wpm' | 'range' | 'remaining', string>> = {}) => {
    const article = await place<HTMLElement>(html`<article>
      <lede-reading-time lang=${attrs.lang ?? 'fr'} wpm=${ifDefined(attrs.wpm)} ?range=${'range' in attrs} ?remaining=${'remaining' in attrs}></lede-reading-time>
      ${content}
    </article>`);
    const el = article.querySelector('lede-reading-time')!;
    await el.updateComplete;
    return { article, el };
  };
}
const inArticle = articleFixture(clientFixture);

interface Block {
  type: 'paragraph' | 'heading' | 'figure';
  text?: string;
  alt?: string | null;
  caption?: string;
  credit?: string;
}

/** The reference article, built from the seed JSON as the page shows it: paragraphs, h2 and figures with an image. */
async function referenceArticle(): Promise<HTMLElement> {
  const data = (await (await fetch('/test/fixtures/article-fr.json')).json()) as {
    lang: string;
    title: string;
    blocks: Block[];
  };
  const article = document.createElement('article');
  article.lang = data.lang;
  article.id = 'reference';
  const h1 = document.createElement('h1');
  h1.textContent = data.title;
  article.append(h1);
  for (const block of data.blocks) {
    if (block.type === 'figure') {
      const figure = document.createElement('lede-figure');
      const img = Object.assign(document.createElement('img'), {
        src: IMG,
        alt: block.alt ?? '',
        width: 800,
        height: 450,
      });
      const caption = Object.assign(document.createElement('span'), { slot: 'caption', textContent: block.caption });
      const credit = Object.assign(document.createElement('span'), { slot: 'credit', textContent: block.credit });
      figure.append(img, caption, credit);
      article.append(figure);
    } else {
      const node = document.createElement(block.type === 'heading' ? 'h2' : 'p');
      node.textContent = block.text!;
      article.append(node);
    }
  }
  return article;
}

describe('<lede-reading-time>', () => {
  afterEach(() => window.scrollTo(0, 0));

  for (const fixture of fixtures) {
    describe(`rendering (${fixture.kind})`, () => {
      const inArticle = articleFixture(fixture);
      it('shows a given number of minutes in a <time datetime>', async () => {
        const el = await fixture<LedeReadingTime>(html`<lede-reading-time lang="fr" minutes="5"></lede-reading-time>`);
        const time = base(el)!;
        expect(time.localName).to.equal('time');
        expect(time.getAttribute('datetime')).to.equal('PT5M');
        expect(text(el)).to.equal('5 minutes de lecture');
        expect([el.minutes, el.seconds, el.hidden]).to.deep.equal([5, 300, false]);
        await expect(el).to.be.accessible();
      });

      it('measures the reference article with its two figures at 4 or 5 minutes in French', async () => {
        const wrap = await fixture<HTMLElement>(html`<div></div>`);
        const article = await referenceArticle();
        const el = document.createElement('lede-reading-time');
        article.prepend(el);
        wrap.append(article);
        await el.updateComplete;
        expect(el.images).to.equal(2);
        expect(el.words).to.be.within(650, 750);
        expect(el.minutes).to.be.oneOf([4, 5]);
        expect(text(el)).to.equal(`${el.minutes} minutes de lecture`);
        expect(base(el)!.getAttribute('datetime')).to.equal(`PT${el.minutes}M`);
        await expect(wrap).to.be.accessible();
      });

      it('counts hand-counted French words: spaced punctuation no, elisions and hyphens once, numbers yes', async () => {
        // L'agence | européenne | dit-on | a | déclaré | Bonjour | Le | 22 | novembre | 2 | 096 | comptes | ont | été | retirés
        const { el } = await inArticle(
          html`<p>L'agence européenne, dit-on, a déclaré : « Bonjour » ! Le 22 novembre, 2 096 comptes ont été retirés…</p>`,
        );
        expect(el.words).to.equal(15);
      });

      it('counts an elision split by a link as one word, and separate paragraphs as separate words', async () => {
        const { el } = await inArticle(html`<p>d'<a href="#europol">Europol</a> fin</p><p>début</p><h2>titre</h2>`);
        expect(el.words).to.equal(4);
      });

      it('counts hand-counted English, Chinese and Japanese samples', async () => {
        // It's | a | well-known | fact | 42 | readers | don't | skim | they | read
        const en = await inArticle(html`<p>It's a well-known fact: 42 readers don't skim — they read.</p>`, {
          lang: 'en',
        });
        // 欧 洲 刑 警 组 织 删 除 了 账 户
        const zh = await inArticle(html`<p>欧洲刑警组织删除了账户。</p>`, { lang: 'zh' });
        // 東 京 タ ワ ー へ 行 き ま し た
        const ja = await inArticle(html`<p>東京タワーへ行きました。</p>`, { lang: 'ja' });
        expect([en.el.words, zh.el.words, ja.el.words]).to.deep.equal([10, 11, 11]);
        expect(text(en.el)).to.equal('1 min read');
      });

      it('leaves out script, style, template, noscript, hidden, aria-hidden and data-reading-time-ignore', async () => {
        const { el } = await inArticle(html`<p>un deux trois</p>
          <script>var a = 1;</script>
          <style>p { color: red; }</style>
          <template><p>quatre cinq</p></template>
          <noscript>six sept</noscript>
          <div hidden><p>huit neuf</p><img src=${IMG} alt="" /></div>
          <div aria-hidden="true">dix onze</div>
          <aside data-reading-time-ignore><p>douze</p><img src=${IMG} alt="" /></aside>
          <p>quatre</p>`);
        expect([el.words, el.images]).to.deep.equal([4, 0]);
      });

      it('adds image time as Medium does: 12 s, then one second less, 3 s from the tenth on', async () => {
        const { el } = await inArticle(
          html`<img src=${IMG} alt="" /><lede-figure><img src=${IMG} alt="" /></lede-figure>`,
        );
        expect([el.words, el.images, el.seconds, el.minutes]).to.deep.equal([0, 2, 23, 1]);
        expect(text(el)).to.equal('1 minute de lecture');
        expect(estimateReadingTime('', { images: 12 }).seconds).to.equal(
          12 + 11 + 10 + 9 + 8 + 7 + 6 + 5 + 4 + 3 + 3 + 3,
        );
      });

      it('renders nothing and hides itself when there are no words', async () => {
        const { el } = await inArticle(html`<script>var rien = 'du tout';</script>`);
        expect(el.hidden).to.equal(true);
        expect(base(el)).to.equal(null);
        expect(text(el)).to.equal('');
        expect([el.words, el.minutes]).to.deep.equal([0, 0]);
        await expect(el).to.be.accessible();
        const p = Object.assign(document.createElement('p'), { textContent: words(3) });
        el.parentElement!.append(p);
        await waitUntil(() => !el.hidden, 'shown once there are words');
        expect(text(el)).to.equal('1 minute de lecture');
        p.remove();
        await waitUntil(() => el.hidden, 'hidden again');
      });

      it('leaves a hidden set by the page alone', async () => {
        const article = await fixture(
          html`<article><lede-reading-time lang="fr" hidden></lede-reading-time><p>${words(5)}</p></article>`,
        );
        const el = article.querySelector('lede-reading-time')!;
        await el.updateComplete;
        el.lang = 'en';
        await el.updateComplete;
        expect([el.hidden, text(el)]).to.deep.equal([true, '1 min read']);
      });
    });
  }

  for (const fixture of fixtures) {
    describe(`attributes (${fixture.kind})`, () => {
      const inArticle = articleFixture(fixture);
      it('measures the element named by for, in the document', async () => {
        const wrap = await fixture(
          html`<div><lede-reading-time lang="fr" for="corps"></lede-reading-time><div id="corps"><p>${words(450)}</p></div></div>`,
        );
        const el = wrap.querySelector('lede-reading-time')!;
        await el.updateComplete;
        expect(el.words).to.equal(450);
        expect(text(el)).to.equal('3 minutes de lecture');
      });

      it('finds the for target from inside a shadow root, in that root first, then in the document', async () => {
        const wrap = await fixture(html`<div><div id="dehors"><p>${words(10)}</p></div><div id="host"></div></div>`);
        const root = wrap.querySelector('#host')!.attachShadow({ mode: 'open' });
        const inner = Object.assign(document.createElement('div'), { id: 'dedans', textContent: words(3) });
        const a = Object.assign(document.createElement('lede-reading-time'), { for: 'dedans' });
        const b = Object.assign(document.createElement('lede-reading-time'), { for: 'dehors' });
        root.append(inner, a, b);
        await Promise.all([a.updateComplete, b.updateComplete]);
        expect([a.words, b.words]).to.deep.equal([3, 10]);
      });

      it('measures the closest <main> when there is no <article>, crossing shadow roots', async () => {
        const main = await fixture(html`<main><p>${words(7)}</p><div id="host"></div></main>`);
        const el = document.createElement('lede-reading-time');
        main.querySelector('#host')!.attachShadow({ mode: 'open' }).append(el);
        await el.updateComplete;
        expect(el.words).to.equal(7);
      });

      it('lets minutes win over measuring, and measures again when it is removed', async () => {
        const { el } = await inArticle(html`<p>${words(20)}</p>`);
        el.minutes = 9;
        await el.updateComplete;
        expect([text(el), el.minutes]).to.deep.equal(['9 minutes de lecture', 9]);
        el.minutes = undefined;
        await waitUntil(() => el.words === 20, 'measured again');
        await el.updateComplete;
        expect([text(el), el.minutes]).to.deep.equal(['1 minute de lecture', 1]);
      });

      it('uses the language speed, or wpm', async () => {
        // French reads 238 × 195 / 228 = 203.6 words a minute: 203 words fit in one minute, 204 do not.
        expect((await inArticle(html`<p>${words(203)}</p>`)).el.minutes).to.equal(1);
        expect((await inArticle(html`<p>${words(204)}</p>`)).el.minutes).to.equal(2);
        expect((await inArticle(html`<p>${words(238, 'word')}</p>`, { lang: 'en' })).el.seconds).to.equal(60);
        const { el } = await inArticle(html`<p>${words(300)}</p>`, { wpm: '100' });
        expect([el.seconds, text(el)]).to.deep.equal([180, '3 minutes de lecture']);
        el.wpm = 300;
        await el.updateComplete;
        expect(text(el)).to.equal('1 minute de lecture');
      });

      it('shows a range with range', async () => {
        const { el } = await inArticle(html`<p>${words(750)}</p><img src=${IMG} alt="" /><img src=${IMG} alt="" />`, {
          range: '',
        });
        // 750 words at 203.6/min = 221.1 s, + 23 s of images → 245 s: 245 / 1.12 → 4 min, 245 / 0.88 → 5 min.
        expect([el.seconds, el.minutes]).to.deep.equal([245, 5]);
        expect(text(el)).to.equal('4–5 minutes de lecture');
        expect(base(el)!.getAttribute('datetime')).to.equal('PT5M');
        el.lang = 'en';
        await el.updateComplete;
        expect(text(el)).to.match(/^\d–\d min read$/);
        await expect(el).to.be.accessible();
      });

      it('shows a single value with range when both ends round alike, and a given value as is', async () => {
        const { el } = await inArticle(html`<p>deux mots</p>`, { range: '' });
        expect(text(el)).to.equal('1 minute de lecture');
        el.minutes = 3;
        await el.updateComplete;
        expect(text(el), 'a given value is shown as given').to.equal('3 minutes de lecture');
      });

      it('shows the time left while scrolling with remaining, then the finished state', async () => {
        const paragraphs = Array.from({ length: 30 }, () => html`<p class="tall">${words(100)}</p>`);
        const { article, el } = await inArticle(html`<style>.tall { height: 200px; margin: 0; }</style>${paragraphs}`, {
          remaining: '',
        });
        expect(el.minutes).to.equal(15);
        const rect = () => article.getBoundingClientRect();
        // Half the article below the viewport: half the time is left.
        window.scrollTo(0, scrollY + rect().bottom - innerHeight - rect().height / 2);
        const half = Math.ceil(el.seconds / 2 / 60);
        await waitUntil(
          () => text(el) === `Encore ${half} minutes`,
          `never showed "Encore ${half} minutes": "${text(el)}"`,
        );
        expect(base(el)!.getAttribute('datetime')).to.equal(`PT${half}M`);
        await expect(el).to.be.accessible();
        // The end of the article in view.
        window.scrollTo(0, scrollY + rect().bottom - innerHeight + 1);
        await waitUntil(() => text(el) === 'Lecture terminée', `never finished: "${text(el)}"`);
        await expect(el).to.be.accessible();
        window.scrollTo(0, 0);
        await frame();
        await waitUntil(() => text(el).startsWith('Encore'), 'back at the top');
      });

      it('updates when a paragraph is added', async () => {
        const { article, el } = await inArticle(html`<p>${words(100)}</p>`);
        expect(text(el)).to.equal('1 minute de lecture');
        const changed = oneEvent<LedeReadingTimeChangeEvent>(el, 'lede-reading-time-change');
        article.append(Object.assign(document.createElement('p'), { textContent: words(500) }));
        const event = await changed;
        await el.updateComplete;
        expect([event.words, el.words, text(el)]).to.deep.equal([600, 600, '3 minutes de lecture']);
      });
    });
  }

  for (const fixture of fixtures) {
    describe(`locale (${fixture.kind})`, () => {
      const expected: Record<string, [string, string]> = {
        en: ['1 min read', '5 min read'],
        fr: ['1 minute de lecture', '5 minutes de lecture'],
        de: ['1 Min. Lesezeit', '5 Min. Lesezeit'],
        es: ['1 min de lectura', '5 min de lectura'],
        it: ['1 min di lettura', '5 min di lettura'],
        pt: ['1 min de leitura', '5 min de leitura'],
        nl: ['Leestijd 1 minuut', 'Leestijd 5 minuten'],
      };
      for (const [lang, [one, five]] of Object.entries(expected)) {
        it(`pluralises in ${lang}`, async () => {
          const a = await fixture<LedeReadingTime>(
            html`<lede-reading-time lang=${lang} minutes="1"></lede-reading-time>`,
          );
          const b = await fixture<LedeReadingTime>(
            html`<lede-reading-time lang=${lang} minutes="5"></lede-reading-time>`,
          );
          expect([text(a), text(b)]).to.deep.equal([one, five]);
        });
      }

      it('pluralises in Arabic, right to left', async () => {
        const el = await fixture<LedeReadingTime>(
          html`<div dir="rtl"><lede-reading-time lang="ar" minutes="5"></lede-reading-time></div>`,
        );
        const five = new Intl.NumberFormat('ar').format(5);
        expect(text(el.firstElementChild!)).to.equal(`مدة القراءة: ${five} دقائق`);
        await expect(el).to.be.accessible();
      });

      it('inherits the language of the article and follows its changes', async () => {
        const article = await fixture<HTMLElement>(
          html`<article lang="fr"><lede-reading-time></lede-reading-time><p>${words(5)}</p></article>`,
        );
        const el = article.querySelector('lede-reading-time')!;
        await el.updateComplete;
        expect(text(el)).to.equal('1 minute de lecture');
        article.lang = 'en';
        await waitUntil(() => text(el) === '1 min read', 'switched to English');
      });

      it('shows the time left in English', async () => {
        const el = await fixture<LedeReadingTime>(
          html`<lede-reading-time lang="en" minutes="3" remaining></lede-reading-time>`,
        );
        expect(text(el)).to.equal('3 min left');
      });
    });
  }

  describe('events', () => {
    it('fires lede-reading-time-change with the first measurement', async () => {
      const wrap = await fixture<HTMLElement>(html`<div></div>`);
      const article = document.createElement('article');
      article.append(
        Object.assign(document.createElement('p'), { textContent: words(250) }),
        Object.assign(document.createElement('img'), { alt: '' }),
      );
      const el = document.createElement('lede-reading-time');
      el.lang = 'fr';
      article.prepend(el);
      const fired = oneEvent<LedeReadingTimeChangeEvent>(wrap, 'lede-reading-time-change');
      wrap.append(article);
      const event = await fired;
      expect(event).to.be.instanceOf(LedeReadingTimeChangeEvent);
      expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
      expect([event.words, event.images, event.seconds, event.minutes]).to.deep.equal([250, 1, 86, 2]);
    });

    it('fires again only when the value changes', async () => {
      const { el } = await inArticle(html`<p>${words(10)}</p>`);
      const seen: number[] = [];
      el.addEventListener('lede-reading-time-change', (event) => seen.push(event.minutes));
      el.requestUpdate();
      await el.updateComplete;
      expect(seen).to.deep.equal([]);
      el.minutes = 4;
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      expect(seen).to.deep.equal([4]);
    });

    it('stops observing once disconnected', async () => {
      const { article, el } = await inArticle(html`<p>${words(10)}</p>`);
      let fired = 0;
      el.addEventListener('lede-reading-time-change', () => fired++);
      el.remove();
      article.append(Object.assign(document.createElement('p'), { textContent: words(500) }));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect([fired, el.words]).to.deep.equal([0, 10]);
    });
  });

  for (const fixture of fixtures) {
    describe(`accessibility (${fixture.kind})`, () => {
      const inArticle = articleFixture(fixture);
      it('passes axe given, measured, as a range and hidden', async () => {
        const { article } = await inArticle(html`<p>${words(300)}</p><lede-reading-time range></lede-reading-time>`);
        await expect(article).to.be.accessible();
        const empty = await inArticle(html``);
        await expect(empty.article).to.be.accessible();
      });
    });
  }

  describe('bad input', () => {
    for (const value of ['-3', '0', 'cinq']) {
      it(`ignores minutes="${value}" with one warning and measures instead`, async () => {
        let el!: LedeReadingTime;
        const warned = await warnings(async () => {
          const article = await fixture(
            html`<article><lede-reading-time lang="fr" minutes=${value}></lede-reading-time><p>${words(5)}</p></article>`,
          );
          el = article.querySelector('lede-reading-time')!;
          await el.updateComplete;
          el.requestUpdate();
          await el.updateComplete;
        });
        expect(warned).to.have.length(1);
        expect(warned[0]).to.contain('minutes').and.contain(`"${value}"`);
        expect(text(el)).to.equal('1 minute de lecture');
        expect(el.shadowRoot!.textContent).not.to.match(/NaN|-3|0 min/);
        await expect(el).to.be.accessible();
      });

      it(`ignores wpm="${value}" with one warning`, async () => {
        let el!: LedeReadingTime;
        const warned = await warnings(async () => {
          const article = await fixture(
            html`<article><lede-reading-time lang="fr" wpm=${value}></lede-reading-time><p>${words(300)}</p></article>`,
          );
          el = article.querySelector('lede-reading-time')!;
          await el.updateComplete;
        });
        expect(warned).to.have.length(1);
        expect(warned[0]).to.contain('wpm').and.contain(`"${value}"`);
        expect(text(el)).to.equal('2 minutes de lecture');
      });
    }

    it('renders nothing for a for id that matches nothing, with one warning', async () => {
      let el!: LedeReadingTime;
      const warned = await warnings(async () => {
        const article = await fixture(
          html`<article><lede-reading-time lang="fr" for="introuvable"></lede-reading-time><p>${words(50)}</p></article>`,
        );
        el = article.querySelector('lede-reading-time')!;
        await el.updateComplete;
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(warned).to.have.length(1);
      expect(warned[0]).to.contain('for').and.contain('"introuvable"');
      expect([el.hidden, text(el)]).to.deep.equal([true, '']);
      await expect(el).to.be.accessible();
    });

    it('estimateReadingTime ignores bad options and never returns NaN', () => {
      const result = estimateReadingTime('un deux trois', { wpm: -5, images: Number.NaN, lang: 'pas une langue' });
      expect(result).to.deep.equal({ words: 3, images: 0, seconds: 1, minutes: 1 });
    });
  });
});
