import { expect, waitUntil } from '@open-wc/testing';

// dist/autoloader.js, as shipped (needs a build): in this document for tags added later and shadow roots, and in
// iframes on the pages of test/support/autoloader-page.js for what a page loads.

type Lit = HTMLElement & { hasUpdated: boolean; updateComplete: Promise<boolean> };
type Autoloader = { discover(root?: ParentNode): void; load(tag: string): Promise<unknown> };
type Win = Window & typeof globalThis & { serverHeading?: Element; litHtmlVersions?: string[] };

const frames: HTMLIFrameElement[] = [];
const hosts: Element[] = [];

/** An iframe on `src`, resolved once its document has loaded (module scripts run). */
async function frame(src: string, height = 600): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.width = '800';
  iframe.height = String(height);
  iframe.src = src;
  document.body.append(iframe);
  frames.push(iframe);
  await waitUntil(
    () => iframe.contentDocument?.URL.includes(src.split('?')[0]) && iframe.contentDocument.readyState === 'complete',
    `${src} loaded`,
    { timeout: 8000 },
  );
  return iframe;
}

/** The scripts a window loaded (module scripts and their imports), as paths. */
const scripts = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('.js'));

/** A short wait in which nothing should happen: module loads on this local server take a few milliseconds. */
const pause = (ms = 300) => new Promise((done) => setTimeout(done, ms));

afterEach(() => {
  frames.splice(0).forEach((iframe) => iframe.remove());
  hosts.splice(0).forEach((host) => host.remove());
});

describe('dist/autoloader.js', () => {
  let autoloader: Autoloader;
  before(async () => {
    autoloader = (await import(/* @vite-ignore */ `${location.origin}/dist/autoloader.js`)) as Autoloader;
  });

  it('defines a tag added to the document after it loaded, and renders it', async () => {
    expect(customElements.get('lede-figure')).to.be.undefined;
    const el = document.createElement('lede-figure') as Lit;
    el.setAttribute('caption', 'Une légende');
    el.setAttribute('src', '/test/fixtures/figure-wide.svg');
    document.body.append(el);
    hosts.push(el);
    await customElements.whenDefined('lede-figure');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=caption]')!.textContent).to.contain('Une légende');
  });

  it('defines a tag in a shadow root when discover(root) is called, not before', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    hosts.push(host);
    const root = host.attachShadow({ mode: 'open' });
    const el = document.createElement('lede-reading-time');
    root.append(el);
    await pause();
    expect(customElements.get('lede-reading-time'), 'not seen inside a shadow root').to.be.undefined;
    autoloader.discover(root);
    await waitUntil(() => customElements.get('lede-reading-time'), 'lede-reading-time defined', { timeout: 5000 });
    expect(el.matches(':defined')).to.be.true;
  });

  it('load() defines a tag on request and refuses one that is not Lede’s', async () => {
    await autoloader.load('lede-comment-form');
    expect(customElements.get('lede-comment-form')).to.exist;
    let error: unknown;
    await autoloader.load('lede-nothing').catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('lede-nothing');
  });
});

