import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { LedeCommentForm } from '../../src/index.js';
import { fill, frames } from '../support/helpers.js';

// Issue 10, accessibility: every element in every main state passes axe in French and English, on a light and a dark
// page (`color-scheme` on a wrapper painted with the system colours `Canvas`/`CanvasText`, as a dark page is); the
// comment form can be completed and sent with the keyboard alone; every interactive part shows a visible focus
// indicator when focused from the keyboard; and the default colour tokens meet WCAG 2.2 AA contrast, measured on the
// rendered, computed colours.

const WIDE = '/test/fixtures/figure-wide.svg';
const MISSING = '/test/fixtures/figure-missing.svg';
const ARTICLE = 'Les enquêteurs ont signalé des comptes pendant deux jours consécutifs. '.repeat(80);
const SCHEMES = ['light', 'dark'] as const;
const LANGS = ['fr', 'en'] as const;
type Scheme = (typeof SCHEMES)[number];

type Lit = HTMLElement & { updateComplete: Promise<boolean> };
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

let logs = 0;
const endpoint = (mode: string, extra = '') =>
  `/test-api/comments?log=a11y${Date.now().toString(36)}${logs++}&mode=${mode}${extra}`;

/** A page region in `scheme` and `lang`, painted as a page of that scheme is. */
function page(scheme: Scheme, lang: string, content: TemplateResult): Promise<HTMLElement> {
  const style = `color-scheme: ${scheme}; background: Canvas; color: CanvasText; padding: 16px; font: 16px/1.5 sans-serif`;
  return fixture<HTMLElement>(html`<div lang=${lang} style=${style}>${content}</div>`);
}

const valid = {
  name: 'Anne Dupont',
  email: 'anne@example.fr',
  url: 'https://anne.example.fr',
  content: 'Merci pour cet article.',
};
const submit = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
async function submitAndWait(el: LedeCommentForm, event: string): Promise<void> {
  const settled = oneEvent(el, event);
  submit(el);
  await settled;
  await el.updateComplete;
}

interface State {
  tag: string;
  name: string;
  template: () => TemplateResult;
  /** Brings the element into the state. */
  act?: (el: Lit) => Promise<unknown>;
}

/** The comment form filled in and sent to an endpoint answering with `mode`, once `event` has fired. */
function sentTo(name: string, mode: string, event: string): State {
  return {
    tag: 'lede-comment-form',
    name,
    template: () => html`<lede-comment-form action=${endpoint(mode)} post-id="42" min-time="0"></lede-comment-form>`,
    act: async (el) => {
      await fill(el as LedeCommentForm, valid);
      await submitAndWait(el as LedeCommentForm, event);
    },
  };
}

