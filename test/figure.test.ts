import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { LedeFigure, LedeFigureErrorEvent } from '../src/figure/define.js';
import { axNodes, frames, part, text, warnings } from './support/helpers.js';
import { fixtures } from './support/fixtures.js';
import type { ImageObject, WithContext } from 'schema-dts';

const WIDE = '/test/fixtures/figure-wide.svg';
const WIDE_2X = '/test/fixtures/figure-wide-2x.svg';
const MISSING = '/test/fixtures/figure-missing.svg';
const CAPTION =
  "De nombreux comptes liés au système d'information (à gauche) et ceux des supporters (à droite) ont été supprimés";
const CREDIT = 'COMPTES PRO-IS SUR TELEGRAM';
const ALT = 'Page de télégramme affichant les comptes supprimés';

/** A URL nobody asked for yet, so the memory cache cannot answer it synchronously. */
const fresh = (url: string) => `${url}?${Math.random().toString(36).slice(2)}`;
const $ = <T extends Element = HTMLElement>(el: LedeFigure, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const loaded = (img: HTMLImageElement) =>
  img.complete && img.naturalWidth
    ? Promise.resolve()
    : new Promise((resolve) => img.addEventListener('load', resolve, { once: true }));
const errorFrom = () =>
  new Promise<LedeFigureErrorEvent>((resolve) =>
    document.addEventListener('lede-figure-error', resolve, { once: true }),
  );

/** A visible box: not clipped to the 1 px of `.visually-hidden`. */
const shown = (node: Element) => node.getBoundingClientRect().width > 1 && getComputedStyle(node).clipPath === 'none';

/**
 * The accessible name as axe-core computes it (accname 1.2 over the flattened tree: slots, aria-labelledby, a
 * figure named by its figcaption). Chromium's own tree is not reachable from the page without a DevTools command.
 */
async function accessibleName(node: Element): Promise<string> {
  // The cast keeps tsc from looking for types of a script that only sets `window.axe`.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  await import('axe-core/axe.min.js' as string);
  const axe = (window as unknown as { axe: AxeInternals }).axe;
  axe.setup(document);
  try {
    return axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(node)).replace(/\s+/g, ' ').trim();
  } finally {
    axe.teardown();
  }
}
interface AxeInternals {
  setup(node: Node): void;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: { text: { accessibleTextVirtual(vnode: unknown): string } };
}

function structuredData(el: LedeFigure): Record<string, string> {
  const script = el.querySelector('script[type="application/ld+json"]');
  expect(script, 'JSON-LD script').to.exist;
  return JSON.parse(script!.textContent);
}