describe('pages with dist/autoloader.js', () => {
  it('loads nothing but itself for a page without Lede tags', async () => {
    const iframe = await frame('/test-autoloader/empty.html');
    await pause();
    expect(scripts(iframe.contentWindow!)).to.deep.equal(['/dist/autoloader.js']);
    expect(iframe.contentWindow!.customElements.get('lede-figure')).to.be.undefined;
  });

  it('loads the comment form’s module only once the reader scrolls near it', async () => {
    const iframe = await frame('/test-autoloader/comments.html');
    const win = iframe.contentWindow!;
    await pause(500);
    expect(
      scripts(win).some((path) => path.endsWith('/comment-form.js')),
      'not loaded three viewports away',
    ).to.be.false;
    expect(win.customElements.get('lede-comment-form')).to.be.undefined;
    // Within one viewport height of being seen, not in view yet.
    win.scrollTo(
      0,
      iframe.contentDocument!.querySelector('lede-comment-form')!.getBoundingClientRect().top - 600 * 1.5,
    );
    await waitUntil(() => win.customElements.get('lede-comment-form'), 'lede-comment-form defined after scrolling', {
      timeout: 5000,
    });
    expect(scripts(win)).to.include('/dist/comment-form.js');
  });

  it('loads the comment form’s module when something in it gets focus', async () => {
    const iframe = await frame('/test-autoloader/comments.html');
    const win = iframe.contentWindow!;
    await pause();
    expect(win.customElements.get('lede-comment-form')).to.be.undefined;
    const form = iframe.contentDocument!.querySelector('lede-comment-form')!;
    // Not rendered yet: a focusable child of its own stands for what a server-rendered form holds.
    const input = iframe.contentDocument!.createElement('input');
    form.append(input);
    input.focus({ preventScroll: true });
    await waitUntil(() => win.customElements.get('lede-comment-form'), 'lede-comment-form defined on focus', {
      timeout: 5000,
    });
  });

  describe('a server-rendered article', () => {
    /** The elements of the article above its comments, each with whether it is defined. */
    const defined = (doc: Document) =>
      [...doc.querySelectorAll('lede-article-header, lede-figure')].map((el) => el.matches(':defined'));

    it('loads nothing but the autoloader until the reader reaches for an element: the page shows it all', async () => {
      const iframe = await frame('/test-autoloader/ssr.html?lang=fr', 600);
      const doc = iframe.contentDocument!;
      await pause(500);
      expect(scripts(iframe.contentWindow!)).to.deep.equal(['/dist/autoloader.js']);
      expect(defined(doc)).to.deep.equal([false, false, false]);
      const header = doc.querySelector('lede-article-header')!;
      expect(header.shadowRoot!.textContent).to.contain('Le 27 novembre 2019');
      expect(doc.querySelector('lede-figure')!.shadowRoot!.textContent).to.contain('Légende');
    });

    it('hydrates an element the reader points at, with one copy of Lit: hydrate-support.js shares the elements’ chunk', async () => {
      const iframe = await frame('/test-autoloader/ssr.html?lang=fr', 600);
      const win = iframe.contentWindow! as Win;
      const header = iframe.contentDocument!.querySelector<Lit>('lede-article-header')!;
      await pause();
      header.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      await waitUntil(() => win.customElements.get('lede-article-header'), 'header defined', { timeout: 5000 });
      await header.updateComplete;
      const loaded = scripts(win);
      expect(loaded).to.include('/dist/hydrate-support.js');
      expect(loaded).not.to.include('/dist/hydrate.js');
      expect(loaded).not.to.include('/dist/lede.js');
      expect(loaded.indexOf('/dist/hydrate-support.js'), 'hydrate support before the elements').to.be.below(
        loaded.indexOf('/dist/article-header.js'),
      );
      // Every copy of lit-html that runs adds its version here.
      expect(win.litHtmlVersions).to.have.length(1);
      // The sources loaded hold lit-html's code once: its version is pushed from one file only.
      const sources = await Promise.all(loaded.map((path) => fetch(path).then((response) => response.text())));
      // (The dev server reformats scripts: hence the spaces allowed.)
      expect(sources.filter((code) => /\.litHtmlVersions\s*\?\?=/.test(code)).length, loaded.join(' ')).to.equal(1);
      // Hydrated, not rendered again: the server's heading is still the one shown.
      expect(header.hasUpdated).to.be.true;
      expect(win.serverHeading?.isConnected, 'the server-rendered heading kept').to.be.true;
      expect(header.shadowRoot!.querySelector('[part=headline]')).to.equal(win.serverHeading);
      // Neither the figures nor the comment form, far below, are loaded.
      expect(loaded).not.to.include('/dist/figure.js');
      expect(loaded).not.to.include('/dist/comment-form.js');
    });

    it('makes again, once hydrated, a click on a zoom button that came before the script', async () => {
      const iframe = await frame('/test-autoloader/ssr.html?lang=fr', 600);
      const figure = iframe.contentDocument!.querySelector<Lit>('lede-figure')!;
      await pause();
      const zoom = figure.shadowRoot!.querySelector('button')!;
      zoom.click();
      await waitUntil(() => figure.shadowRoot!.querySelector('dialog')?.open, 'the zoom dialog open', {
        timeout: 5000,
      });
      expect(zoom.isConnected, 'the server’s button hydrated, not replaced').to.be.true;
    });

    it('hydrates an element the page changes', async () => {
      const iframe = await frame('/test-autoloader/ssr.html?lang=fr', 600);
      const figure = iframe.contentDocument!.querySelectorAll<Lit>('lede-figure')[1];
      await pause();
      figure.setAttribute('caption', 'Une autre légende');
      await waitUntil(() => figure.matches(':defined'), 'figure defined', { timeout: 5000 });
      await figure.updateComplete;
      expect(figure.shadowRoot!.querySelector('[part=caption]')!.textContent).to.contain('Une autre légende');
    });

    it('hydrates the elements under a language that changes, in that language', async () => {
      const iframe = await frame('/test-autoloader/ssr.html?lang=fr', 600);
      const doc = iframe.contentDocument!;
      await pause();
      doc.documentElement.lang = 'en';
      const header = doc.querySelector<Lit>('lede-article-header')!;
      await waitUntil(
        () => header.shadowRoot!.querySelector('[part=date]')?.textContent === 'November 27, 2019',
        'the header in English',
        { timeout: 5000 },
      );
      expect(defined(doc)).to.deep.equal([true, true, true]);
    });

    it('hydrates at once a header whose dates are relative to the reader’s clock', async () => {
      const iframe = await frame('/test-autoloader/ssr.html?lang=fr&relative', 600);
      await waitUntil(
        () => iframe.contentWindow!.customElements.get('lede-article-header'),
        'header defined without the reader',
        { timeout: 5000 },
      );
      expect(defined(iframe.contentDocument!)).to.deep.equal([true, false, false]);
    });

    it('hydrates the header with the comment section it counts, once the reader scrolls near it', async () => {
      const iframe = await frame('/test-autoloader/ssr.html?lang=fr', 600);
      const doc = iframe.contentDocument!;
      await pause();
      doc.querySelector('lede-comments')!.scrollIntoView();
      const header = doc.querySelector<Lit>('lede-article-header')!;
      await waitUntil(
        () => header.shadowRoot!.querySelector('[part=comments]')?.textContent === '1 commentaire',
        'the header’s count',
        { timeout: 5000 },
      );
      expect(defined(doc)).to.deep.equal([true, false, false]);
    });
  });
});
