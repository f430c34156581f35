import { expect, waitUntil } from '@open-wc/testing';
import { text } from './support/helpers.js';

// The reference article rendered by lede-elements/ssr (test/support/ssr-page.js renders it on request, from dist/), loaded in
// an iframe under the demo's CSP: first with JavaScript disabled, then hydrated by dist/hydrate.js + dist/lede.js.

type Lit = HTMLElement & { hasUpdated: boolean; updateComplete: Promise<boolean> };
type Win = Window & typeof globalThis & { trustedTypes?: { createPolicy: unknown } };

const HOSTS = 'lede-article-header, lede-figure, lede-reading-time, lede-comment-form';
const DRAFT = 'lede-comment:/api/comments|europol-telegram';
const frames: HTMLIFrameElement[] = [];

/** An iframe on `src`; resolves once its document is parsed (module scripts may still be pending). */
async function frame(src: string, sandbox?: string): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  if (sandbox !== undefined) iframe.setAttribute('sandbox', sandbox);
  iframe.width = '800';
  iframe.height = '600';
  iframe.src = src;
  document.body.append(iframe);
  frames.push(iframe);
  const path = src.split('?')[0];
  await waitUntil(
    () => iframe.contentDocument?.URL.includes(path) && iframe.contentDocument.readyState !== 'loading',
    `${src} parsed`,
    { timeout: 8000 },
  );
  return iframe;
}

/** Every Lede element of a document, those in other elements' shadow roots included, in document order. */
function hosts(root: Document | ShadowRoot): Lit[] {
  return [...root.querySelectorAll<Lit>(HOSTS)].flatMap((el) => [el, ...(el.shadowRoot ? hosts(el.shadowRoot) : [])]);
}

/** Every node of a shadow root, in order. */
function nodesOf(root: ShadowRoot): Node[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ALL);
  const nodes: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  return nodes;
}

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

afterEach(() => {
  frames.splice(0).forEach((iframe) => iframe.remove());
  localStorage.removeItem(DRAFT);
  localStorage.removeItem('lede-comment-identity');
});

