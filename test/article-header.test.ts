import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/article-header/define.js';
import '../src/comments/define.js';
import type { LedeArticleHeader } from '../src/article-header/article-header.js';
import { registerTranslation } from '../src/shared/translation.js';
import de from '../src/shared/translations/de.js';
import { fakeClock, part, warnings } from './support/helpers.js';
import { fixtures } from './support/fixtures.js';
import type { NewsArticle, WithContext } from 'schema-dts';

registerTranslation(de);

const DAY = 86_400_000;
const REFERENCE = '2019-11-27';
const TITLE = "Serveur d'impression : la CNIL met en garde";

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What a sighted reader sees of a node: its rendered text (through slots and nested shadow roots), with CSS
 * generated separators, without anything hidden or visually hidden.
 */
function seen(node: Node): string {
  if (node instanceof Text) return node.data;
  if (node instanceof ShadowRoot) return [...node.childNodes].map(seen).join('');
  if (!(node instanceof Element)) return '';
  if (getComputedStyle(node).display === 'none' || getComputedStyle(node).clipPath !== 'none') return '';
  const before = getComputedStyle(node, '::before').content;
  const separator: string = before.startsWith('"') ? JSON.parse(before) : '';
  let children: Node[] = [...(node.shadowRoot ?? node).childNodes];
  if (node instanceof HTMLSlotElement && node.assignedNodes().length) children = node.assignedNodes({ flatten: true });
  return separator + children.map(seen).join('');
}
const meta = (el: LedeArticleHeader) => squash(seen(part(el, 'meta')));
const shown = (el: LedeArticleHeader) => squash(seen(el.shadowRoot!));

/** A local calendar date `days` before today, as "YYYY-MM-DD". */
function localDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const longDate = (lang: string, value: string | Date) =>
  new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(value));

function jsonLd(el: LedeArticleHeader): Record<string, unknown> {
  const scripts = el.querySelectorAll('script[type="application/ld+json"]');
  expect(scripts, 'exactly one JSON-LD script').to.have.length(1);
  return JSON.parse(scripts[0].textContent);
}

const readingTime = (el: LedeArticleHeader) =>
  part<HTMLElement & { updateComplete?: Promise<unknown> }>(el, 'reading-time');