const STATES: State[] = [
  {
    tag: 'lede-article-header',
    name: 'everything: site link, headline, standfirst, byline link, dates, reading time',
    template:
      () => html`<lede-article-header site="Le Quotidien" site-href="/" headline="Europol perturbe la propagande"
      published="2019-11-27" updated="2019-11-29" author="Anne Dupont, Paul Martin" author-href="/auteurs/anne" reading-time="5"
      structured-data><p slot="standfirst">Une opération coordonnée a supprimé des milliers de comptes.</p></lede-article-header>`,
  },
  {
    tag: 'lede-article-header',
    name: 'relative dates, light-DOM headline and byline',
    template:
      () => html`<lede-article-header date-style="relative" published=${ago(3 * 86_400_000)} updated=${ago(2 * 3_600_000)}>
      <h1>Europol perturbe la propagande</h1><span slot="byline">La rédaction</span></lede-article-header>`,
  },
  {
    tag: 'lede-article-header',
    name: 'headline only',
    template: () => html`<lede-article-header headline="Brève"></lede-article-header>`,
  },
  {
    tag: 'lede-figure',
    name: 'attribute image, caption, credit link over the image',
    template:
      () => html`<lede-figure src=${WIDE} width="800" height="400" alt="Des comptes supprimés" caption="Des comptes supprimés"
      credit="Europol" credit-href="/credits" license="/licence"></lede-figure>`,
  },
  {
    tag: 'lede-figure',
    name: 'light-DOM image, slotted caption, credit below, labels shown',
    template:
      () => html`<lede-figure credit-position="below" show-labels credit="AFP"><img src=${WIDE} width="800" height="400"
      alt="Un salon de discussion" /><span slot="caption">Un salon de discussion</span></lede-figure>`,
  },
  {
    tag: 'lede-figure',
    name: 'zoomable',
    template: () =>
      html`<lede-figure zoomable src=${WIDE} width="800" height="400" alt="Des comptes supprimés" caption="Légende"></lede-figure>`,
  },
  {
    tag: 'lede-figure',
    name: 'zoom dialog open',
    template: () =>
      html`<lede-figure zoomable src=${WIDE} width="800" height="400" alt="Des comptes supprimés" caption="Légende" credit="Europol"></lede-figure>`,
    act: async (el) => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('.zoom')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('dialog')?.open, 'dialog open');
    },
  },
  {
    tag: 'lede-figure',
    name: 'broken image',
    template: () =>
      html`<lede-figure src=${MISSING} width="800" height="400" alt="Une image absente" caption="Une image absente"></lede-figure>`,
    act: (el) => waitUntil(() => el.shadowRoot!.querySelector('.unavailable'), 'shown as unavailable'),
  },
  {
    tag: 'lede-reading-time',
    name: 'given minutes',
    template: () => html`<lede-reading-time minutes="5"></lede-reading-time>`,
  },
  {
    tag: 'lede-reading-time',
    name: 'measured',
    template: () => html`<article><p>${ARTICLE}</p><lede-reading-time></lede-reading-time></article>`,
    act: (el) => waitUntil(() => el.shadowRoot!.textContent.trim(), 'measured'),
  },
  {
    tag: 'lede-reading-time',
    name: 'range',
    template: () => html`<article><p>${ARTICLE}</p><lede-reading-time range></lede-reading-time></article>`,
    act: (el) => waitUntil(() => el.shadowRoot!.textContent.trim(), 'measured'),
  },
  {
    tag: 'lede-reading-time',
    name: 'time left',
    template: () => html`<article><p>${ARTICLE}</p><lede-reading-time remaining></lede-reading-time></article>`,
    act: (el) => waitUntil(() => el.shadowRoot!.textContent.trim(), 'measured'),
  },
  {
    tag: 'lede-comment-form',
    name: 'empty, with the remember option',
    template: () =>
      html`<lede-comment-form action=${endpoint('pending')} post-id="42" min-time="0" remember></lede-comment-form>`,
  },
  {
    tag: 'lede-comment-form',
    name: 'name and email optional, no website',
    template: () =>
      html`<lede-comment-form action=${endpoint('pending')} post-id="42" require-email="false" no-website></lede-comment-form>`,
  },
  {
    tag: 'lede-comment-form',
    name: 'validation errors',
    template: () =>
      html`<lede-comment-form action=${endpoint('pending')} post-id="42" min-time="0"></lede-comment-form>`,
    act: async (el) => {
      await fill(el as LedeCommentForm, { email: 'anne@', url: 'anne.example.fr' });
      submit(el);
      await el.updateComplete;
    },
  },
  {
    tag: 'lede-comment-form',
    name: 'characters left counter',
    template: () =>
      html`<lede-comment-form action=${endpoint('pending')} post-id="42" max-length="100"></lede-comment-form>`,
    act: (el) => fill(el as LedeCommentForm, { content: 'a'.repeat(95) }),
  },
  {
    tag: 'lede-comment-form',
    name: 'sending',
    template: () =>
      html`<lede-comment-form action=${endpoint('hang')} post-id="42" min-time="0" timeout="2000"></lede-comment-form>`,
    act: async (el) => {
      await fill(el as LedeCommentForm, valid);
      submit(el);
      await waitUntil(
        () => el.shadowRoot!.querySelector('[part=submit]')!.getAttribute('aria-disabled') === 'true',
        'sending',
      );
    },
  },
  sentTo('sending failed', 'server', 'lede-comment-error'),
  sentTo('the server’s field errors', 'fields', 'lede-comment-error'),
  sentTo('sent', 'pending', 'lede-comment-sent'),
  // The thread: lists from test/support/comment-list.js.
  {
    tag: 'lede-comments',
    name: 'loading',
    template: () => html`<lede-comments src="/test-list/comments?delay=5000" post-id="pair"></lede-comments>`,
  },
  {
    tag: 'lede-comments',
    name: 'thread with a reply and a website link',
    template: () => html`<lede-comments src="/test-list/comments" post-id="pair"></lede-comments>`,
    act: (el) => waitUntil(() => el.shadowRoot!.querySelector('[part=comment]'), 'the thread'),
  },
  {
    tag: 'lede-comments',
    name: 'reply form open',
    template: () => html`<lede-comments src="/test-list/comments" post-id="pair"></lede-comments>`,
    act: async (el) => {
      await waitUntil(() => el.shadowRoot!.querySelector('[part=reply]'), 'the thread');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=reply]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part=reply-form] lede-comment-form'), 'the reply form');
    },
  },
  {
    tag: 'lede-comments',
    name: 'empty',
    template: () => html`<lede-comments src="/test-list/comments" post-id="none"></lede-comments>`,
    act: (el) => waitUntil(() => !el.shadowRoot!.querySelector('[part=status]'), 'loaded'),
  },
  {
    tag: 'lede-comments',
    name: 'list unavailable',
    template: () => html`<lede-comments src="/test-list/comments" post-id="broken"></lede-comments>`,
    act: (el) => waitUntil(() => el.shadowRoot!.querySelector('[part=error]'), 'the error'),
  },
  {
    tag: 'lede-comments',
    name: 'many: show more',
    template: () => html`<lede-comments src="/test-list/comments" post-id="many"></lede-comments>`,
    act: (el) => waitUntil(() => el.shadowRoot!.querySelector('[part=more]'), 'the button'),
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Colour arithmetic (WCAG 2.2 relative luminance and contrast ratio)

type RGBA = [number, number, number, number];
function parse(color: string): RGBA {
  const numbers = color.match(/[\d.]+/g)?.map(Number) ?? [];
  expect(color, 'an sRGB colour').to.match(/^rgba?\(/);
  return [numbers[0], numbers[1], numbers[2], numbers[3] ?? 1];
}
/** `top` painted over the opaque `bottom`. */
const over = (top: RGBA, bottom: RGBA): RGBA =>
  [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1) as RGBA;
function luminance([r, g, b]: RGBA): number {
  const channel = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
function contrast(a: RGBA, b: RGBA): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const WHITE: RGBA = [255, 255, 255, 1];
const BLACK: RGBA = [0, 0, 0, 1];

/** The element with keyboard focus, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** What a focus indicator needs: shown for keyboard focus, at least 2 px, and 3:1 against the page behind it. */
function expectFocusRing(node: Element, background: RGBA, label: string): void {
  expect(node.matches(':focus-visible'), `${label} matches :focus-visible`).to.be.true;
  const style = getComputedStyle(node);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== 'none';
  expect(outline || shadow, `${label} has an outline or box-shadow (${style.outline} / ${style.boxShadow})`).to.be.true;
  if (outline) {
    const ratio = contrast(over(parse(style.outlineColor), background), background);
    expect(ratio, `${label} ring ${style.outlineColor} against the page`).to.be.at.least(3);
  }
}

describe('accessibility', () => {
  for (const scheme of SCHEMES) {
    for (const lang of LANGS) {
      describe(`axe, ${scheme}, ${lang}`, () => {
        for (const state of STATES) {
          it(`<${state.tag}> ${state.name}`, async () => {
            const wrapper = await page(scheme, lang, state.template());
            const el = wrapper.querySelector<Lit>(state.tag)!;
            await el.updateComplete;
            await state.act?.(el);
            await frames();
            expect(el.shadowRoot!.textContent.trim(), 'something is shown').not.to.equal('');
            await expect(wrapper).to.be.accessible();
          });
        }
      });
    }
  }

  describe('keyboard', () => {
    beforeEach(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comment')) localStorage.removeItem(key);
    });

    it('completes and sends the comment form with the keyboard alone, recovering from a mistake (French, dark)', async () => {
      const action = endpoint('pending');
      const wrapper = await page(
        'dark',
        'fr',
        html`<button>Avant</button>
        <lede-comment-form action=${action} post-id="42" min-time="0" remember></lede-comment-form>`,
      );
      const el = wrapper.querySelector<LedeCommentForm>('lede-comment-form')!;
      await el.updateComplete;
      wrapper.querySelector('button')!.focus();
      const stops: string[] = [];
      const at = () =>
        (deepActive() as HTMLElement | null)?.id || deepActive()?.getAttribute('part') || deepActive()?.localName || '';
      for (const value of ['Anne Dupont', 'anne@', '', valid.content]) {
        await sendKeys({ press: 'Tab' });
        stops.push(at());
        if (value) await sendKeys({ type: value });
      }
      await sendKeys({ press: 'Tab' });
      stops.push(at());
      await sendKeys({ press: 'Space' }); // tick "remember"
      await sendKeys({ press: 'Tab' });
      stops.push(at());
      expect(stops).to.deep.equal(['name', 'email', 'url', 'content', 'remember', 'submit']);
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('#remember')!.checked).to.be.true;

      await sendKeys({ press: 'Enter' }); // the email is incomplete: focus goes to it, with its message
      await el.updateComplete;
      await waitUntil(() => at() === 'email', 'focus on the invalid email');
      expect(el.shadowRoot!.querySelector('#email-error')!.textContent).to.equal(
        'Veuillez saisir une adresse e-mail valide.',
      );
      await sendKeys({ press: 'End' });
      await sendKeys({ type: 'example.fr' });
      const sent = oneEvent(el, 'lede-comment-sent');
      await sendKeys({ press: 'Enter' });
      await sent;
      await el.updateComplete;
      expect(at()).to.equal('status');
      const { requests } = await (await fetch(`/test-api/received?${action.split('?')[1]}`)).json();
      expect(requests).to.have.length(1);
      expect(JSON.parse(requests[0].body)).to.include({
        name: 'Anne Dupont',
        email: 'anne@example.fr',
        url: '',
        content: valid.content,
      });
      expect(JSON.parse(localStorage.getItem('lede-comment-identity')!)).to.include({ name: 'Anne Dupont' });
      await expect(wrapper).to.be.accessible();
    });
  });

  for (const scheme of SCHEMES) {
    describe(`visible focus, ${scheme}`, () => {
      /** Tabs from a button before `content` to one after it; checks the ring of every stop in between. */
      async function tabThrough(content: TemplateResult): Promise<{ stops: string[]; wrapper: HTMLElement }> {
        const wrapper = await page(
          scheme,
          'fr',
          html`<button id="before">Avant</button>${content}<button id="after">Après</button>`,
        );
        await Promise.all([...wrapper.querySelectorAll<Lit>('*')].map((el) => el.updateComplete));
        await frames();
        const background = parse(getComputedStyle(wrapper).backgroundColor);
        wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
        const stops: string[] = [];
        for (let i = 0; i < 20; i++) {
          await sendKeys({ press: 'Tab' });
          const node = deepActive()!;
          if (node.id === 'after') break;
          const label = node.id || node.getAttribute('part') || node.className || node.localName;
          stops.push(`${node.localName}${label === node.localName ? '' : `.${label}`}`);
          expectFocusRing(node, background, label);
        }
        return { stops, wrapper };
      }

      it('<lede-article-header>: site and author links', async () => {
        const { stops } = await tabThrough(html`<lede-article-header site="Le Quotidien" site-href="/" headline="Titre"
          author="Anne Dupont" author-href="/auteurs/anne" published="2019-11-27"></lede-article-header>`);
        expect(stops).to.deep.equal(['a', 'a']);
      });

      it('<lede-figure>: zoom button, credit link, and the dialog’s close button', async () => {
        const { stops, wrapper } =
          await tabThrough(html`<lede-figure zoomable src=${WIDE} width="800" height="400" alt="Comptes"
          caption="Légende" credit="Europol" credit-href="/credits"></lede-figure>`);
        expect(stops).to.deep.equal(['button.zoom', 'a']);
        const figure = wrapper.querySelector<Lit>('lede-figure')!;
        figure.shadowRoot!.querySelector<HTMLButtonElement>('.zoom')!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => figure.shadowRoot!.querySelector('dialog')?.open, 'dialog open');
        await frames();
        const close = deepActive()!;
        expect(close.className).to.equal('close');
        // The dialog paints its own surface (Canvas in the page's scheme).
        expectFocusRing(
          close,
          parse(getComputedStyle(figure.shadowRoot!.querySelector('dialog')!).backgroundColor),
          'close',
        );
        await sendKeys({ press: 'Escape' });
      });

      it('<lede-comment-form>: every field, the checkbox and the button', async () => {
        const { stops } = await tabThrough(
          html`<lede-comment-form action="/test-api/comments" post-id="42" remember></lede-comment-form>`,
        );
        expect(stops).to.deep.equal([
          'input.name',
          'input.email',
          'input.url',
          'textarea.content',
          'input.remember',
          'button.submit',
        ]);
      });
    });
  }

  for (const scheme of SCHEMES) {
    it(`default colours meet WCAG 2.2 AA contrast (${scheme})`, async () => {
      const wrapper = await page(
        scheme,
        'fr',
        html`
        <lede-article-header site="Le Quotidien" site-href="/" headline="Titre" author="Anne Dupont" published="2019-11-27"
          reading-time="5"></lede-article-header>
        <lede-figure src=${WIDE} width="800" height="400" alt="Comptes" caption="Légende" credit="Europol"></lede-figure>
        <lede-figure src=${MISSING} width="800" height="400" alt="Absente" caption="Légende"></lede-figure>
        <lede-comment-form action="/test-api/comments" post-id="42"></lede-comment-form>`,
      );
      const [header, figure, broken, form] = [...wrapper.children] as Lit[];
      await Promise.all([header, figure, broken, form].map((el) => el.updateComplete));
      submit(form); // shows the error colour
      await form.updateComplete;
      await waitUntil(() => broken.shadowRoot!.querySelector('.unavailable'), 'broken image shown');
      const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)!;
      const css = (el: Element) => getComputedStyle(el);
      const page_ = parse(css(wrapper).backgroundColor);
      // The surface the tokens are designed for: `--_surface`, which the submit button uses as its text colour.
      const surface = parse(css($(form, '[part=submit]')).color);
      // The scheme really switched the palette (light-dark() resolved against the wrapper's color-scheme).
      expect(luminance(surface), 'surface token luminance').to.be[scheme === 'light' ? 'above' : 'below'](
        scheme === 'light' ? 0.5 : 0.1,
      );
      const backgrounds: Array<[string, RGBA]> = [
        ['page', page_],
        ['surface token', surface],
      ];
      const text: Array<[string, Element]> = [
        ['site name (accent)', $(header, '[part=site]')],
        ['byline (muted)', $(header, '[part=byline]')],
        ['meta line (muted)', $(header, '[part=meta]')],
        ['caption (muted)', $(figure, 'figcaption')],
        ['moderation notice (muted)', $(form, '[part=notice]')],
        ['email note (muted)', $(form, '.note')],
        ['field error (danger)', $(form, '#name-error')],
      ];
      const results: string[] = [];
      const check = (name: string, fg: RGBA, bg: RGBA, min: number) => {
        const ratio = contrast(over(fg, bg), bg);
        if (ratio < min) results.push(`${name}: ${ratio.toFixed(2)} < ${min}`);
      };
      for (const [name, node] of text)
        for (const [where, bg] of backgrounds) check(`${name} on ${where}`, parse(css(node).color), bg, 4.5);
      // Borders of the fields and of an invalid field: non-text contrast, 3:1.
      for (const [name, node, side] of [
        ['input border', $(form, '#email'), 'borderTopColor'],
        ['textarea border', $(form, '#content'), 'borderTopColor'],
        ['invalid border (danger)', $(form, '#name'), 'borderTopColor'],
      ] as const) {
        for (const [where, bg] of backgrounds) check(`${name} on ${where}`, parse(css(node)[side]), bg, 3);
      }
      // The submit button: its text on its accent background.
      const button = css($(form, '[part=submit]'));
      check('submit text on the button', parse(button.color), over(parse(button.backgroundColor), page_), 4.5);
      // The credit over the image: on its translucent band over the lightest and the darkest image.
      const credit = css($(figure, '.credit'));
      for (const [where, image] of [
        ['white image', WHITE],
        ['black image', BLACK],
      ] as const) {
        check(`credit over a ${where}`, parse(credit.color), over(parse(credit.backgroundColor), image), 4.5);
      }
      // "Image unavailable" on its tinted box.
      const unavailable = $(broken, '.unavailable');
      check(
        'image unavailable',
        parse(css(unavailable).color),
        over(parse(css(unavailable).backgroundColor), page_),
        4.5,
      );
      expect(results).to.deep.equal([]);
    });
  }
});