describe('<lede-figure>', () => {
  afterEach(async () => {
    window.scrollTo(0, 0);
    await resetMouse();
  });

  for (const fixture of fixtures) {
    describe(`rendering (${fixture.kind})`, () => {
      it('renders an image from attributes, inside a figure with its caption and credit', async () => {
        const el = await fixture<LedeFigure>(
          html`<lede-figure lang="fr" src=${WIDE} alt=${ALT} width="800" height="450" caption=${CAPTION} credit=${CREDIT}></lede-figure>`,
        );
        const img = part<HTMLImageElement>(el, 'image');
        expect(img.closest('figure')).to.equal(part(el, 'base'));
        expect(img.getAttribute('src')).to.equal(WIDE);
        expect(img.alt).to.equal(ALT);
        expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['800', '450']);
        const figcaption = $(el, 'figure > figcaption');
        expect(figcaption.contains(part(el, 'caption')) && figcaption.contains(part(el, 'credit'))).to.be.true;
        expect(part(el, 'caption').textContent).to.contain(CAPTION);
        expect(part(el, 'credit').textContent).to.contain(CREDIT);
        await expect(el).to.be.accessible();
      });

      it('shows a light-DOM image as the same node, and renders no image of its own', async () => {
        const el = await fixture<LedeFigure>(
          html`<lede-figure caption=${CAPTION} credit=${CREDIT}><img src=${WIDE} alt=${ALT} width="800" height="450" /></lede-figure>`,
        );
        const img = el.querySelector('img')!;
        const slot = $<HTMLSlotElement>(el, 'slot:not([name])');
        expect(slot.assignedElements()).to.deep.equal([img]);
        expect(part(el, 'image')).to.equal(null);
        el.caption = 'Autre légende';
        await el.updateComplete;
        expect(el.querySelector('img')).to.equal(img);
        expect(slot.assignedElements()).to.deep.equal([img]);
        await loaded(img);
        expect(img.getBoundingClientRect().height).to.be.greaterThan(0);
        await expect(el).to.be.accessible();
      });

      it('takes caption and credit from slots, in preference to the attributes', async () => {
        const el = await fixture<LedeFigure>(html`
          <lede-figure caption="attribute caption" credit="attribute credit">
            <img src=${WIDE} alt=${ALT} width="800" height="450" />
            <span slot="caption">Un <em>administrateur</em> met en garde</span>
            <span slot="credit">EST SUR ROCKETCHAT</span>
          </lede-figure>
        `);
        const caption = $<HTMLSlotElement>(el, 'slot[name=caption]');
        const credit = $<HTMLSlotElement>(el, 'slot[name=credit]');
        expect(caption.assignedElements()[0].textContent).to.equal('Un administrateur met en garde');
        expect(credit.assignedElements()[0].textContent).to.equal('EST SUR ROCKETCHAT');
        expect($(el, 'figcaption').innerText).not.to.contain('attribute');
        // The figure is named by its caption alone (aria-labelledby); the credit is read with the figcaption.
        expect(await accessibleName(part(el, 'base'))).to.equal('Un administrateur met en garde');
        await expect(el).to.be.accessible();
      });

      it('shows a caption slotted after the first render', async () => {
        const el = await fixture<LedeFigure>(html`<lede-figure src=${WIDE} alt=${ALT}></lede-figure>`);
        expect($(el, 'figcaption').hidden).to.be.true;
        const span = document.createElement('span');
        span.slot = 'caption';
        span.textContent = 'Ajoutée plus tard';
        el.append(span);
        await oneEvent($(el, 'slot[name=caption]'), 'slotchange');
        await el.updateComplete;
        expect($(el, 'figcaption').hidden).to.be.false;
        expect(part(el, 'caption').hidden).to.be.false;
        expect(part(el, 'credit').hidden).to.be.true;
      });

      it('renders no figcaption content when there is neither caption nor credit', async () => {
        const el = await fixture<LedeFigure>(html`<lede-figure src=${WIDE} alt=${ALT}></lede-figure>`);
        expect($(el, 'figcaption').hidden).to.be.true;
        expect(await accessibleName(part(el, 'base'))).not.to.contain('Caption');
        await expect(el).to.be.accessible();
      });
    });
  }

  for (const fixture of fixtures) {
    describe(`attributes (${fixture.kind})`, () => {
      it('makes the credit a link with credit-href, rel="license noopener" only with a license', async () => {
        const el = await fixture<LedeFigure>(
          html`<lede-figure src=${WIDE} alt=${ALT} credit=${CREDIT} credit-href="https://example.org/photo"></lede-figure>`,
        );
        const link = () => part(el, 'credit').querySelector('a')!;
        expect(link().getAttribute('href')).to.equal('https://example.org/photo');
        expect(link().textContent).to.equal(CREDIT);
        expect(link().hasAttribute('rel')).to.be.false;
        el.license = 'https://creativecommons.org/licenses/by/4.0/';
        await el.updateComplete;
        expect(link().rel).to.equal('license noopener');
        await expect(el).to.be.accessible();
      });

      it('puts the credit over the bottom corner of the image by default, readable on any photo', async () => {
        const el = await fixture<LedeFigure>(
          html`<lede-figure zoomable src=${WIDE} alt=${ALT} width="800" height="450" caption=${CAPTION} credit=${CREDIT}></lede-figure>`,
        );
        await loaded(part<HTMLImageElement>(el, 'image'));
        const image = part(el, 'image').getBoundingClientRect();
        const credit = part(el, 'credit').getBoundingClientRect();
        const caption = part(el, 'caption').getBoundingClientRect();
        // On top: neither the image nor the zoom button covers it.
        const hit = el.shadowRoot!.elementFromPoint(credit.x + credit.width / 2, credit.y + credit.height / 2);
        expect(part(el, 'credit').contains(hit)).to.be.true;
        expect(credit.bottom).to.be.closeTo(image.bottom, 1);
        expect(credit.right).to.be.closeTo(image.right, 1);
        expect(credit.top).to.be.greaterThan(image.top);
        expect(caption.top).to.be.at.least(image.bottom);
        // White text on the overlay, composited over a white photo (the worst case): WCAG AA needs 4.5:1.
        const style = getComputedStyle(part(el, 'credit'));
        expect(style.color).to.equal('rgb(255, 255, 255)');
        const [r, g, b, a] = style.backgroundColor.match(/[\d.]+/g)!.map(Number);
        const over = (channel: number) => channel * a + 255 * (1 - a);
        const lum = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        const background = 0.2126 * lum(over(r)) + 0.7152 * lum(over(g)) + 0.0722 * lum(over(b));
        expect((1 + 0.05) / (background + 0.05)).to.be.at.least(4.5);
        await expect(el).to.be.accessible();
      });

      it('puts the credit in the caption line with credit-position="below"', async () => {
        const el = await fixture<LedeFigure>(
          html`<lede-figure credit-position="below" src=${WIDE} alt=${ALT} width="800" height="450" caption="Légende courte" credit=${CREDIT}></lede-figure>`,
        );
        await loaded(part<HTMLImageElement>(el, 'image'));
        const image = part(el, 'image').getBoundingClientRect();
        const credit = part(el, 'credit').getBoundingClientRect();
        const caption = part(el, 'caption').getBoundingClientRect();
        expect(credit.top).to.be.at.least(image.bottom);
        expect(credit.top).to.be.closeTo(caption.top, 2);
        expect(credit.left).to.be.greaterThan(caption.left);
        expect(getComputedStyle(part(el, 'credit')).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
        // A dash between them, so the credit does not read as the end of the caption; none without a caption.
        const dash = () => getComputedStyle(part(el, 'credit'), '::before').content;
        expect(dash()).to.equal('"– "');
        await expect(el).to.be.accessible();
        el.caption = '';
        await el.updateComplete;
        expect(dash()).to.equal('none');
      });

      it('keeps the labels visually hidden unless show-labels', async () => {
        const el = await fixture<LedeFigure>(
          html`<lede-figure src=${WIDE} alt=${ALT} caption=${CAPTION} credit=${CREDIT}></lede-figure>`,
        );
        const labels = [...el.shadowRoot!.querySelectorAll('figcaption .label')];
        expect(labels.map((label) => label.textContent)).to.deep.equal(['Caption:', 'Image credit:']);
        expect(labels.map(shown)).to.deep.equal([false, false]);
        el.showLabels = true;
        await el.updateComplete;
        expect(el.hasAttribute('show-labels')).to.be.true;
        expect(labels.map(shown)).to.deep.equal([true, true]);
        await expect(el).to.be.accessible();
      });

      it('passes srcset and sizes to the rendered image', async () => {
        const el = await fixture<LedeFigure>(
          html`<lede-figure src=${WIDE} srcset="${WIDE} 800w, ${WIDE_2X} 1600w" sizes="(min-width: 40em) 40em, 100vw" alt=${ALT}></lede-figure>`,
        );
        const img = part<HTMLImageElement>(el, 'image');
        expect(img.getAttribute('srcset')).to.equal(`${WIDE} 800w, ${WIDE_2X} 1600w`);
        expect(img.sizes).to.equal('(min-width: 40em) 40em, 100vw');
        await loaded(img);
        expect(img.currentSrc).to.match(/figure-wide(-2x)?\.svg$/);
      });

      it('loads lazily by default, eagerly with high priority for the lead image', async () => {
        const lazySrc = new URL(fresh(WIDE), location.href).href;
        const prioritySrc = new URL(fresh(WIDE), location.href).href;
        const wrap = await fixture(html`<div>
          <div style="height: 8000px"></div>
          <lede-figure class="lazy" src=${lazySrc} alt=${ALT} width="800" height="450"></lede-figure>
          <lede-figure class="priority" priority src=${prioritySrc} alt=${ALT} width="800" height="450"></lede-figure>
        </div>`);
        const lazy = part<HTMLImageElement>(wrap.querySelector<LedeFigure>('.lazy')!, 'image');
        const priority = part<HTMLImageElement>(wrap.querySelector<LedeFigure>('.priority')!, 'image');
        expect([lazy.loading, lazy.getAttribute('fetchpriority')]).to.deep.equal(['lazy', 'auto']);
        expect([priority.loading, priority.getAttribute('fetchpriority')]).to.deep.equal(['eager', 'high']);
        // Both are far below the fold: only the priority image is fetched.
        await loaded(priority);
        await frames();
        expect(performance.getEntriesByName(prioritySrc)).to.have.length(1);
        expect(performance.getEntriesByName(lazySrc)).to.have.length(0);
        expect(lazy.complete).to.be.false;
      });

      it('gives a light-DOM lead image (priority) fetchpriority="high" and loading="eager"', async () => {
        const wrap = await fixture(html`<div>
          <lede-figure priority><img src=${WIDE} alt=${ALT} width="800" height="450" loading="lazy" /></lede-figure>
          <lede-figure><img src=${WIDE} alt=${ALT} width="800" height="450" loading="lazy" /></lede-figure>
        </div>`);
        const [lead, other] = [...wrap.querySelectorAll('img')];
        expect([lead.getAttribute('fetchpriority'), lead.loading]).to.deep.equal(['high', 'eager']);
        expect([other.getAttribute('fetchpriority'), other.loading]).to.deep.equal([null, 'lazy']);
        const late = wrap.querySelectorAll('lede-figure')[1];
        late.priority = true;
        await late.updateComplete;
        expect([other.getAttribute('fetchpriority'), other.loading]).to.deep.equal(['high', 'eager']);
      });

      describe('no layout shift', () => {
        /**
         * The image sits far below the fold with loading="lazy", so it is certainly not loaded when its box is
         * measured. Scrolling it into view starts the load; the paragraph after it, painted before the image
         * arrives, must not move, and the layout-shift observer must record nothing.
         */
        async function measure(figure: (src: string) => unknown) {
          const wrap = await fixture<HTMLElement>(html`<div style="width: 400px">
            <div style="height: 8000px"></div>
            ${figure(fresh(WIDE))}
            <p>Une purge massive de comptes</p>
          </div>`);
          const el = wrap.querySelector<LedeFigure>('lede-figure');
          const img = (
            el ? (el.querySelector('img') ?? part(el, 'image')) : wrap.querySelector('img')
          ) as HTMLImageElement;
          const paragraph = wrap.querySelector('p')!;
          const before = { complete: img.complete, height: (el ?? img).getBoundingClientRect().height };
          // From the top, whatever the tests before left scrolled: only what this page does is measured.
          scrollTo(0, 0);
          await frames();
          const start = performance.now();
          const shifts: PerformanceEntry[] = [];
          const observer = new PerformanceObserver((list) => shifts.push(...list.getEntries()));
          observer.observe({ type: 'layout-shift', buffered: true });
          const paragraphTop = () => paragraph.getBoundingClientRect().top - wrap.getBoundingClientRect().top;
          const topBefore = paragraphTop();
          (el ?? img).scrollIntoView();
          await frames();
          await loaded(img);
          await frames();
          shifts.push(...observer.takeRecords());
          observer.disconnect();
          return {
            before,
            after: (el ?? img).getBoundingClientRect().height,
            moved: paragraphTop() - topBefore,
            shifts: shifts.filter((entry) => entry.startTime >= start),
          };
        }

        it('reserves the box of an attribute image from width and height', async () => {
          const result = await measure(
            (src) => html`<lede-figure src=${src} alt=${ALT} width="800" height="450"></lede-figure>`,
          );
          expect(result.before.complete).to.be.false;
          expect(result.before.height).to.be.closeTo(225, 0.5);
          expect(result.after).to.be.closeTo(225, 0.5);
          expect(result.moved).to.equal(0);
          expect(result.shifts).to.deep.equal([]);
        });

        it('reserves the box of a light-DOM image from its width and height', async () => {
          const result = await measure(
            (src) =>
              html`<lede-figure><img src=${src} alt=${ALT} width="800" height="450" loading="lazy" /></lede-figure>`,
          );
          expect(result.before.complete).to.be.false;
          expect(result.before.height).to.be.closeTo(225, 0.5);
          expect(result.moved).to.equal(0);
          expect(result.shifts).to.deep.equal([]);
        });

        it('does see the shift of an image without width and height (the measurement works)', async () => {
          const result = await measure((src) => html`<img src=${src} alt="" loading="lazy" />`);
          expect(result.before.height).to.equal(0);
          expect(result.moved).to.be.greaterThan(100);
          expect(result.shifts).not.to.deep.equal([]);
        });
      });
    });
  }

  for (const fixture of fixtures) {
    describe(`locale (${fixture.kind})`, () => {
      it('labels caption and credit in French, read with the figure', async () => {
        const el = await fixture<LedeFigure>(
          html`<lede-figure lang="fr" src=${WIDE} alt=${ALT} caption=${CAPTION} credit=${CREDIT}></lede-figure>`,
        );
        expect(await accessibleName(part(el, 'base'))).to.equal(CAPTION);
        expect(text($(el, 'figcaption'))).to.equal(`Légende: ${CAPTION} Copyright de l'image: ${CREDIT}`);
        expect(part(el, 'caption').textContent.replace(/\s+/g, ' ').trim()).to.equal(`Légende: ${CAPTION}`);
        await expect(el).to.be.accessible();
      });

      it('labels them in English', async () => {
        const el = await fixture<LedeFigure>(
          html`<lede-figure lang="en" src=${WIDE} alt=${ALT} caption="A caption" credit="BBC"></lede-figure>`,
        );
        expect(await accessibleName(part(el, 'base'))).to.equal('A caption');
        expect(text($(el, 'figcaption'))).to.equal('Caption: A caption Image credit: BBC');
      });

      it('follows the closest [lang] ancestor, and its changes', async () => {
        const wrap = await fixture(
          html`<div lang="fr"><lede-figure zoomable src=${WIDE} alt=${ALT} caption="Légende"></lede-figure></div>`,
        );
        const el = wrap.querySelector('lede-figure')!;
        expect(await accessibleName($(el, '.zoom'))).to.equal(`Agrandir l'image : ${ALT}`);
        // The dialog, loaded on the first zoom, follows the language too.
        $(el, '.zoom').click();
        await waitUntil(() => part<HTMLDialogElement>(el, 'dialog')?.open, 'zoom dialog open');
        expect($(el, '.close').textContent).to.equal('Fermer');
        wrap.setAttribute('lang', 'en');
        await new Promise((resolve) => setTimeout(resolve));
        await el.updateComplete;
        expect(await accessibleName($(el, '.zoom'))).to.equal(`Enlarge image: ${ALT}`);
        expect($(el, '.close').textContent).to.equal('Close');
        part<HTMLDialogElement>(el, 'dialog').close();
        expect(text(part(el, 'caption'))).to.equal('Caption: Légende');
        expect(await accessibleName(part(el, 'base'))).to.equal('Légende');
      });
    });
  }

  // The dialog and its code (src/figure/zoom.ts) arrive on the first zoom: before it, the shadow root has none.
  for (const fixture of fixtures) {
    describe(`zoom (${fixture.kind})`, () => {
      const zoomable = () =>
        fixture<LedeFigure>(html`<lede-figure lang="fr" zoomable caption=${CAPTION} credit=${CREDIT}>
        <img src=${WIDE} srcset="${WIDE} 800w, ${WIDE_2X} 1600w" alt=${ALT} width="800" height="450" />
      </lede-figure>`);
      const dialog = (el: LedeFigure) => part<HTMLDialogElement>(el, 'dialog');
      const dialogs = (el: LedeFigure) => el.shadowRoot!.querySelectorAll('dialog').length;
      async function click(target: Element) {
        const { x, y, width, height } = target.getBoundingClientRect();
        await sendMouse({ type: 'click', position: [Math.round(x + width / 2), Math.round(y + height / 2)] });
      }
      /** The dialog opens once its code has loaded (fetched on the page's first zoom). */
      const opened = async (el: LedeFigure) => {
        await waitUntil(() => dialog(el)?.open, 'the zoom dialog to open');
        return dialog(el).matches(':modal');
      };

      it('opens a modal dialog with the image, caption and credit on click; Escape closes it and focus returns', async () => {
        const el = await zoomable();
        expect(dialogs(el), 'no dialog before the first zoom').to.equal(0);
        await expect(el).to.be.accessible();
        const opener = $(el, 'button.zoom');
        await click(opener);
        expect(await opened(el)).to.be.true;
        // Its styles came with it: the close button at the end of the line, the image within the viewport.
        expect(getComputedStyle($(el, 'dialog form')).textAlign).to.equal('end');
        expect(getComputedStyle($(el, 'dialog img')).maxHeight).to.equal(`${innerHeight * 0.8}px`);
        const big = $<HTMLImageElement>(el, 'dialog img');
        expect(big.alt).to.equal(ALT);
        expect(big.getAttribute('srcset')).to.equal(`${WIDE} 800w, ${WIDE_2X} 1600w`);
        expect(big.sizes).to.equal('100vw');
        expect(await accessibleName(dialog(el))).to.equal(ALT);
        expect($(el, 'dialog p').textContent.replace(/\s+/g, ' ').trim()).to.equal(
          `${CAPTION} Copyright de l'image: ${CREDIT}`,
        );
        expect(el.shadowRoot!.activeElement).to.equal($(el, '.close'));
        await expect(el).to.be.accessible();
        await sendKeys({ press: 'Escape' });
        await frames();
        expect(dialog(el).open).to.be.false;
        expect(el.shadowRoot!.activeElement).to.equal(opener);
      });

      it('opens with Enter and Space, and closes with its labelled close button', async () => {
        const el = await zoomable();
        const opener = $(el, 'button.zoom');
        opener.focus();
        await sendKeys({ press: 'Enter' });
        expect(await opened(el)).to.be.true;
        expect(await accessibleName($(el, '.close'))).to.equal('Fermer');
        await sendKeys({ press: 'Enter' });
        await frames();
        expect(dialog(el).open).to.be.false;
        expect(el.shadowRoot!.activeElement).to.equal(opener);
        await sendKeys({ press: 'Space' });
        expect(await opened(el)).to.be.true;
        await click($(el, '.close'));
        await frames();
        expect(dialog(el).open).to.be.false;
        expect(el.shadowRoot!.activeElement).to.equal(opener);
      });

      it('opens one dialog for two clicks made while its code loads; it stays closed once closed', async () => {
        const el = await zoomable();
        const opener = $(el, 'button.zoom');
        opener.focus();
        // Both clicks come before the import() of the first one has resolved (an import() is never synchronous).
        opener.click();
        opener.click();
        expect(await opened(el)).to.be.true;
        expect(dialogs(el)).to.equal(1);
        await sendKeys({ press: 'Escape' });
        await frames();
        await frames();
        expect(dialog(el).open, 'not opened again by the second click').to.be.false;
        expect(el.shadowRoot!.activeElement).to.equal(opener);
      });

      it('closes on a click outside the dialog', async () => {
        await setViewport({ width: 1400, height: 1000 });
        try {
          const el = await zoomable();
          await click($(el, 'button.zoom'));
          expect(await opened(el)).to.be.true;
          const box = dialog(el).getBoundingClientRect();
          expect(box.left > 5 || box.top > 5).to.be.true;
          await sendMouse({ type: 'click', position: [5, 5] });
          await frames();
          expect(dialog(el).open).to.be.false;
        } finally {
          await setViewport({ width: 800, height: 600 });
        }
      });

      it('has no opener or dialog unless zoomable', async () => {
        const el = await fixture<LedeFigure>(html`<lede-figure src=${WIDE} alt=${ALT}></lede-figure>`);
        expect(el.shadowRoot!.querySelector('button, dialog')).to.equal(null);
      });
    });
  }

  describe('zoom code, from the static build', () => {
    type Win = Window & typeof globalThis & { violations: unknown[]; errors: string[] };
    /** The paths of the scripts a page has fetched, from its resource timing. */
    const scripts = (win: Win) =>
      win.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.endsWith('.js'));
    /** Whether the script at `path` holds the zoom dialog's template. */
    const holdsDialog = async (path: string) => (await (await fetch(path)).text()).includes('<dialog part="dialog"');

    it('dist/figure.js fetches the dialog on the first zoom, not before; two clicks, one dialog; strict CSP', async () => {
      const frame = document.createElement('iframe');
      frame.width = '900';
      frame.height = '700';
      frame.src = '/test-csp/figure.html';
      document.body.append(frame);
      try {
        await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        const win = frame.contentWindow as Win;
        await win.customElements.whenDefined('lede-figure');
        const el = frame.contentDocument!.querySelector('lede-figure')!;
        await el.updateComplete;
        // Time for anything fetched ahead of need (a preload) to show up.
        await new Promise((resolve) => setTimeout(resolve, 200));
        const before = scripts(win);
        expect(before).to.include('/dist/figure.js');
        for (const path of before) expect(await holdsDialog(path), `${path}, loaded with the page`).to.be.false;
        const root = el.shadowRoot!;
        expect(root.querySelector('dialog')).to.equal(null);

        const opener = root.querySelector<HTMLButtonElement>('button.zoom')!;
        opener.click();
        opener.click(); // while the first one waits for the dialog's code
        await waitUntil(() => root.querySelector('dialog')?.open, 'zoom dialog open');
        const fetched = scripts(win).filter((path) => !before.includes(path));
        expect(fetched, 'fetched on the first zoom').to.have.length(1);
        expect(fetched[0]).to.match(/^\/dist\/chunks\/[\w-]+\.js$/);
        expect(await holdsDialog(fetched[0])).to.be.true;
        expect(root.querySelectorAll('dialog')).to.have.length(1);
        expect(root.querySelector('dialog')!.matches(':modal')).to.be.true;
        expect(win.getComputedStyle(root.querySelector('dialog form')!).textAlign, 'its styles').to.equal('end');
        root.querySelector<HTMLButtonElement>('dialog .close')!.click();
        await waitUntil(() => !root.querySelector('dialog')!.open, 'zoom dialog closed');
        expect(win.violations).to.deep.equal([]);
        expect(win.errors).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  });

  for (const fixture of fixtures) {
    describe(`accessibility tree (Chromium, French) (${fixture.kind})`, () => {
      const roles = async (...wanted: string[]) =>
        (await axNodes())
          .filter((node) => wanted.includes(node.role))
          .map(({ role, name }) => `${role}: ${name.replace(/\s+/g, ' ')}`);

      it('offers no zoom for a decorative image (alt=""); names each zoom button after its image', async () => {
        const wrap = await fixture(html`<div lang="fr">
          <lede-figure zoomable caption="Première légende" credit=${CREDIT}><img src=${WIDE} alt=${ALT} width="800" height="450" /></lede-figure>
          <lede-figure zoomable caption="Décor" credit=${CREDIT}><img src=${WIDE} alt="" width="800" height="450" /></lede-figure>
          <lede-figure zoomable src=${WIDE} alt="Un autre texte" width="800" height="450"></lede-figure>
          <lede-figure zoomable src=${WIDE} width="800" height="450"></lede-figure>
        </div>`);
        const [first, decorative, , unnamed] = [...wrap.querySelectorAll('lede-figure')];
        expect(decorative.shadowRoot!.querySelector('button, dialog'), 'alt=""').to.equal(null);
        expect(unnamed.shadowRoot!.querySelector('button, dialog'), 'no alt: rendered as alt=""').to.equal(null);
        expect(first.shadowRoot!.querySelector('button.zoom')).to.exist;
        expect(await roles('button')).to.deep.equal([
          `button: Agrandir l'image : ${ALT}`,
          "button: Agrandir l'image : Un autre texte",
        ]);
        await expect(wrap).to.be.accessible();
      });

      it('names the zoom button after the caption when the image has no alt attribute at all', async () => {
        const el = await fixture<LedeFigure>(
          html`<lede-figure lang="fr" zoomable caption="Un administrateur met en garde"><img src=${WIDE} width="800" height="450" /></lede-figure>`,
        );
        expect(await roles('button')).to.deep.equal(["button: Agrandir l'image : Un administrateur met en garde"]);
        el.caption = '';
        await el.updateComplete;
        expect(await roles('button')).to.deep.equal(["button: Agrandir l'image"]);
      });

      it('names the figure after its caption, attribute or slot', async () => {
        const wrap = await fixture(html`<div lang="fr">
          <lede-figure caption=${CAPTION} credit=${CREDIT}><img src=${WIDE} alt=${ALT} width="800" height="450" /></lede-figure>
          <lede-figure credit=${CREDIT}><img src=${WIDE} alt="Sans légende" width="800" height="450" /><span slot="caption">Un <em>administrateur</em></span></lede-figure>
        </div>`);
        expect(await roles('figure')).to.deep.equal([`figure: ${CAPTION}`, 'figure: Un administrateur']);
        await expect(wrap).to.be.accessible();
      });
    });
  }

  describe('events and broken images', () => {
    it('keeps the reserved box, the alt text, caption and credit when the image is broken, and fires lede-figure-error once', async () => {
      const caught = errorFrom();
      let el!: LedeFigure;
      const warned = await warnings(async () => {
        el = await fixture<LedeFigure>(html`<div style="width: 400px">
          <lede-figure lang="fr" src=${MISSING} alt=${ALT} width="800" height="450" caption=${CAPTION} credit=${CREDIT}></lede-figure>
        </div>`).then((wrap) => wrap.querySelector('lede-figure')!);
        const event = await caught;
        expect(event).to.be.instanceOf(LedeFigureErrorEvent);
        expect([event.type, event.src, event.bubbles, event.composed]).to.deep.equal([
          'lede-figure-error',
          MISSING,
          true,
          true,
        ]);
        await el.updateComplete;
      });
      await frames();
      expect(warned).to.have.length(1);
      expect(warned[0]).to.contain(MISSING);
      expect($(el, '.frame').getBoundingClientRect().height).to.be.closeTo(225, 0.5);
      expect($(el, '.unavailable').textContent).to.equal('Image indisponible');
      expect(shown($(el, '.unavailable'))).to.be.true;
      expect(part<HTMLImageElement>(el, 'image').alt).to.equal(ALT);
      expect(await accessibleName(part(el, 'image'))).to.equal(ALT);
      expect(shown(part(el, 'caption')) && shown(part(el, 'credit'))).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('fires lede-figure-error when a light-DOM image fails to load', async () => {
      const caught = errorFrom();
      const src = fresh(MISSING);
      let el!: LedeFigure;
      await warnings(async () => {
        el = await fixture<LedeFigure>(
          html`<lede-figure credit=${CREDIT}><img src=${src} alt=${ALT} width="800" height="450" /></lede-figure>`,
        );
        expect((await caught).src).to.equal(src);
      });
      await el.updateComplete;
      expect($(el, '.unavailable')).to.exist;
      expect(shown(part(el, 'credit'))).to.be.true;
    });

    it('notices a light-DOM image that broke before the element upgraded', async () => {
      const img = document.createElement('img');
      Object.assign(img, { src: fresh(MISSING), alt: ALT, width: 800, height: 450 });
      document.body.append(img);
      await new Promise((resolve) => img.addEventListener('error', resolve, { once: true }));
      const el = document.createElement('lede-figure');
      el.caption = CAPTION;
      el.append(img);
      const caught = errorFrom();
      await warnings(async () => {
        document.body.append(el);
        const event = await caught;
        expect(event.src).to.equal(img.getAttribute('src'));
      });
      await el.updateComplete;
      await frames();
      expect(el.querySelector('img')).to.equal(img);
      expect($(el, '.unavailable').textContent).to.equal('Image unavailable');
      const box = $(el, '.frame').getBoundingClientRect();
      expect(box.width).to.be.at.most(document.body.clientWidth);
      expect(box.height).to.be.closeTo((box.width * 450) / 800, 1);
      await expect(el).to.be.accessible();
      el.remove();
    });

    it('recovers when a broken image is replaced by one that loads', async () => {
      const caught = errorFrom();
      const el = await fixture<LedeFigure>(
        html`<lede-figure src=${MISSING} alt=${ALT} width="800" height="450"></lede-figure>`,
      );
      await warnings(() => caught);
      await el.updateComplete;
      expect($(el, '.unavailable')).to.exist;
      el.src = WIDE;
      await loaded(part<HTMLImageElement>(el, 'image'));
      await el.updateComplete;
      expect($(el, '.unavailable')).to.equal(null);
    });

    it('fires lede-figure-error for a figure without any image', async () => {
      const caught = errorFrom();
      let el!: LedeFigure;
      const warned = await warnings(async () => {
        const wrap = await fixture(html`<div style="width: 400px">
          <lede-figure lang="fr" alt=${ALT} width="800" height="450" caption=${CAPTION}></lede-figure>
        </div>`);
        el = wrap.querySelector('lede-figure')!;
        expect((await caught).src).to.equal('');
      });
      expect(warned).to.have.length(1);
      expect(warned[0]).to.contain('no image');
      await el.updateComplete;
      await frames();

      expect($(el, '.frame').getBoundingClientRect().height).to.be.closeTo(225, 0.5);
      expect(await accessibleName(part(el, 'image'))).to.equal(ALT);
      expect($(el, '.unavailable').textContent).to.equal('Image indisponible');
      await expect(el).to.be.accessible();
    });
  });

  describe('structured data', () => {
    it("describes an attribute image as a schema.org ImageObject in JSON-LD, with Google's image metadata", async () => {
      const el = await fixture<LedeFigure>(html`<lede-figure
        src=${WIDE}
        alt=${ALT}
        caption=${CAPTION}
        credit=${CREDIT}
        creator="Anne Dupont"
        copyright="© 2019 BBC Monitoring"
        license="https://creativecommons.org/licenses/by/4.0/"
        acquire-license-page="/licences/telegram"
      ></lede-figure>`);
      // Typed against schema.org (schema-dts): a misnamed property fails to compile.
      const expected: WithContext<ImageObject> = {
        '@context': 'https://schema.org',
        '@type': 'ImageObject',
        contentUrl: new URL(WIDE, location.href).href,
        caption: CAPTION,
        creditText: CREDIT,
        creator: { '@type': 'Person', name: 'Anne Dupont' },
        copyrightNotice: '© 2019 BBC Monitoring',
        license: 'https://creativecommons.org/licenses/by/4.0/',
        acquireLicensePage: new URL('/licences/telegram', location.href).href,
      };
      expect(structuredData(el)).to.deep.equal(expected);
      // Outside every slot: nothing of it is rendered.
      expect(el.querySelector('script')!.assignedSlot).to.equal(null);
    });

    it('describes a light-DOM image with slotted caption and credit, and follows changes', async () => {
      const el = await fixture<LedeFigure>(html`<lede-figure>
        <img src=${WIDE} alt=${ALT} />
        <span slot="caption">Un administrateur</span><span slot="credit">EST SUR ROCKETCHAT</span>
      </lede-figure>`);
      expect(structuredData(el)).to.deep.equal({
        '@context': 'https://schema.org',
        '@type': 'ImageObject',
        contentUrl: new URL(WIDE, location.href).href,
        caption: 'Un administrateur',
        creditText: 'EST SUR ROCKETCHAT',
      } satisfies WithContext<ImageObject>);
      el.license = 'https://example.org/licence';
      await el.updateComplete;
      expect(structuredData(el).license).to.equal('https://example.org/licence');
      expect(el.querySelectorAll('script')).to.have.length(1);
    });
  });

  describe('bad input', () => {
    it('renders no unsafe URL: src, srcset candidates, credit-href, license', async () => {
      const caught = errorFrom();
      let el!: LedeFigure;
      const warned = await warnings(async () => {
        el = await fixture<LedeFigure>(html`<lede-figure
          src="javascript:alert(1)"
          srcset="javascript:alert(1) 1x"
          credit=${CREDIT}
          credit-href="javascript:alert(1)"
          license="data:text/html,x"
        ></lede-figure>`);
        await caught;
      });
      expect(part(el, 'image').hasAttribute('src') || part(el, 'image').hasAttribute('srcset')).to.be.false;
      expect(part(el, 'credit').querySelector('a')).to.equal(null);
      expect(part(el, 'credit').textContent).to.contain(CREDIT);
      expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
      expect(warned).to.have.length(1);
      expect(warned[0]).to.contain('javascript:alert(1)');
      await expect(el).to.be.accessible();
    });

    it('drops only the unsafe srcset candidates', async () => {
      const el = await fixture<LedeFigure>(
        html`<lede-figure src=${WIDE} alt=${ALT} srcset="${WIDE} 1x, javascript:alert(1) 2x, data:image/png;base64,AAAA 3x, https://cdn.example/w_400,h_300/a.jpg 4x"></lede-figure>`,
      );
      expect(part(el, 'image').getAttribute('srcset')).to.equal(`${WIDE} 1x, https://cdn.example/w_400,h_300/a.jpg 4x`);
    });

    it('warns once about width, height and credit-position it cannot use, and never renders NaN', async () => {
      let el!: LedeFigure;
      const warned = await warnings(async () => {
        el = await fixture<LedeFigure>(
          html`<lede-figure src=${WIDE} alt=${ALT} width="wide" height="-3" credit-position="sideways" credit=${CREDIT}></lede-figure>`,
        );
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(warned).to.have.length(3);
      expect(warned.join('\n')).to.contain('"wide"').and.contain('"-3"').and.contain('sideways');
      const img = part(el, 'image');
      expect(img.hasAttribute('width') || img.hasAttribute('height')).to.be.false;
      expect(el.shadowRoot!.innerHTML).not.to.contain('NaN');
      expect(getComputedStyle(part(el, 'credit')).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
    });

    it('shows markup in caption and credit as text, and keeps it out of the JSON-LD markup', async () => {
      const nasty = '</script><img src=x onerror=alert(1)>';
      const el = await fixture<LedeFigure>(
        html`<lede-figure src=${WIDE} alt=${ALT} caption=${nasty} credit=${nasty}></lede-figure>`,
      );
      expect(part(el, 'caption').textContent).to.contain(nasty);
      expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(1);
      const script = el.querySelector('script')!;
      expect(script.textContent).not.to.contain('<');
      expect(JSON.parse(script.textContent).caption).to.equal(nasty);
    });
  });
});