describe('<lede-article-header>', () => {
  for (const fixture of fixtures) {
    describe(`rendering (${fixture.kind})`, () => {
      it('renders the reference header: site, light-DOM headline, French date', async () => {
        const el =
          await fixture<LedeArticleHeader>(html`<lede-article-header lang="fr" site="Serveur d'impression" published=${REFERENCE}>
          <h1>${TITLE}</h1>
        </lede-article-header>`);
        expect(part(el, 'base').localName).to.equal('header');
        expect(squash(part(el, 'site').textContent)).to.equal("Serveur d'impression");
        expect(meta(el)).to.equal('Le 27 novembre 2019');
        const time = part<HTMLTimeElement>(el, 'date');
        expect(time.localName).to.equal('time');
        expect(time.dateTime).to.equal(REFERENCE);
        expect(part(el, 'byline').hidden).to.be.true;
        expect(shown(el)).to.equal(`Serveur d'impression ${TITLE} Le 27 novembre 2019`);
        await expect(el).to.be.accessible();
      });

      it('styles the site name in the accent colour and the meta line muted', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header site="Serveur d'impression" published=${REFERENCE}></lede-article-header>`,
        );
        const site = getComputedStyle(part(el, 'site'));
        expect(site.color).to.equal('rgb(184, 0, 0)');
        expect(site.textTransform).to.equal('uppercase');
        expect(getComputedStyle(part(el, 'meta')).color).to.equal('rgb(89, 89, 89)');
      });

      it('uses a light-DOM heading and ignores the headline attribute', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header headline="Attribute headline"><h2>Light headline</h2></lede-article-header>`,
        );
        expect(el.shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6')).to.equal(null);
        expect(el.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!.assignedElements()).to.deep.equal([
          el.querySelector('h2'),
        ]);
        expect(shown(el)).to.equal('Light headline');
        await expect(el).to.be.accessible();
      });

      it('renders the headline attribute as an h1 when there is no light-DOM heading', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header headline=${TITLE}> </lede-article-header>`,
        );
        const h1 = part(el, 'headline').querySelector('h1')!;
        expect(h1.textContent).to.equal(TITLE);
        expect(shown(el)).to.equal(TITLE);
        await expect(el).to.be.accessible();
      });

      it('renders the headline at heading-level', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header headline=${TITLE} heading-level="3"></lede-article-header>`,
        );
        expect(part(el, 'headline').querySelector('h3')!.textContent).to.equal(TITLE);
        el.headingLevel = 2;
        await el.updateComplete;
        expect(part(el, 'headline').querySelector('h3')).to.equal(null);
        expect(part(el, 'headline').querySelector('h2')!.textContent).to.equal(TITLE);
        await expect(el).to.be.accessible();
      });

      it('shows the standfirst under the headline', async () => {
        const el = await fixture<LedeArticleHeader>(html`<lede-article-header headline=${TITLE} published=${REFERENCE}>
          <p slot="standfirst">La CNIL rappelle les règles.</p>
        </lede-article-header>`);
        expect(shown(el)).to.equal(`${TITLE} La CNIL rappelle les règles. November 27, 2019`);
        const standfirst = el.querySelector('p')!.getBoundingClientRect();
        expect(standfirst.top).to.be.greaterThan(part(el, 'headline').getBoundingClientRect().bottom - 1);
        await expect(el).to.be.accessible();
      });

      it('renders nothing of the meta line without a date or reading time', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header headline=${TITLE}></lede-article-header>`,
        );
        expect(part(el, 'meta').hidden).to.be.true;
        expect(part(el, 'meta').getClientRects()).to.have.length(0);
      });
    });
  }

  for (const fixture of fixtures) {
    describe(`attributes (${fixture.kind})`, () => {
      it('links the site name through site-href', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header site="Serveur d'impression" site-href="/"></lede-article-header>`,
        );
        const a = part(el, 'site').querySelector('a')!;
        expect(a.getAttribute('href')).to.equal('/');
        expect(a.textContent).to.equal("Serveur d'impression");
        await expect(el).to.be.accessible();
      });

      it('shows the first of the month with the French ordinal', async () => {
        const fr = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="fr" published="2020-03-01"></lede-article-header>`,
        );
        expect(meta(fr)).to.equal('Le 1er mars 2020');
        await expect(fr).to.be.accessible();
        const en = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="en" published="2020-03-01"></lede-article-header>`,
        );
        expect(meta(en)).to.equal('March 1, 2020');
      });

      it('formats each date-style', async () => {
        const expected: Record<string, [string, string]> = {
          long: ['Le 1er mars 2020', 'March 1, 2020'],
          full: ['Le dimanche 1er mars 2020', 'Sunday, March 1, 2020'],
          medium: ['Le 1er mars 2020', 'Mar 1, 2020'],
          short: ['Le 01/03/2020', '3/1/2020'],
        };
        for (const [style, [fr, en]] of Object.entries(expected)) {
          const el = await fixture<LedeArticleHeader>(html`<div>
            <lede-article-header lang="fr" published="2020-03-01" date-style=${style}></lede-article-header>
            <lede-article-header lang="en" published="2020-03-01" date-style=${style}></lede-article-header>
          </div>`).then((div) => [...div.querySelectorAll('lede-article-header')]);
          expect([meta(el[0]), meta(el[1])], style).to.deep.equal([fr, en]);
        }
        const medium = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="fr" published=${REFERENCE} date-style="medium"></lede-article-header>`,
        );
        expect(meta(medium)).to.equal('Le 27 nov. 2019');
      });

      it('shows the update when it is a later day than the publication', async () => {
        const fr = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="fr" published=${REFERENCE} updated="2019-12-03"></lede-article-header>`,
        );
        expect(meta(fr)).to.equal('Le 27 novembre 2019 - Mis à jour le 3 décembre 2019');
        const times = [...fr.shadowRoot!.querySelectorAll<HTMLTimeElement>('time[part~=date]')].map((t) => t.dateTime);
        expect(times).to.deep.equal([REFERENCE, '2019-12-03']);
        await expect(fr).to.be.accessible();
        const en = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="en" published=${REFERENCE} updated="2019-12-03"></lede-article-header>`,
        );
        expect(meta(en)).to.equal('November 27, 2019 - Updated December 3, 2019');
      });

      it('does not show an update that is earlier, or on the same day', async () => {
        const earlier = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="fr" published=${REFERENCE} updated="2019-11-20"></lede-article-header>`,
        );
        const sameDay = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="fr" published="2019-11-27T08:00:00Z" updated="2019-11-27T10:00:00Z" time-zone="Europe/Paris"></lede-article-header>`,
        );
        expect(meta(earlier)).to.equal('Le 27 novembre 2019');
        expect(meta(sameDay)).to.equal('Le 27 novembre 2019');
      });

      it('shows date-times in time-zone, which can change the calendar day', async () => {
        const instant = '2019-11-27T23:30:00Z';
        const make = (lang: string, zone: string) =>
          fixture<LedeArticleHeader>(
            html`<lede-article-header lang=${lang} published=${instant} time-zone=${zone}></lede-article-header>`,
          );
        expect(meta(await make('fr', 'Europe/Paris'))).to.equal('Le 28 novembre 2019');
        expect(meta(await make('fr', 'America/New_York'))).to.equal('Le 27 novembre 2019');
        expect(meta(await make('en', 'Europe/Paris'))).to.equal('November 28, 2019');
        expect(meta(await make('en', 'America/New_York'))).to.equal('November 27, 2019');
        const el = await make('fr', 'Europe/Paris');
        expect(part<HTMLTimeElement>(el, 'date').dateTime).to.equal(instant);
      });

      it('shows a plain date as that calendar day in every zone', async () => {
        for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles']) {
          const el = await fixture<LedeArticleHeader>(
            html`<lede-article-header lang="fr" published=${REFERENCE} time-zone=${zone}></lede-article-header>`,
          );
          expect(meta(el), zone).to.equal('Le 27 novembre 2019');
        }
      });

      it('joins several authors with the locale’s list format', async () => {
        const fr = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="fr" author="Anne, Paul,Marie"></lede-article-header>`,
        );
        expect(squash(seen(part(fr, 'byline')))).to.equal('Par Anne, Paul et Marie');
        await expect(fr).to.be.accessible();
        const en = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="en" author="Anne, Paul, Marie"></lede-article-header>`,
        );
        expect(squash(seen(part(en, 'byline')))).to.equal('By Anne, Paul, and Marie');
      });

      it('links the authors through author-href', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="fr" author="Anne" author-href="/auteurs/anne"></lede-article-header>`,
        );
        const a = part(el, 'byline').querySelector('a')!;
        expect([a.getAttribute('href'), a.textContent]).to.deep.equal(['/auteurs/anne', 'Anne']);
        expect(squash(seen(part(el, 'byline')))).to.equal('Par Anne');
        await expect(el).to.be.accessible();
      });

      it('uses the byline slot instead of author', async () => {
        const el = await fixture<LedeArticleHeader>(html`<lede-article-header lang="fr" author="Attribut">
          <span slot="byline">Par <a href="/anne">Anne</a>, correspondante</span>
        </lede-article-header>`);
        expect(part(el, 'byline').hidden).to.be.false;
        expect(squash(seen(part(el, 'byline')))).to.equal('Par Anne, correspondante');
        expect(shown(el)).not.to.contain('Attribut');
        await expect(el).to.be.accessible();
      });

      it('shows a byline slot without author', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header><span slot="byline">Rédaction</span></lede-article-header>`,
        );
        expect(part(el, 'byline').hidden).to.be.false;
        expect(shown(el)).to.equal('Rédaction');
      });

      it('passes reading-time to <lede-reading-time> after a separator', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="fr" published=${REFERENCE} reading-time="5"></lede-article-header>`,
        );
        const child = readingTime(el);
        expect(child.localName).to.equal('lede-reading-time');
        expect([child.getAttribute('minutes'), child.getAttribute('lang'), child.hasAttribute('for')]).to.deep.equal([
          '5',
          'fr',
          false,
        ]);
        expect(getComputedStyle(child, '::before').content).to.equal('" - "');
        await child.updateComplete;
        expect(meta(el)).to.equal('Le 27 novembre 2019 - 5 minutes de lecture');
        await expect(el).to.be.accessible();
      });

      it('takes reading-time-minutes as another name for reading-time, as <lede-reading-time> names it (minutes)', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="fr" published=${REFERENCE} reading-time-minutes="4"></lede-article-header>`,
        );
        expect([el.readingTime, el.readingTimeMinutes]).to.deep.equal([4, 4]);
        expect(readingTime(el).getAttribute('minutes')).to.equal('4');
        await readingTime(el).updateComplete;
        expect(meta(el)).to.equal('Le 27 novembre 2019 - 4 minutes de lecture');
        el.readingTimeMinutes = 6;
        await el.updateComplete;
        expect(el.readingTime).to.equal(6);
        expect(readingTime(el).getAttribute('minutes')).to.equal('6');
        el.setAttribute('reading-time', '7'); // the two attributes are one value: the last one set wins
        await el.updateComplete;
        expect(el.readingTimeMinutes).to.equal(7);
        el.removeAttribute('reading-time-minutes');
        await el.updateComplete;
        expect(readingTime(el)).to.equal(null);
        expect(meta(el)).to.equal('Le 27 novembre 2019');
      });

      it('shows the reading time in English', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="en" published=${REFERENCE} reading-time="5"></lede-article-header>`,
        );
        await readingTime(el).updateComplete;
        expect(meta(el)).to.equal('November 27, 2019 - 5 min read');
      });

      it('shows no separator without a date', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="fr" reading-time="5"></lede-article-header>`,
        );
        expect(getComputedStyle(readingTime(el), '::before').content).to.equal('none');
        await readingTime(el).updateComplete;
        expect(meta(el)).to.equal('5 minutes de lecture');
      });

      it('drops the separator when <lede-reading-time> hides itself', async () => {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="fr" published=${REFERENCE} reading-time="5"></lede-article-header>`,
        );
        readingTime(el).hidden = true;
        expect(meta(el)).to.equal('Le 27 novembre 2019');
        expect(getComputedStyle(readingTime(el)).display).to.equal('none');
      });

      it('lets --lede-meta-separator change the separator', async () => {
        const el = await fixture<LedeArticleHeader>(html`<lede-article-header
          style='--lede-meta-separator: " · "'
          lang="fr"
          published=${REFERENCE}
          updated="2019-12-03"
        ></lede-article-header>`);
        expect(meta(el)).to.equal('Le 27 novembre 2019 · Mis à jour le 3 décembre 2019');
      });

      it('measures the element named by reading-time-for', async () => {
        const wrap = await fixture(html`<div>
          <lede-article-header lang="fr" published=${REFERENCE} reading-time-for="corps"></lede-article-header>
          <div id="corps"><p>${'Un mot de plus dans cet article. '.repeat(200)}</p></div>
        </div>`);
        const el = wrap.querySelector('lede-article-header')!;
        const child = readingTime(el);
        expect([child.getAttribute('for'), child.getAttribute('lang')]).to.deep.equal(['corps', 'fr']);
        await waitUntil(() => /minutes? de lecture/.test(meta(el)), `reading time never showed: "${meta(el)}"`, {
          timeout: 3000,
        });
        expect(meta(el)).to.match(/^Le 27 novembre 2019 - \d+ minutes? de lecture$/);
        await expect(el).to.be.accessible();
      });
    });
  }

  // Client-rendered only: these run on a fake clock (fakeClock), which the server, in the test runner's process,
  // does not share; server-rendered relative dates are tested against the server's own clock in test/ssr.test.ts.
  describe('relative dates', () => {
    it('shows days ago in French and English, on the near side of 30 days', async () => {
      const value = ago(3 * DAY);
      const fr = await fixture<LedeArticleHeader>(
        html`<lede-article-header lang="fr" published=${value} date-style="relative"></lede-article-header>`,
      );
      expect(meta(fr)).to.equal('Il y a 3 jours');
      await expect(fr).to.be.accessible();
      const en = await fixture<LedeArticleHeader>(
        html`<lede-article-header lang="en" published=${value} date-style="relative"></lede-article-header>`,
      );
      expect(meta(en)).to.equal('3 days ago');
      const near = await fixture<LedeArticleHeader>(
        html`<lede-article-header lang="fr" published=${localDay(29)} date-style="relative"></lede-article-header>`,
      );
      expect(meta(near)).to.equal('Il y a 29 jours');
    });

    it('keeps the absolute date as the accessible text and title', async () => {
      const value = ago(3 * DAY);
      const el = await fixture<LedeArticleHeader>(
        html`<lede-article-header lang="en" published=${value} date-style="relative"></lede-article-header>`,
      );
      const time = part<HTMLTimeElement>(el, 'date');
      expect(time.dateTime).to.equal(value);
      expect(time.title).to.equal(longDate('en', value));
      expect(time.querySelector('[aria-hidden=true]')!.textContent).to.equal('3 days ago');
      const hidden = time.querySelector('.visually-hidden')!;
      expect(hidden.textContent).to.equal(longDate('en', value));
      expect(hidden.getBoundingClientRect().width).to.be.at.most(1);
      await expect(el).to.be.accessible();
    });

    it('says yesterday, and chooses hours, minutes or seconds for recent dates', async () => {
      const cases: Array<[string, string, string]> = [
        [localDay(1), 'Hier', 'Yesterday'],
        [localDay(0), 'Aujourd’hui', 'Today'],
        [ago(3 * 3600_000), 'Il y a 3 heures', '3 hours ago'],
        [ago(5 * 60_000), 'Il y a 5 minutes', '5 minutes ago'],
        [ago(20_000), 'Il y a 20 secondes', '20 seconds ago'],
      ];
      for (const [value, fr, en] of cases) {
        const els = await fixture(html`<div>
          <lede-article-header lang="fr" published=${value} date-style="relative"></lede-article-header>
          <lede-article-header lang="en" published=${value} date-style="relative"></lede-article-header>
        </div>`).then((div) => [...div.querySelectorAll('lede-article-header')]);
        expect(els.map(meta), value).to.deep.equal([fr, en]);
      }
    });

    it('switches to the absolute date after 30 days', async () => {
      const value = localDay(31);
      const fr = await fixture<LedeArticleHeader>(
        html`<lede-article-header lang="fr" published=${value} date-style="relative"></lede-article-header>`,
      );
      await expect(fr).to.be.accessible();
      const en = await fixture<LedeArticleHeader>(
        html`<lede-article-header lang="en" published=${value} date-style="relative"></lede-article-header>`,
      );
      const [y, m, d] = value.split('-').map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      const frLong = new Intl.DateTimeFormat('fr', {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      }).format(date);
      expect(meta(fr)).to.equal(`Le ${frLong.replace(/^1 /, '1er ')}`);
      expect(meta(en)).to.equal(
        new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date),
      );
      expect(part(fr, 'date').querySelector('[aria-hidden]')).to.equal(null);
      const dateTime = await fixture<LedeArticleHeader>(
        html`<lede-article-header lang="en" published=${ago(31 * DAY)} date-style="relative"></lede-article-header>`,
      );
      expect(meta(dateTime)).to.equal(longDate('en', ago(31 * DAY)));
    });

    it('shows a relative update', async () => {
      const fr = await fixture<LedeArticleHeader>(
        html`<lede-article-header lang="fr" published=${ago(10 * DAY)} updated=${ago(3 * DAY)} date-style="relative"></lede-article-header>`,
      );
      expect(meta(fr)).to.equal('Il y a 10 jours - Mis à jour il y a 3 jours');
      expect(part(fr, 'meta').querySelectorAll('.visually-hidden')[1].textContent).to.match(/^Mis à jour le \d/);
      await expect(fr).to.be.accessible();
      const en = await fixture<LedeArticleHeader>(
        html`<lede-article-header lang="en" published=${ago(10 * DAY)} updated=${ago(DAY)} date-style="relative"></lede-article-header>`,
      );
      expect(meta(en)).to.equal('10 days ago - Updated yesterday');
    });
  });

  for (const fixture of fixtures) {
    describe(`locale (${fixture.kind})`, () => {
      it('inherits the language from an ancestor and follows its changes', async () => {
        const wrap = await fixture(
          html`<div lang="fr"><lede-article-header published=${REFERENCE} author="Anne, Paul, Marie"></lede-article-header></div>`,
        );
        const el = wrap.querySelector('lede-article-header')!;
        expect(meta(el)).to.equal('Le 27 novembre 2019');
        wrap.setAttribute('lang', 'de');
        await new Promise((resolve) => setTimeout(resolve));
        await el.updateComplete;
        expect(meta(el)).to.equal('27. November 2019');
        expect(squash(seen(part(el, 'byline')))).to.equal('Von Anne, Paul und Marie');
      });

      it('passes the resolved language to <lede-reading-time>', async () => {
        const wrap = await fixture(
          html`<div lang="fr-CA"><lede-article-header reading-time="3"></lede-article-header></div>`,
        );
        const el = wrap.querySelector('lede-article-header')!;
        expect(readingTime(el).getAttribute('lang')).to.equal('fr-CA');
        el.lang = 'en';
        await el.updateComplete;
        expect(readingTime(el).getAttribute('lang')).to.equal('en');
      });
    });
  }

  describe('events', () => {
    it('switches from the headline attribute to a light-DOM heading added later', async () => {
      const el = await fixture<LedeArticleHeader>(
        html`<lede-article-header headline="Provisoire" structured-data></lede-article-header>`,
      );
      expect(shown(el)).to.equal('Provisoire');
      const h1 = document.createElement('h1');
      h1.textContent = TITLE;
      el.append(h1);
      await oneEvent(el.shadowRoot!.querySelector('slot:not([name])')!, 'slotchange');
      await el.updateComplete;
      expect(part(el, 'headline').querySelector('h1')).to.equal(null);
      expect(shown(el)).to.equal(TITLE);
      expect(jsonLd(el).headline).to.equal(TITLE);
      await expect(el).to.be.accessible();
    });

    it('refreshes relative dates every minute while connected', async () => {
      const clock = fakeClock(60_000);
      try {
        const el = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="en" published=${ago(5 * 60_000)} date-style="relative"></lede-article-header>`,
        );
        expect(meta(el)).to.equal('5 minutes ago');
        expect(clock.callbacks).to.have.length(1);
        clock.now += 3 * 60_000;
        clock.tick();
        await el.updateComplete;
        expect(meta(el)).to.equal('8 minutes ago');
      } finally {
        clock.restore();
      }
    });

    it('refreshes every relative header of the page from one timer, stopped with the last', async () => {
      const clock = fakeClock(60_000);
      const cleared: unknown[] = [];
      const realClear = window.clearInterval.bind(window);
      window.clearInterval = (id?: Parameters<typeof clearInterval>[0]) => {
        cleared.push(id);
        realClear(id);
      };
      try {
        const wrap = await fixture<HTMLElement>(html`<div>
          ${[5, 10, 15].map((minutes) => html`<lede-article-header lang="en" published=${ago(minutes * 60_000)} date-style="relative"></lede-article-header>`)}
        </div>`);
        const headers = [...wrap.querySelectorAll('lede-article-header')];
        await Promise.all(headers.map((header) => header.updateComplete));
        expect(clock.callbacks).to.have.length(1);
        clock.now += 60_000;
        clock.tick();
        await Promise.all(headers.map((header) => header.updateComplete));
        expect(headers.map(meta)).to.deep.equal(['6 minutes ago', '11 minutes ago', '16 minutes ago']);
        headers.slice(1).forEach((header) => header.remove());
        expect(cleared).to.have.length(0);
        headers[0].remove();
        expect(cleared).to.have.length(1);
      } finally {
        window.clearInterval = realClear;
        clock.restore();
      }
    });
  });

  describe('comments-for', () => {
    it('ends the meta line with the count of the comments, a link to them, once they have loaded', async () => {
      for (const [lang, words] of [
        ['fr', 'Le 27 novembre 2019 - 5 minutes de lecture - 3 commentaires'],
        ['en', 'November 27, 2019 - 5 min read - 3 comments'],
      ]) {
        // An id per language: the first page's thread is still in the document while the second one loads.
        const id = `comments-${lang}`;
        const page = await fixture<HTMLElement>(html`<div lang=${lang}>
          <lede-article-header published=${REFERENCE} reading-time="5" comments-for=${id}><h1>${TITLE}</h1></lede-article-header>
          <p>…</p>
          <lede-comments id=${id} src="/test-list/comments?delay=300" post-id="pair"></lede-comments>
        </div>`);
        const el = page.querySelector('lede-article-header')!;
        await el.updateComplete;
        expect(part(el, 'comments') === null, 'nothing before the comments have loaded').to.be.true;
        await oneEvent(page.querySelector('lede-comments')!, 'lede-comments-load');
        await el.updateComplete;
        expect(meta(el)).to.equal(words);
        expect(part(el, 'comments').querySelector('a')!.getAttribute('href')).to.equal(`#${id}`);
        await expect(el).to.be.accessible();
        page.remove();
      }
    });

    it('reads the count of comments that loaded before the header', async () => {
      const thread = Object.assign(document.createElement('lede-comments'), { id: 'thread' });
      const list = [{ id: 1, parent: null, name: 'Anne', content: 'Oui.', created: '2024-05-01T09:00:00Z' }];
      thread.append(
        Object.assign(document.createElement('script'), {
          type: 'application/json',
          textContent: JSON.stringify(list),
        }),
      );
      const page = await fixture<HTMLElement>(html`<div lang="en">${thread}</div>`);
      await thread.updateComplete;
      const el = document.createElement('lede-article-header');
      el.setAttribute('comments-for', 'thread');
      page.prepend(el);
      await waitUntil(() => meta(el) === '1 comment', 'the count shown');
      expect(part(el, 'comments').querySelector('a')!.getAttribute('href')).to.equal('#thread');
    });
  });

  describe('structured data', () => {
    it('adds one NewsArticle JSON-LD block to the light DOM', async () => {
      const el = await fixture<LedeArticleHeader>(html`<lede-article-header
        structured-data
        site="Serveur d'impression"
        site-href="https://example.org/"
        site-logo="/logo.png"
        image="/images/lead-16x9.jpg https://cdn.example.org/lead-1x1.jpg"
        published=${REFERENCE}
        updated="2019-12-03T10:00:00+01:00"
        author="Anne, Paul"
        ><h1>${TITLE}</h1></lede-article-header
      >`);
      const page = location.href.split('#')[0];
      // Google's Article properties, typed against schema.org (schema-dts): a misnamed property fails to compile.
      const expected: WithContext<NewsArticle> = {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: TITLE,
        image: [new URL('/images/lead-16x9.jpg', location.href).href, 'https://cdn.example.org/lead-1x1.jpg'],
        datePublished: REFERENCE,
        dateModified: '2019-12-03T10:00:00+01:00',
        author: [
          { '@type': 'Person', name: 'Anne' },
          { '@type': 'Person', name: 'Paul' },
        ],
        publisher: {
          '@type': 'Organization',
          name: "Serveur d'impression",
          url: 'https://example.org/',
          logo: { '@type': 'ImageObject', url: new URL('/logo.png', location.href).href },
        },
        mainEntityOfPage: { '@type': 'WebPage', '@id': page },
      };
      expect(jsonLd(el)).to.deep.equal(expected);
      const script = el.querySelector('script')!;
      expect(script.assignedSlot).to.equal(null);
      expect(shown(el)).not.to.contain('NewsArticle');
      await expect(el).to.be.accessible();
    });

    it('uses the headline attribute and a single author’s link, every URL absolute', async () => {
      const el = await fixture<LedeArticleHeader>(
        html`<lede-article-header structured-data headline=${TITLE} author="Anne" author-href="/anne" site="Le Site" site-href="/" image="lead.jpg"></lede-article-header>`,
      );
      const absolute = (path: string) => new URL(path, location.href).href;
      expect(jsonLd(el)).to.deep.include({
        headline: TITLE,
        image: absolute('lead.jpg'),
        author: [{ '@type': 'Person', name: 'Anne', url: absolute('/anne') }],
        publisher: { '@type': 'Organization', name: 'Le Site', url: absolute('/') },
      } satisfies Partial<NewsArticle>);
    });

    it('gives a date-time its time zone: as written, from time-zone, else the date alone', async () => {
      const el = await fixture<LedeArticleHeader>(
        html`<lede-article-header structured-data headline="Un" published="2019-11-27T10:00" updated="2019-07-01T10:30:00Z"></lede-article-header>`,
      );
      // Without an offset or a time zone the instant depends on the reader: the date only.
      expect(jsonLd(el)).to.include({ datePublished: '2019-11-27', dateModified: '2019-07-01T10:30:00Z' });
      el.timeZone = 'Europe/Paris';
      el.modified = '2019-07-01T10:30';
      await el.updateComplete;
      expect(jsonLd(el)).to.include({
        datePublished: '2019-11-27T10:00+01:00',
        dateModified: '2019-07-01T10:30+02:00',
      });
      el.timeZone = 'America/New_York';
      await el.updateComplete;
      expect(jsonLd(el)).to.include({
        datePublished: '2019-11-27T10:00-05:00',
        dateModified: '2019-07-01T10:30-04:00',
      });
    });

    it('follows attribute changes, never duplicates, and is removed when turned off', async () => {
      const el = await fixture<LedeArticleHeader>(
        html`<lede-article-header structured-data headline="Un" published=${REFERENCE}></lede-article-header>`,
      );
      el.headline = 'Deux';
      el.published = '2020-03-01';
      await el.updateComplete;
      expect(jsonLd(el)).to.include({ headline: 'Deux', datePublished: '2020-03-01' });
      el.structuredData = false;
      await el.updateComplete;
      expect(el.querySelectorAll('script')).to.have.length(0);
      el.setAttribute('structured-data', '');
      await el.updateComplete;
      expect(jsonLd(el).headline).to.equal('Deux');
    });

    it('stays single when moved, cloned, or given server-rendered copies', async () => {
      const el = await fixture<LedeArticleHeader>(
        html`<lede-article-header structured-data headline="Un"></lede-article-header>`,
      );
      const other = document.createElement('section');
      el.parentElement!.append(other);
      other.append(el);
      await el.updateComplete;
      expect(jsonLd(el).headline).to.equal('Un');
      el.remove();
      document.body.append(el);
      await el.updateComplete;
      expect(jsonLd(el).headline).to.equal('Un');
      const clone = el.cloneNode(true) as LedeArticleHeader;
      expect(clone.querySelectorAll('script')).to.have.length(1);
      other.append(clone);
      await clone.updateComplete;
      expect(jsonLd(clone).headline).to.equal('Un');
      el.remove();
      clone.remove();
      other.remove();

      const ssr = await fixture<LedeArticleHeader>(html`<lede-article-header structured-data headline="Trois"
        ><script type="application/ld+json" slot="lede-data">{"headline":"old"}</script
        ><script type="application/ld+json" slot="lede-data">{"headline":"old"}</script></lede-article-header
      >`);
      expect(jsonLd(ssr).headline).to.equal('Trois');
    });

    it('escapes < so the text cannot close the script element', async () => {
      const nasty = '</script><img src=x onerror=alert(1)>';
      const el = await fixture<LedeArticleHeader>(
        html`<lede-article-header structured-data headline=${nasty} author=${nasty}></lede-article-header>`,
      );
      const script = el.querySelector('script')!;
      expect(script.textContent).not.to.contain('<');
      expect(jsonLd(el).headline).to.equal(nasty);
      expect(el.querySelectorAll('img')).to.have.length(0);
      expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(0);
    });

    it('writes the block under require-trusted-types-for through the lede policy', async () => {
      const frame = document.createElement('iframe');
      const csp = "require-trusted-types-for 'script'; trusted-types lit-html lede";
      frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}">
        <lede-article-header structured-data headline="Sous CSP" published="${REFERENCE}"></lede-article-header>
        <script type="module">
          const result = {};
          try { document.createElement('script').textContent = '1'; result.enforced = false; } catch { result.enforced = true; }
          await import('/src/article-header/define.ts');
          const el = document.querySelector('lede-article-header');
          await el.updateComplete;
          result.json = el.querySelector('script')?.textContent;
          result.date = el.shadowRoot.querySelector('time')?.textContent;
          parent.postMessage({ ledeCsp: result }, '*');
        </script>`;
      const message = new Promise<{ enforced: boolean; json?: string; date?: string }>((resolve) =>
        window.addEventListener('message', function listen(event) {
          if (!event.data?.ledeCsp) return;
          window.removeEventListener('message', listen);
          resolve(event.data.ledeCsp);
        }),
      );
      document.body.append(frame);
      try {
        const result = await message;
        expect(result.enforced, 'Trusted Types are enforced in the frame').to.be.true;
        expect(JSON.parse(result.json!)).to.include({
          '@type': 'NewsArticle',
          headline: 'Sous CSP',
          datePublished: REFERENCE,
        });
        expect(result.date).to.equal('November 27, 2019');
      } finally {
        frame.remove();
      }
    });
  });

  for (const fixture of fixtures) {
    describe(`accessibility (${fixture.kind})`, () => {
      it('passes axe with every part shown', async () => {
        const el = await fixture<LedeArticleHeader>(html`<lede-article-header
          lang="fr"
          site="Serveur d'impression"
          site-href="/"
          headline=${TITLE}
          published=${REFERENCE}
          updated="2019-12-03"
          author="Anne, Paul, Marie"
          author-href="/auteurs"
          reading-time="5"
          structured-data
          ><p slot="standfirst">La CNIL rappelle les règles.</p></lede-article-header
        >`);
        await readingTime(el).updateComplete;
        await expect(el).to.be.accessible();
      });

      it('passes axe inside an article, with a relative date', async () => {
        const wrap = await fixture(html`<article>
          <lede-article-header lang="fr" published=${ago(DAY)} date-style="relative"><h1>${TITLE}</h1></lede-article-header>
        </article>`);
        await expect(wrap).to.be.accessible();
      });
    });
  }

  describe('bad input', () => {
    const bad = async (template: ReturnType<typeof html>) => {
      let el!: LedeArticleHeader;
      const warned = await warnings(async () => {
        el = await fixture<LedeArticleHeader>(template);
        el.requestUpdate();
        await el.updateComplete;
      });
      return { el, warned };
    };

    for (const value of ['hier', '2019-13-01', '2019-02-30', '27/11/2019', '2019-11-27T25:00:00Z']) {
      it(`renders no date for published="${value}" and warns once`, async () => {
        const { el, warned } = await bad(
          html`<lede-article-header lang="fr" published=${value} reading-time="5"></lede-article-header>`,
        );
        expect(warned).to.have.length(1);
        expect(warned[0]).to.contain('published').and.contain(`"${value}"`);
        expect(part(el, 'date')).to.equal(null);
        expect(el.shadowRoot!.textContent).not.to.match(/Invalid|NaN/);
        expect(getComputedStyle(readingTime(el), '::before').content).to.equal('none');
        await expect(el).to.be.accessible();
      });
    }

    it('renders no unparsable update and warns once', async () => {
      const { el, warned } = await bad(
        html`<lede-article-header lang="fr" published=${REFERENCE} updated="bientôt"></lede-article-header>`,
      );
      expect(warned).to.have.length(1);
      expect(warned[0]).to.contain('updated').and.contain('"bientôt"');
      expect(meta(el)).to.equal('Le 27 novembre 2019');
    });

    for (const value of ['-3', 'cinq']) {
      it(`ignores reading-time="${value}" with one warning`, async () => {
        const { el, warned } = await bad(
          html`<lede-article-header lang="fr" published=${REFERENCE} reading-time=${value}></lede-article-header>`,
        );
        expect(warned).to.have.length(1);
        expect(warned[0]).to.contain('reading-time').and.contain(`"${value}"`);
        expect(readingTime(el)).to.equal(null);
        expect(meta(el)).to.equal('Le 27 novembre 2019');
        await expect(el).to.be.accessible();
      });
    }

    it('shows no reading time and warns once for a missing reading-time-for target', async () => {
      let el!: LedeArticleHeader;
      const warned = await warnings(async () => {
        el = await fixture<LedeArticleHeader>(
          html`<lede-article-header lang="fr" published=${REFERENCE} reading-time-for="introuvable"></lede-article-header>`,
        );
        await readingTime(el).updateComplete;
        await waitUntil(() => readingTime(el).hidden, 'lede-reading-time never hid itself', { timeout: 2000 });
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(warned).to.have.length(1);
      expect(warned[0]).to.contain('introuvable');
      expect(meta(el)).to.equal('Le 27 novembre 2019');
      await expect(el).to.be.accessible();
    });

    it('ignores an unknown time-zone with one warning', async () => {
      const { el, warned } = await bad(
        html`<lede-article-header lang="fr" published=${REFERENCE} time-zone="Mars/Olympus"></lede-article-header>`,
      );
      expect(warned).to.have.length(1);
      expect(warned[0]).to.contain('time-zone').and.contain('"Mars/Olympus"');
      expect(meta(el)).to.equal('Le 27 novembre 2019');
    });

    it('uses long for an unknown date-style, with one warning', async () => {
      const { el, warned } = await bad(
        html`<lede-article-header lang="fr" published=${REFERENCE} date-style="fancy"></lede-article-header>`,
      );
      expect(warned).to.have.length(1);
      expect(warned[0]).to.contain('date-style').and.contain('"fancy"');
      expect(meta(el)).to.equal('Le 27 novembre 2019');
    });

    for (const [value, tag] of [
      ['9', 'h6'],
      ['0', 'h1'],
      ['deux', 'h1'],
    ]) {
      it(`clamps heading-level="${value}" to ${tag} with one warning`, async () => {
        const { el, warned } = await bad(
          html`<lede-article-header headline=${TITLE} heading-level=${value}></lede-article-header>`,
        );
        expect(warned).to.have.length(1);
        expect(warned[0]).to.contain('heading-level').and.contain(`"${value}"`);
        expect(part(el, 'headline').querySelector(tag)!.textContent).to.equal(TITLE);
        await expect(el).to.be.accessible();
      });
    }

    it('renders no unsafe link for site-href or author-href, warning once each', async () => {
      const { el, warned } = await bad(
        html`<lede-article-header site="Site" site-href="javascript:alert(1)" author="Anne" author-href="data:text/html,x"></lede-article-header>`,
      );
      expect(warned).to.have.length(2);
      expect(warned.join('\n')).to.contain('site-href').and.contain('javascript:alert(1)').and.contain('author-href');
      expect(el.shadowRoot!.querySelectorAll('a[href]')).to.have.length(0);
      expect(shown(el)).to.equal('Site By Anne');
    });

    it('shows markup in attributes as text', async () => {
      const nasty = '<img src=x onerror=alert(1)>';
      const el = await fixture<LedeArticleHeader>(
        html`<lede-article-header site=${nasty} headline=${nasty} author=${nasty}></lede-article-header>`,
      );
      expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(0);
      expect(shown(el)).to.equal(`${nasty} ${nasty} By ${nasty}`);
    });
  });
});
