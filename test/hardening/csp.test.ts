import { expect, waitUntil } from '@open-wc/testing';
import { text } from '../support/helpers.js';

// Every element, from the built bundle, on a page served with issue 10's strict policy (test/support/csp-page.js):
// `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script';
// trusted-types lit-html lede`. The page records each `securitypolicyviolation` from its first script on; the test
// drives the page the way a reader would (it only sets input values and clicks: no HTML sink is touched from here).

type Violation = { directive: string; blocked: string; sample: string; source: string };
type Win = Window & typeof globalThis & { violations: Violation[]; errors: string[]; refused?: string };
type Lit = HTMLElement & { updateComplete: Promise<boolean>; hasUpdated: boolean };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TAGS = ['lede-article-header', 'lede-figure', 'lede-reading-time', 'lede-comment-form', 'lede-comments'];

let frame: HTMLIFrameElement | undefined;
afterEach(() => {
  frame?.remove();
  frame = undefined;
  localStorage.removeItem('lede-comment-identity');
  for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comment:')) localStorage.removeItem(key);
});

/** The strict page in an iframe, once every element has rendered. */
async function open(query: string): Promise<{ win: Win; doc: Document }> {
  frame = document.createElement('iframe');
  frame.width = '900';
  frame.height = '700';
  frame.src = `/test-csp/page.html?${query}`;
  document.body.append(frame);
  await new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as Win;
  const doc = frame.contentDocument!;
  await Promise.all(TAGS.map((tag) => win.customElements.whenDefined(tag)));
  const all = () => [...doc.querySelectorAll<Lit>(TAGS.join(','))];
  await waitUntil(() => all().every((el) => el.hasUpdated), 'every element rendered', { timeout: 5000 });
  await Promise.all(all().map((el) => el.updateComplete));
  return { win, doc };
}

let logs = 0;
const newLog = () => `csp${Date.now().toString(36)}${logs++}`;

