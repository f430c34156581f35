import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { TemplateResult } from 'lit';
import { define } from '../src/shared/define.js';
import { LedeElement } from '../src/shared/element.js';
import { resolveLang } from '../src/shared/localize.js';
import { registerTranslation } from '../src/shared/translation.js';
import '../src/index.js';

/** A minimal element on the shared base, so these tests do not depend on any real element's markup. */
class TestLabel extends LedeElement {
  override render(): TemplateResult {
    return html`<span>${this.localize.t('caption')}</span> <span>${this.localize.plural('readingTime', 5)}</span>`;
  }
}
define('test-label', TestLabel);

const text = (el: Element) => el.shadowRoot!.textContent.replace(/\s+/g, ' ').trim();
const tags = ['lede-article-header', 'lede-figure', 'lede-reading-time', 'lede-comment-form'];

describe('shared core', () => {
  const htmlLang = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = htmlLang;
  });

  describe('locale resolution', () => {
    it('uses the element’s own lang first', async () => {
      const el = await fixture(html`<div lang="de"><test-label lang="fr"></test-label></div>`);
      expect(resolveLang(el.querySelector('test-label')!)).to.equal('fr');
    });

    it('uses the closest [lang] ancestor', async () => {
      const el = await fixture(html`<div lang="fr"><section><test-label></test-label></section></div>`);
      const label = el.querySelector('test-label')!;
      await (label as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(text(label)).to.equal('Légende 5 minutes de lecture');
    });

    it('crosses shadow roots to find the ancestor', async () => {
      const host = await fixture(html`<div lang="fr"></div>`);
      const root = host.attachShadow({ mode: 'open' });
      const label = document.createElement('test-label');
      root.append(label);
      expect(resolveLang(label)).to.equal('fr');
    });

    it('falls back to <html lang>, then English', async () => {
      document.documentElement.lang = 'fr';
      const el = await fixture<TestLabel>(html`<test-label></test-label>`);
      expect(text(el)).to.equal('Légende 5 minutes de lecture');
      document.documentElement.removeAttribute('lang');
      expect(resolveLang(el)).to.equal('en');
    });

    it('falls back from a region to its base language (fr-CA → fr)', async () => {
      const el = await fixture<TestLabel>(html`<test-label lang="fr-CA"></test-label>`);
      expect(text(el)).to.equal('Légende 5 minutes de lecture');
    });

    it('falls back to English for an unknown or malformed tag', async () => {
      const unknown = await fixture<TestLabel>(html`<test-label lang="tlh"></test-label>`);
      const broken = await fixture<TestLabel>(html`<test-label lang="not a tag!"></test-label>`);
      expect(text(unknown)).to.equal('Caption 5 min read');
      expect(text(broken)).to.equal('Caption 5 min read');
    });

    it('re-renders when <html lang> changes', async () => {
      document.documentElement.lang = 'en';
      const el = await fixture<TestLabel>(html`<test-label></test-label>`);
      expect(text(el)).to.equal('Caption 5 min read');
      document.documentElement.lang = 'fr';
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(text(el)).to.equal('Légende 5 minutes de lecture');
    });

    it('re-renders when its own lang changes, as attribute or property', async () => {
      const el = await fixture<TestLabel>(html`<test-label lang="en"></test-label>`);
      el.setAttribute('lang', 'fr');
      await el.updateComplete;
      expect(text(el)).to.equal('Légende 5 minutes de lecture');
      el.lang = 'en';
      await el.updateComplete;
      expect(text(el)).to.equal('Caption 5 min read');
      expect(el.getAttribute('lang')).to.equal('en');
    });
  });

  describe('registerTranslation', () => {
    it('adds a language, falling back to English for missing strings', async () => {
      registerTranslation({ $code: 'eo', caption: 'Bildoteksto' });
      const el = await fixture<TestLabel>(html`<test-label lang="eo"></test-label>`);
      expect(text(el)).to.equal('Bildoteksto 5 min read');
    });

    it('overrides one string of a built-in language and updates rendered elements', async () => {
      const el = await fixture<TestLabel>(html`<test-label lang="fr"></test-label>`);
      registerTranslation({ $code: 'fr', caption: 'Légende de la photo' });
      await el.updateComplete;
      expect(text(el)).to.equal('Légende de la photo 5 minutes de lecture');
      registerTranslation({ $code: 'fr', caption: 'Légende' });
    });
  });

  describe('formatting', () => {
    it('writes the French first of the month as an ordinal, in words only', async () => {
      const el = await fixture<TestLabel>(html`<test-label lang="fr"></test-label>`);
      const { localize } = el as unknown as { localize: { date(d: Date, o: Intl.DateTimeFormatOptions): string } };
      const day = new Date(Date.UTC(2020, 2, 1));
      expect(localize.date(day, { dateStyle: 'long', timeZone: 'UTC' })).to.equal('1er mars 2020');
      expect(localize.date(day, { day: 'numeric', month: 'long', timeZone: 'UTC' })).to.equal('1er mars');
      expect(localize.date(day, { dateStyle: 'short', timeZone: 'UTC' })).to.equal('01/03/2020');
      expect(localize.date(day, { day: 'numeric', month: 'numeric', timeZone: 'UTC' })).to.equal('01/03');
    });
  });

  describe('optional languages', () => {
    const captions = {
      de: 'Bildunterschrift',
      es: 'Pie de foto',
      it: 'Didascalia',
      pt: 'Legenda',
      nl: 'Bijschrift',
      ar: 'شرح الصورة',
    };
    for (const [lang, caption] of Object.entries(captions)) {
      it(`registers ${lang} when its module is imported`, async () => {
        // The built module, as a page adds it beside the bundle: it shares the registry through globalThis.
        await import(`/dist/translations/${lang}.js`);
        const el = await fixture<TestLabel>(html`<test-label lang=${lang}></test-label>`);
        expect(text(el).startsWith(caption), text(el)).to.be.true;
      });
    }
  });

  describe('registration', () => {
    it('defines every tag', () => {
      for (const tag of tags) expect(customElements.get(tag), tag).to.exist;
    });

    it('ignores a second registration of a tag', () => {
      for (const tag of tags) expect(() => define(tag, class extends LitElement {})).not.to.throw();
      expect(customElements.get('lede-figure')!.name).to.equal('LedeFigure');
    });

    it('defines all four tags from dist/lede.js, loaded twice beside a per-element module', async () => {
      const frame = document.createElement('iframe');
      frame.src = '/test/fixtures/bundle-twice.html';
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const win = frame.contentWindow as Window & typeof globalThis & { errors: string[] };
      await Promise.all(tags.map((tag) => win.customElements.whenDefined(tag)));
      expect(win.errors).to.deep.equal([]);
      for (const tag of tags) expect(win.customElements.get(tag), tag).to.exist;
      frame.remove();
    });
  });

  describe('spacing', () => {
    type Lit = HTMLElement & { updateComplete: Promise<unknown> };
    const blocks = ['lede-article-header', 'lede-figure', 'lede-comment-form'];
    const margins = (el: Element) => {
      const { marginTop, marginBottom } = getComputedStyle(el);
      return [marginTop, marginBottom];
    };
    /** Renders the article of the README's first example, with `css` as the page's own style sheet. */
    async function page(css = '', space = '') {
      const root = await fixture<HTMLElement>(html`<div style=${space ? `--lede-space: ${space}` : ''}>
        <style>
          ${css}
        </style>
        <lede-article-header site="Serveur d'impression" published="2019-11-27" reading-time="1">
          <h1>Europol</h1>
        </lede-article-header>
        <lede-figure credit="TELEGRAM"><img src="/test/fixtures/figure-wide.svg" alt="" width="976" height="549" /></lede-figure>
        <lede-reading-time minutes="2"></lede-reading-time>
        <lede-comment-form action="/test-api/comments" post-id="42"></lede-comment-form>
      </div>`);
      const els = [...root.querySelectorAll<Lit>(tags.join())];
      await Promise.all(els.map((el) => el.updateComplete));
      return (tag: string) => root.querySelector(tag)!;
    }

    it('gives every block element 1rem above and below, from its first render', async () => {
      const $ = await page();
      for (const tag of blocks) expect(margins($(tag)), tag).to.deep.equal(['16px', '16px']);
      const header = $('lede-article-header').getBoundingClientRect();
      const figure = $('lede-figure').getBoundingClientRect();
      expect(figure.top - header.bottom, 'space between the meta line and the image').to.equal(16);
    });

    it('leaves an inline reading time in the line, and spaces it as a block when the page makes it one', async () => {
      const $ = await page();
      const time = $('lede-reading-time');
      expect(getComputedStyle(time).display).to.equal('inline');
      const block = await page('lede-reading-time { display: block }');
      expect(margins(block('lede-reading-time'))).to.deep.equal(['16px', '16px']);
    });

    it('follows --lede-space', async () => {
      const $ = await page('', '2rem');
      for (const tag of blocks) expect(margins($(tag)), tag).to.deep.equal(['32px', '32px']);
      // the comment form's inner spacing follows it too
      expect(getComputedStyle($('lede-comment-form').shadowRoot!.querySelector('form')!).rowGap).to.equal('32px');
    });

    it('gives way to the page’s own CSS on the element', async () => {
      const $ = await page(
        'lede-figure { margin: 0 } lede-article-header, lede-comment-form { margin-block: 3px 5px }',
      );
      expect(margins($('lede-figure'))).to.deep.equal(['0px', '0px']);
      expect(margins($('lede-article-header'))).to.deep.equal(['3px', '5px']);
      expect(margins($('lede-comment-form'))).to.deep.equal(['3px', '5px']);
    });
  });
});