describe('server-side rendering', () => {
  describe('rendering, JavaScript disabled', () => {
    it('shows the headline, the French date, the reading time, captions, credits and the form', async () => {
      const iframe = await frame('/demo/__ssr.html?lang=fr', 'allow-same-origin');
      const doc = iframe.contentDocument!;
      expect(iframe.contentWindow!.customElements.get('lede-figure'), 'no script ran').to.be.undefined;

      const header = doc.querySelector('lede-article-header')!;
      expect(text(header.querySelector('h1'))).to.equal(
        "Europol perturbe la machine de propagande de l'Etat islamique – Bien choisir son serveur d impression",
      );
      expect(text($(header, '[part=date]'))).to.equal('Le 27 novembre 2019');
      expect($(header, '[part=date]')!.getAttribute('datetime')).to.equal('2019-11-27');
      expect(text($(header, '[part=site]'))).to.equal("Serveur d'impression");
      // The page's styles reach the shadow roots: the <style> blocks are allowed by their hashes.
      expect(getComputedStyle($(header, '[part=site]')!).textTransform).to.equal('uppercase');

      const readingTime = $(header, 'lede-reading-time')!;
      const time = $(readingTime, '[part=base]')!;
      expect(text(time)).to.match(/^\d+ minutes de lecture$/);
      expect(time.getBoundingClientRect().width, 'the reading time is shown').to.be.greaterThan(0);

      const figures = [...doc.querySelectorAll('lede-figure')];
      expect(figures.map((figure) => text($(figure, '[part=caption]')))).to.deep.equal([
        "Légende: De nombreux comptes liés au système d'information (à gauche) et ceux des supporters (à droite) ont été supprimés",
        'Légende: Un administrateur du service de chat pro-IS sur RocketChat met en garde contre Telegram',
      ]);
      expect(figures.map((figure) => text($(figure, '[part=credit]')))).to.deep.equal([
        "Copyright de l'image: COMPTES PRO-IS SUR TELEGRAM",
        "Copyright de l'image: EST SUR ROCKETCHAT",
      ]);
      // Zoom for the described image only, its button named after it; each figure named by its caption.
      expect(figures.map((figure) => $(figure, 'button.zoom')?.getAttribute('aria-label') ?? null)).to.deep.equal([
        "Agrandir l'image\u00a0: Page de télégramme affichant les comptes supprimés",
        null,
      ]);
      expect(figures.map((figure) => $(figure, 'figure')!.getAttribute('aria-labelledby'))).to.deep.equal([
        'caption',
        'caption',
      ]);
      expect($(figures[0], '[part=image]'), 'the light-DOM image is used, not doubled').to.be.null;
      expect(figures[0].querySelector('img')!.getBoundingClientRect().height).to.be.greaterThan(0);

      const form = doc.querySelector('lede-comment-form')!;
      expect(text($(form, '[part=heading]'))).to.equal('Laisser un commentaire');
      expect($$(form, '[part=label]').map(text)).to.deep.equal([
        'Nom (obligatoire)',
        'E-mail (obligatoire)',
        'Site web',
        'Commentaire (obligatoire)',
        'Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.',
      ]);
      expect(
        ['name', 'email', 'url', 'content'].map((id) => $<HTMLInputElement>(form, `#${id}`)?.labels?.length),
      ).to.deep.equal([1, 1, 1, 1]);
      expect($<HTMLInputElement>(form, '#remember')!.checked, 'consent not pre-ticked').to.be.false;
      expect(text($(form, '[part=submit]'))).to.equal('Publier le commentaire');
    });
  });

  describe('hydration', () => {
    it('takes over every shadow root: no node replaced, no layout shift, draft restored after', async () => {
      localStorage.setItem(DRAFT, JSON.stringify({ content: 'Mon brouillon', key: 'k1' }));
      localStorage.setItem(
        'lede-comment-identity',
        JSON.stringify({ name: 'Anne', email: 'anne@example.fr', url: '' }),
      );
      const gate = `g${Math.random().toString(36).slice(2)}`;
      const iframe = await frame(`/demo/__ssr.html?lang=fr&gate=${gate}`);
      const win = iframe.contentWindow as Win;
      const doc = iframe.contentDocument!;
      expect(win.customElements.get('lede-figure'), 'scripts held back').to.be.undefined;

      const elements = hosts(doc);
      expect(elements.map((el) => el.localName)).to.deep.equal([
        'lede-article-header',
        'lede-reading-time',
        'lede-figure',
        'lede-figure',
        'lede-comment-form',
      ]);
      const before = elements.map((el) => nodesOf(el.shadowRoot!));
      const texts = before.map((nodes) =>
        nodes.map((node) => (node.nodeType === Node.TEXT_NODE ? (node as Text).data : '')),
      );
      // All the structured data came with the page, for crawlers that run no script: the article and both figures,
      // URLs absolute (lede-elements/ssr had the page's URL).
      const data = () => [...doc.querySelectorAll('script[slot=lede-data]')];
      const blocks = data();
      const texts0 = blocks.map((script) => script.textContent);
      expect(blocks.map((script) => script.parentElement!.localName)).to.deep.equal([
        'lede-article-header',
        'lede-figure',
        'lede-figure',
      ]);
      const absolute = (path: string) => new URL(path, doc.URL).href;
      expect(JSON.parse(blocks[0].textContent)).to.deep.include({
        '@type': 'NewsArticle',
        datePublished: '2019-11-27',
        image: absolute('images/telegram.svg'),
        mainEntityOfPage: { '@type': 'WebPage', '@id': doc.URL },
      });
      expect(JSON.parse(blocks[0].textContent).publisher.url).to.equal(absolute('/'));
      expect(blocks.slice(1).map((script) => JSON.parse(script.textContent).contentUrl)).to.deep.equal([
        absolute('images/telegram.svg'),
        absolute('images/rocketchat.svg'),
      ]);
      const shifts: number[] = [];
      new win.PerformanceObserver((list) =>
        list.getEntries().forEach((entry) => shifts.push((entry as PerformanceEntry & { value: number }).value)),
      ).observe({
        type: 'layout-shift',
        buffered: true,
      });
      const problems: string[] = [];
      const { warn, error } = win.console;
      win.console.warn = (...args: unknown[]) => {
        problems.push(args.join(' '));
        warn(...args);
      };
      win.console.error = (...args: unknown[]) => {
        problems.push(args.join(' '));
        error(...args);
      };
      win.addEventListener('error', (event) => problems.push(event.message));

      await fetch(`/test-ssr/open?gate=${gate}`, { method: 'POST' });
      await waitUntil(() => elements.every((el) => el.hasUpdated), 'every element hydrated', { timeout: 8000 });
      const form = elements[4];
      const content = $<HTMLTextAreaElement>(form, '#content')!;
      await waitUntil(() => content.value === 'Mon brouillon', 'draft restored after hydration');
      await Promise.all(elements.map((el) => el.updateComplete));
      await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));

      elements.forEach((el, i) => {
        const after = nodesOf(el.shadowRoot!);
        expect(after.length, `${el.localName}: as many nodes`).to.equal(before[i].length);
        expect(
          after.every((node, n) => node === before[i][n]),
          `${el.localName}: the same nodes`,
        ).to.be.true;
        const data = after.map((node) => (node.nodeType === Node.TEXT_NODE ? (node as Text).data : ''));
        expect(data, `${el.localName}: the same text`).to.deep.equal(texts[i]);
      });
      // Byte for byte what the browser writes: it found every block already right and left it.
      expect(data(), 'the same structured-data blocks, not written again').to.deep.equal(blocks);
      expect(data().map((script) => script.textContent)).to.deep.equal(texts0);
      expect(doc.querySelectorAll('[defer-hydration]').length + $$(elements[0], '[defer-hydration]').length).to.equal(
        0,
      );
      expect(
        shifts.filter((value) => value > 0),
        'layout shifts',
      ).to.deep.equal([]);
      expect(problems, 'no mismatch, no error').to.deep.equal([]);

      // The draft and the remembered identity came in after hydration, into the server-rendered fields.
      expect($<HTMLInputElement>(form, '#name')!.value).to.equal('Anne');
      expect($<HTMLInputElement>(form, '#remember')!.checked).to.be.true;
    });

    it('a form used before its module arrives: submitting sends nothing, and what was typed is kept', async () => {
      localStorage.setItem(DRAFT, JSON.stringify({ content: 'Un vieux brouillon', key: 'k1' }));
      const gate = `g${Math.random().toString(36).slice(2)}`;
      const iframe = await frame(`/demo/__ssr.html?lang=fr&gate=${gate}`);
      const win = iframe.contentWindow as Win;
      const form = iframe.contentDocument!.querySelector<Lit>('lede-comment-form')!;
      const url = win.location.href;
      const field = (id: string) => $<HTMLInputElement>(form, `#${id}`)!;
      field('name').value = 'Anne';
      field('email').value = 'anne@example.fr';
      $<HTMLTextAreaElement>(form, '#content')!.value = 'Écrit avant le script';
      // Enter in a field: a plain <form> would send the fields, e-mail included, to this URL as a GET query.
      $<HTMLFormElement>(form, 'form')!.requestSubmit();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(win.location.href, 'no navigation, nothing in the URL').to.equal(url);

      await fetch(`/test-ssr/open?gate=${gate}`, { method: 'POST' });
      await waitUntil(() => form.hasUpdated, 'hydrated', { timeout: 8000 });
      await form.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect($<HTMLTextAreaElement>(form, '#content')!.value, 'the typed text wins over the old draft').to.equal(
        'Écrit avant le script',
      );
      expect(field('email').value).to.equal('anne@example.fr');
      expect(JSON.parse(localStorage.getItem(DRAFT)!).content, 'and is the draft now').to.equal(
        'Écrit avant le script',
      );
    });

    it('hydrates under the strict CSP: both copies of lit-html share the `lit-html` Trusted Types policy', async () => {
      const iframe = await frame('/demo/__ssr.html?lang=en');
      const win = iframe.contentWindow as Win;
      await waitUntil(() => win.customElements.get('lede-comment-form'), 'dist/lede.js loaded', { timeout: 8000 });
      const elements = hosts(iframe.contentDocument!);
      await waitUntil(() => elements.every((el) => el.hasUpdated), 'every element hydrated');
      expect(text($(elements[0], '[part=date]'))).to.equal('November 27, 2019');
      expect(text($(elements[4], '[part=heading]'))).to.equal('Leave a comment');
      // A third copy of Lit (another plugin's) gets the same policy instead of a refusal.
      const factory = win.trustedTypes as { createPolicy(name: string, rules: object): unknown };
      expect(() => factory.createPolicy('lit-html', {}), 'lit-html policy shared').not.to.throw();

      // The first update after hydration fills in a text the server rendered empty (the counter), in place.
      const form = elements[4];
      const counter = $(form, '.counter')!;
      const content = $<HTMLTextAreaElement>(form, '#content')!;
      content.value = 'a'.repeat(4600);
      content.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await form.updateComplete;
      expect(text(counter)).to.equal('400 characters left');
      expect($(form, '.counter'), 'same counter element').to.equal(counter);

      // Events are wired by hydration, and new templates render after it: submitting empty fields shows errors.
      $<HTMLButtonElement>(form, '[part=submit]')!.click();
      await form.updateComplete;
      expect(text($(form, '#name-error'))).to.not.equal('');
      expect($(form, '#name')!.getAttribute('aria-invalid')).to.equal('true');
    });
  });

  describe('when the server and the browser disagree', () => {
    it('corrects a text in place: a relative date rendered by a server a day ahead', async () => {
      const day = 86_400_000;
      const published = new Date(Date.now() - day).toISOString().slice(0, 10);
      const markup = `<lede-article-header published="${published}" date-style="relative"><h1>Titre</h1></lede-article-header>`;
      const gate = `g${Math.random().toString(36).slice(2)}`;
      const iframe = await frame(
        `/demo/__fragment.html?lang=fr&now=${Date.now() + day}&gate=${gate}&markup=${encodeURIComponent(markup)}`,
      );
      const header = iframe.contentDocument!.querySelector<Lit>('lede-article-header')!;
      const relative = $(header, '[part=date] [aria-hidden]')!;
      expect(text(relative), 'as the server saw it').to.equal('Avant-hier');
      const node = relative.firstChild;
      await fetch(`/test-ssr/open?gate=${gate}`, { method: 'POST' });
      await waitUntil(() => header.hasUpdated, 'hydrated', { timeout: 8000 });
      expect(text(relative)).to.equal('Hier');
      expect(relative.firstChild, 'the same text node').to.equal(node);
    });

    it('renders again when the server rendered another template: an image that failed before the script ran', async () => {
      const markup =
        '<lede-figure caption="Légende"><img src="/missing-image.png" alt="Absente" width="4" height="3"></lede-figure>';
      const gate = `g${Math.random().toString(36).slice(2)}`;
      const iframe = await frame(`/demo/__fragment.html?lang=fr&gate=${gate}&markup=${encodeURIComponent(markup)}`);
      const win = iframe.contentWindow as Win;
      const figure = iframe.contentDocument!.querySelector<Lit>('lede-figure')!;
      const img = figure.querySelector('img')!;
      await waitUntil(() => img.complete && !img.naturalWidth, 'the image failed');
      const warnings: string[] = [];
      const { warn } = win.console;
      win.console.warn = (...args: unknown[]) => {
        warnings.push(String(args[0]));
        warn(...args);
      };
      await fetch(`/test-ssr/open?gate=${gate}`, { method: 'POST' });
      await waitUntil(() => figure.hasUpdated, 'hydrated', { timeout: 8000 });
      await figure.updateComplete;
      expect(
        warnings.some((w) => w.includes('<lede-figure>: the server-rendered content does not match')),
        warnings.join('\n'),
      ).to.be.true;
      expect(text($(figure, '.unavailable'))).to.equal('Image indisponible');
      expect(text($(figure, '[part=caption]'))).to.equal('Légende: Légende');
      expect(figure.shadowRoot!.querySelectorAll('style').length, 'the server-rendered styles stay').to.equal(1);
      expect(win.getComputedStyle($(figure, 'figcaption')!).display).to.not.equal('inline');
    });
  });

  describe('agreement with the browser', () => {
    for (const lang of ['fr', 'en']) {
      it(`renders what the browser renders (${lang}): date, reading time, captions, labels`, async () => {
        const read = (doc: Document) => {
          const [header, readingTime, figure, , form] = hosts(doc);
          return [
            text($(header, '[part=date]')),
            text($(readingTime, '[part=base]')),
            $(readingTime, '[part=base]')!.getAttribute('datetime'),
            text($(figure, '[part=caption]')),
            text($(figure, '[part=credit]')),
            ...$$(form, '[part=label]').map(text),
            text($(form, '[part=submit]')),
          ];
        };
        const server = (await frame(`/demo/__ssr.html?lang=${lang}`, 'allow-same-origin')).contentDocument!;
        const client = await frame(`/demo/__csr.html?lang=${lang}`);
        const win = client.contentWindow as Win;
        await waitUntil(() => win.customElements.get('lede-comment-form'), 'dist/lede.js loaded', { timeout: 8000 });
        const elements = hosts(client.contentDocument!);
        await waitUntil(
          () => elements.length === 5 && elements.every((el) => el.hasUpdated && el.shadowRoot),
          'rendered',
        );
        await Promise.all(elements.map((el) => el.updateComplete));
        await waitUntil(() => text($(elements[1], '[part=base]')), 'reading time measured');
        expect(read(server)).to.deep.equal(read(client.contentDocument!));
      });
    }
  });
});