describe('strict CSP and Trusted Types', () => {
  it('serves the page with exactly the policy of issue 10 plus the two policy names', async () => {
    const response = await fetch('/test-csp/page.html?log=x');
    expect(response.headers.get('Content-Security-Policy')).to.equal(
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html lede",
    );
  });

  it('records a violation when one happens (the probe works)', async () => {
    const { win } = await open(`log=${newLog()}&probe=1`);
    await pause(100);
    expect(win.refused, 'the innerHTML assignment was refused').to.match(/TrustedHTML|Trusted Type/i);
    expect(win.violations.map((v) => v.directive)).to.include('require-trusted-types-for');
  });

  it('renders every element and sends a comment with zero violations', async () => {
    const log = newLog();
    const { win, doc } = await open(`log=${log}`);

    // Header: headline, dates, byline, reading time, and its JSON-LD written through the `lede` policy.
    const header = doc.querySelector<Lit>('lede-article-header')!;
    const meta = header.shadowRoot!.querySelector('[part=meta]')!;
    expect(text(header.shadowRoot!.querySelector('[part=site]'))).to.equal('Le Quotidien');
    expect(text(header.shadowRoot!.querySelector('[part=byline]'))).to.equal('Par Anne Dupont et Paul Martin');
    expect(text(meta.querySelector('[part=date]'))).to.equal('Le 27 novembre 2019');
    const inner = meta.querySelector<Lit>('lede-reading-time')!;
    await waitUntil(() => /minutes? de lecture/.test(text(inner.shadowRoot)), 'header reading time measured');
    expect(JSON.parse(header.querySelector('script[type="application/ld+json"]')!.textContent)['@type']).to.equal(
      'NewsArticle',
    );

    // Figures: attribute image, light-DOM image, broken image; JSON-LD through the same policy.
    const [first, second, broken] = [...doc.querySelectorAll<Lit>('lede-figure')];
    expect(first.shadowRoot!.querySelector('[part=image]')!.getAttribute('srcset')).to.contain('figure-wide-2x.svg 2x');
    expect(text(first.shadowRoot!.querySelector('[part=caption]'))).to.equal('Légende: Des comptes supprimés');
    expect(JSON.parse(first.querySelector('script[type="application/ld+json"]')!.textContent)['@type']).to.equal(
      'ImageObject',
    );
    expect(JSON.parse(second.querySelector('script[type="application/ld+json"]')!.textContent).caption).to.equal(
      'Un salon de discussion',
    );
    await waitUntil(() => broken.shadowRoot!.querySelector('.unavailable'), 'missing image shown as unavailable');
    expect(text(broken.shadowRoot!.querySelector('.unavailable'))).to.equal('Image indisponible');

    // Zoom: open the dialog (renders an image, caption and credit) and close it.
    first.shadowRoot!.querySelector<HTMLButtonElement>('.zoom')!.click();
    await waitUntil(() => first.shadowRoot!.querySelector('dialog')?.open, 'zoom dialog open');
    expect(first.shadowRoot!.querySelector('dialog img')!.getAttribute('src')).to.contain('figure-wide');
    first.shadowRoot!.querySelector<HTMLButtonElement>('dialog .close')!.click();
    await waitUntil(() => !first.shadowRoot!.querySelector('dialog')!.open, 'zoom dialog closed');

    // Reading times: measured range and time left.
    const [range, remaining] = [...doc.querySelectorAll<Lit>('article > p > lede-reading-time')];
    await waitUntil(() => text(range.shadowRoot) && text(remaining.shadowRoot), 'reading times shown');
    expect(text(range.shadowRoot)).to.match(/^\d+–\d+ minutes? de lecture$|^\d+ minutes? de lecture$/);
    expect(text(remaining.shadowRoot)).to.match(/^Encore \d+ minutes?$|^\d+ minutes? de lecture$/);

    // Comment form: validation errors, then the server's field errors, then a sent comment.
    const form = doc.querySelector<Lit>('lede-comment-form')!;
    const root = form.shadowRoot!;
    const submit = () => root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    submit();
    await form.updateComplete;
    expect(text(root.querySelector('#name-error'))).to.equal('Veuillez remplir ce champ.');
    const values = {
      name: 'Anne',
      email: 'anne@example.fr',
      url: 'https://anne.example.fr',
      content: 'Merci pour cet article.',
    };
    for (const [id, value] of Object.entries(values)) {
      const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
    }
    root.querySelector<HTMLInputElement>('#remember')!.click();
    await form.updateComplete;
    submit();
    await waitUntil(
      () => text(root.querySelector('[role=alert]')) === 'Veuillez corriger les champs signalés.',
      'field errors shown',
    );
    expect(text(root.querySelector('#email-error'))).to.equal('This address is not accepted here.');
    submit();
    await waitUntil(() => root.querySelector('[part=status]'), 'comment sent');
    expect(text(root.querySelector('[part=status]'))).to.contain('Merci');
    const received = await (await fetch(`/test-api/received?log=${log}`)).json();
    expect(received.comments).to.have.length(1);
    expect(received.comments[0]).to.include({ name: 'Anne', content: 'Merci pour cet article.' });

    // Comment thread: WordPress's content.rendered read as text and links, then a reply form opened.
    const thread = doc.querySelector<Lit>('lede-comments')!;
    await waitUntil(() => thread.shadowRoot!.querySelector('[part=comment]'), 'the thread');
    expect(text(thread.shadowRoot!.querySelector('[part=heading]'))).to.equal('2 commentaires');
    expect(thread.shadowRoot!.querySelector('[part=content] a')!.getAttribute('href')).to.equal(
      'https://example.org/source',
    );
    thread.shadowRoot!.querySelector<HTMLButtonElement>('[part=reply]')!.click();
    await waitUntil(() => thread.shadowRoot!.querySelector('[part=reply-form] lede-comment-form'), 'the reply form');
    // A reply is sent the WordPress way: WordPress's error page is read as text, without DOMParser (which Trusted
    // Types would refuse a string).
    const reply = thread.shadowRoot!.querySelector<Lit>('[part=reply-form] lede-comment-form')!;
    await reply.updateComplete;
    for (const [id, value] of Object.entries(values)) {
      const input = reply.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
    }
    await pause(3100); // the form's `min-time`: a reply sent sooner is taken for a robot's
    reply.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await waitUntil(
      () => text(reply.shadowRoot!.querySelector('[role=alert]')) === 'Refused: too soon.',
      'WordPress’s message shown',
      { timeout: 5000 },
    );

    // Changing the language re-renders everything under the same policy.
    doc.documentElement.lang = 'en';
    await pause(50);
    await Promise.all([...doc.querySelectorAll<Lit>(TAGS.join(','))].map((el) => el.updateComplete));
    expect(text(meta.querySelector('[part=date]'))).to.equal('November 27, 2019');

    await pause(200); // violation reports are queued as tasks
    expect(win.violations, JSON.stringify(win.violations, null, 1)).to.deep.equal([]);
    expect(win.errors, 'uncaught errors').to.deep.equal([]);
  });

  it('loads the bundle twice (two plugins) with zero violations and no error', async () => {
    const { win, doc } = await open(`log=${newLog()}&twice=1`);
    await pause(200);
    const header = doc.querySelector<Lit>('lede-article-header')!;
    expect(text(header.shadowRoot!.querySelector('[part=date]'))).to.equal('Le 27 novembre 2019');
    expect(win.violations, JSON.stringify(win.violations, null, 1)).to.deep.equal([]);
    expect(win.errors, 'uncaught errors').to.deep.equal([]);
  });
});
