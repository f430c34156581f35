import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { LedeArticleHeader, LedeCommentForm, LedeFigure, LedeReadingTime } from '../../src/index.js';
import { PAYLOADS, schemeOf } from './payloads.js';
import { fill, frames } from '../support/helpers.js';

// Every payload of payloads.ts, into every attribute and slot of every element, every field of the comment form, the
// drafts it restores, and the error messages a server sends back (test/support/comment-endpoint.js, modes `echo`).
// For each: the trap `__xss()` that every payload calls is never called, no `javascript:`, `vbscript:` or `data:`
// URL reaches an `href`, `src` or `srcset` rendered by an element (shadow roots walked, nested ones included), the
// shadow trees hold only the elements the templates write (no parsed markup, no `on*` attribute), JSON-LD stays
// inert, and the text is shown exactly as given.

type Win = Window & typeof globalThis & { __xss: () => void };

const calls: string[] = [];
let current = '';
(window as Win).__xss = () => void calls.push(current);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every element an element renders: its shadow tree and the shadow trees of the elements in it. */
function rendered(host: Element): Element[] {
  const root = host.shadowRoot;
  if (!root) return [];
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...rendered(el)]);
}

/** What the templates of the five elements write; anything else would be markup parsed from input. */
const TEMPLATE_TAGS = new Set(
  'header p div slot a h1 h2 h3 h4 h5 h6 time span lede-reading-time figure img button figcaption dialog form label input textarea section ol li article lede-comment-form'.split(
    ' ',
  ),
);
const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'xlink:href',
  'data',
  'background',
  'ping',
];
const HOSTILE = new Set(['javascript:', 'vbscript:', 'data:']);

/** Everything wrong with what `host` rendered, as readable lines; [] when all is well. */
function problems(host: Element): string[] {
  const found: string[] = [];
  for (const el of rendered(host)) {
    if (!TEMPLATE_TAGS.has(el.localName)) found.push(`<${el.localName}> rendered`);
    for (const { name, value } of el.attributes) {
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc')
        found.push(`<${el.localName} ${name}> rendered`);
      if (!URL_ATTRIBUTES.includes(name)) continue;
      const urls = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]) : [value];
      for (const url of urls) {
        let parsed = '';
        try {
          parsed = new URL(url, document.baseURI).protocol;
        } catch {
          // Unparsable: the browser does not follow it either.
        }
        if (HOSTILE.has(schemeOf(url)) || HOSTILE.has(parsed)) found.push(`<${el.localName} ${name}="${value}">`);
      }
    }
  }
  for (const a of rendered(host).filter(
    (el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement && el.hasAttribute('href'),
  )) {
    if (HOSTILE.has(a.protocol)) found.push(`a.href ${a.href}`);
  }
  // Light DOM: the only thing an element adds there is its JSON-LD, which must stay inert data.
  for (const script of host.querySelectorAll(':scope > script')) {
    if (script.getAttribute('type') !== 'application/ld+json')
      found.push(`light <script type=${script.getAttribute('type')}>`);
    const json = script.textContent ?? '';
    if (json.includes('<')) found.push('JSON-LD holds "<"');
    try {
      const visit = (value: unknown, key = ''): void => {
        if (
          typeof value === 'string' &&
          /url$|license/i.test(key) &&
          !/^https?:$/.test(new URL(value, document.baseURI).protocol)
        ) {
          found.push(`JSON-LD ${key}: ${value}`);
        }
        if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
      };
      visit(JSON.parse(json));
    } catch (error) {
      found.push(`JSON-LD unreadable: ${String(error)}`);
    }
  }
  return found;
}

/** Waits for images to fail and handlers to have had their chance, then checks the trap and the rendering. */
async function expectInert(...hosts: Element[]): Promise<void> {
  await frames();
  await pause(20);
  for (const host of hosts) expect(problems(host), host.localName).to.deep.equal([]);
  expect(calls, 'the trap was called').to.deep.equal([]);
}

const slotText = (host: Element, name: string) => host.shadowRoot!.querySelector(`slot[name=${name}]`)!.textContent;
const jsonLd = (host: Element) => {
  const script = host.querySelector(':scope > script[type="application/ld+json"]');
  return script ? JSON.parse(script.textContent) : undefined;
};
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Silences the warnings bad values are expected to cause, so the run's output stays readable. */
let warn: typeof console.warn;
before(() => {
  warn = console.warn;
  console.warn = () => {};
});
after(() => (console.warn = warn));

function clearStorage() {
  for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comment')) localStorage.removeItem(key);
}

let logs = 0;
const newLog = () => `xss${Date.now().toString(36)}${logs++}`;
async function received(log: string) {
  return (await fetch(`/test-api/received?log=${log}`)).json() as Promise<{
    requests: Array<{ body: string }>;
    comments: unknown[];
  }>;
}

const VALID = { email: 'anne@example.fr', url: 'https://anne.example.fr' };

/**
 * The value an input holds after `input.value = text`, per HTML's value sanitization: a text input strips line
 * breaks; email and url inputs strip them and then leading and trailing ASCII whitespace; a textarea keeps both.
 */
function sanitized(id: string, text: string): string {
  if (id === 'content') return text;
  const stripped = text.replace(/[\r\n]/g, '');
  return id === 'name' ? stripped : stripped.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
}

describe('injection', () => {
  it('has at least 40 payloads, each calling the trap', () => {
    expect(PAYLOADS.length).to.be.at.least(40);
    const decoded = (p: string) => (p.includes(';base64,') ? atob(p.split(',')[1]) : p);
    for (const payload of PAYLOADS.filter(
      (p) => !/^(vbscript|DATA:image\/png|__proto__|\{"__proto__"|\{date\})/.test(p),
    )) {
      expect(decoded(payload), 'calls the trap').to.contain('__xss(');
    }
  });

  it('the checks catch markup, event handlers and hostile URLs (they can fail)', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const a = document.createElement('a');
    a.href = 'javascript:void 0';
    const img = document.createElement('img');
    img.setAttribute('onerror', 'void 0');
    img.srcset = 'x.png 1x, data:image/png;base64,AAAA 2x';
    root.append(a, img, document.createElement('script'));
    const found = problems(host);
    expect(found)
      .to.include('<script> rendered')
      .and.include('<img onerror> rendered')
      .and.include('<a href="javascript:void 0">');
    expect(found.some((line) => line.startsWith('<img srcset='))).to.be.true;
    (window as Win).__xss();
    expect(calls).to.have.length(1);
    calls.length = 0;
  });

  PAYLOADS.forEach((payload, i) => {
    const name = `#${i + 1} ${JSON.stringify(payload)}`;
    describe(name, () => {
      beforeEach(() => {
        current = name;
        clearStorage();
      });
      afterEach(clearStorage);

      it('<lede-article-header>: every attribute, shown as text, JSON-LD inert', async () => {
        const el = await fixture<LedeArticleHeader>(html`<lede-article-header
          lang=${payload}
          headline=${payload}
          heading-level=${payload}
          site=${payload}
          site-href=${payload}
          published=${payload}
          updated=${payload}
          date-style=${payload}
          time-zone=${payload}
          author=${payload}
          author-href=${payload}
          reading-time=${payload}
          reading-time-for=${payload}
          structured-data
        ></lede-article-header>`);
        await el.updateComplete;
        const root = el.shadowRoot!;
        expect(root.querySelector('[part=headline] h1')!.textContent).to.equal(payload);
        expect(root.querySelector('[part=site]')!.textContent).to.equal(payload.trim());
        const authors = payload
          .split(',')
          .map((author) => author.trim())
          .filter(Boolean);
        for (const author of authors) expect(slotText(el, 'byline')).to.contain(author);
        const data = jsonLd(el);
        expect(data.headline).to.equal(payload.trim());
        expect(data.publisher.name).to.equal(payload.trim());
        expect(data.author.map((a: { name: string }) => a.name)).to.deep.equal(authors);
        await expectInert(el);
      });

      it('<lede-comments>: every field of a listed comment, from the page and from WordPress, shown as text', async () => {
        const listed = [{ id: 1, parent: null, name: payload, url: payload, content: payload, created: payload }];
        const fromPage = document.createElement('lede-comments');
        fromPage.lang = 'en';
        fromPage.append(
          Object.assign(document.createElement('script'), {
            type: 'application/json',
            textContent: JSON.stringify(listed),
          }),
        );
        const wordpress = document.createElement('lede-comments');
        Object.assign(wordpress, {
          lang: 'en',
          protocol: 'wordpress',
          postId: 'echo',
          src: `/test-list/wp-json/wp/v2/comments?say=${encodeURIComponent(payload)}`,
        });
        await fixture(html`<div>${fromPage}${wordpress}</div>`);
        await waitUntil(() => wordpress.count !== undefined, 'the WordPress list');
        await Promise.all([fromPage.updateComplete, wordpress.updateComplete]);
        const comment = fromPage.shadowRoot!.querySelector('[part=comment]')!;
        expect(comment.querySelector('[part=author]')!.textContent).to.equal(payload.trim() || 'Anonymous');
        const paragraphs = [...comment.querySelectorAll('[part=content] p')].map((p) => p.textContent).join('\n\n');
        expect(squash(paragraphs)).to.equal(squash(payload));
        fromPage.querySelector('script')!.remove(); // the page's list, read: not something the element added
        await expectInert(fromPage, wordpress);
      });

      it('<lede-article-header>: every slot, read as text', async () => {
        const el = document.createElement('lede-article-header');
        el.setAttribute('structured-data', '');
        el.setAttribute('site', 'Le Quotidien');
        el.setAttribute('published', '2019-11-27');
        const h2 = Object.assign(document.createElement('h2'), { textContent: payload });
        const standfirst = Object.assign(document.createElement('p'), { slot: 'standfirst', textContent: payload });
        const byline = Object.assign(document.createElement('span'), { slot: 'byline', textContent: payload });
        el.append(h2, standfirst, byline);
        await fixture(html`<div>${el}</div>`);
        await el.updateComplete;
        expect(jsonLd(el).headline).to.equal(squash(payload));
        expect([...el.children].slice(0, 3)).to.deep.equal([h2, standfirst, byline]);
        expect(h2.childElementCount + standfirst.childElementCount + byline.childElementCount).to.equal(0);
        await expectInert(el);
      });

      it('<lede-figure>: every attribute, shown as text, in the zoom dialog too', async () => {
        const el = await fixture<LedeFigure>(html`<lede-figure
          lang=${payload}
          src=${payload}
          alt=${payload}
          width=${payload}
          height=${payload}
          srcset=${payload}
          sizes=${payload}
          loading=${payload}
          caption=${payload}
          credit=${payload}
          credit-href=${payload}
          license=${payload}
          credit-position=${payload}
          zoomable
          show-labels
        ></lede-figure>`);
        await el.updateComplete;
        const root = el.shadowRoot!;
        expect(root.querySelector('[part=image]')!.getAttribute('alt')).to.equal(payload);
        expect(slotText(el, 'caption')).to.equal(payload);
        expect(slotText(el, 'credit')).to.equal(payload);
        const data = jsonLd(el);
        if (data) expect(data.caption).to.equal(payload.trim());
        root.querySelector<HTMLButtonElement>('.zoom')!.click();
        await waitUntil(() => root.querySelector('dialog')?.open, 'zoom dialog open');
        const dialog = root.querySelector('dialog')!;
        expect(dialog.querySelector('img')!.getAttribute('alt')).to.equal(payload);
        expect(dialog.getAttribute('aria-label')).to.equal(payload);
        expect(dialog.querySelector('p')!.textContent).to.contain(payload.trim());
        await expectInert(el);
        dialog.close();
      });

      it('<lede-figure>: every slot and a light-DOM image, read as text', async () => {
        const el = document.createElement('lede-figure');
        el.setAttribute('zoomable', '');
        el.setAttribute('credit-href', payload);
        el.setAttribute('license', payload);
        const img = Object.assign(document.createElement('img'), {
          src: '/test/fixtures/figure-wide.svg',
          alt: payload,
          width: 800,
          height: 400,
        });
        const caption = Object.assign(document.createElement('span'), { slot: 'caption', textContent: payload });
        const credit = Object.assign(document.createElement('span'), { slot: 'credit', textContent: payload });
        el.append(img, caption, credit);
        await fixture(html`<div>${el}</div>`);
        await el.updateComplete;
        const data = jsonLd(el);
        expect(data.caption).to.equal(payload.trim());
        expect(data.creditText).to.equal(payload.trim());
        const root = el.shadowRoot!;
        root.querySelector<HTMLButtonElement>('.zoom')!.click();
        await waitUntil(() => root.querySelector('dialog')?.open, 'zoom dialog open');
        const dialog = root.querySelector('dialog')!;
        expect(dialog.querySelector('img')!.getAttribute('alt')).to.equal(payload);
        expect(dialog.querySelector('p')!.textContent).to.contain(payload.trim());
        await expectInert(el);
        dialog.close();
      });

      it('<lede-reading-time>: every attribute, and the text it measures', async () => {
        const article = await fixture<HTMLElement>(html`<article>
          <p>${payload} ${'mot '.repeat(600)}</p>
          <p id=${payload}>${payload}</p>
          <lede-reading-time lang=${payload} wpm=${payload} minutes=${payload} range></lede-reading-time>
          <lede-reading-time lang=${payload} for=${payload} remaining></lede-reading-time>
          <lede-reading-time lang=${payload} minutes=${payload} for=${payload} wpm=${payload} remaining range></lede-reading-time>
        </article>`);
        const times = [...article.querySelectorAll<LedeReadingTime>('lede-reading-time')];
        await Promise.all(times.map((el) => el.updateComplete));
        await frames();
        for (const el of times)
          expect(el.shadowRoot!.textContent.trim()).to.match(/^$|^\d+(–\d+)? min (read|left)$|^Finished reading$/);
        expect(times[0].shadowRoot!.textContent.trim()).to.match(/^\d+(–\d+)? min read$/);
        await expectInert(...times);
      });

      it('<lede-comment-form>: every attribute and slot', async () => {
        const log = newLog();
        const el = await fixture<LedeCommentForm>(html`<lede-comment-form
          lang=${payload}
          action=${payload}
          protocol=${payload}
          post-id=${payload}
          parent-id=${payload}
          csrf-token=${payload}
          require-email=${payload}
          max-length=${payload}
          timeout=${payload}
          min-time=${payload}
          remember
        >
          <h2 slot="heading">${payload}</h2>
          <span slot="notice">${payload}</span>
        </lede-comment-form>`);
        await el.updateComplete;
        const slot = (name: string) =>
          el.shadowRoot!.querySelector<HTMLSlotElement>(`slot[name=${name}]`)!.assignedElements();
        expect(slot('heading').map((node) => node.textContent)).to.deep.equal([payload]);
        expect(slot('notice').map((node) => node.textContent)).to.deep.equal([payload]);
        // The payload may be a usable relative action or not (then a notice replaces the button): submit either way.
        el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('#content-error')!.textContent).to.equal('Please fill in this field.');
        await expectInert(el);
        expect((await received(log)).requests).to.have.length(0);
      });

      it('<lede-comment-form>: every field, sent intact, and the server’s error messages shown as text', async () => {
        const log = newLog();
        const action = `/test-api/comments?log=${log}&mode=echo&say=${encodeURIComponent(payload)}`;
        const el = await fixture<LedeCommentForm>(html`<lede-comment-form
          lang="en"
          action=${action}
          post-id=${payload}
          parent-id=${payload}
          min-time="0"
        ></lede-comment-form>`);
        const root = el.shadowRoot!;
        const errorOf = (id: string) => root.querySelector(`#${id}-error`)?.textContent;
        const fields = { name: payload, email: payload, url: payload, content: payload };
        await fill(el, fields);
        root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
        await el.updateComplete;
        const tooLong = (id: string, max: number) => {
          const over = sanitized(id, payload).trim().length - max;
          return over > 0 && `Please remove ${over} character${over === 1 ? '' : 's'}.`;
        };
        expect(errorOf('email')).to.equal(tooLong('email', 100) || 'Please enter a valid email address.');
        expect(errorOf('url')).to.equal(tooLong('url', 200) || 'Please enter a web address, such as example.org.');
        for (const id of Object.keys(fields))
          expect(root.querySelector<HTMLInputElement>(`#${id}`)!.value, id).to.equal(sanitized(id, payload));
        await expectInert(el);

        await fill(el, VALID);
        const failed = oneEvent(el, 'lede-comment-error');
        root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
        expect(((await failed) as unknown as { reason: string }).reason).to.equal('fields');
        await el.updateComplete;
        const { requests } = await received(log);
        expect(requests).to.have.length(1);
        const name = sanitized('name', payload).trim();
        expect(JSON.parse(requests[0].body)).to.deep.equal({
          post: payload,
          parent: payload,
          name,
          content: payload.trim(),
          ...VALID,
        });
        for (const id of ['name', 'email', 'url', 'content']) expect(errorOf(id), id).to.equal(payload);
        expect(root.querySelector<HTMLInputElement>('#content')!.value).to.equal(payload);
        await expectInert(el);
      });

      it('<lede-comment-form>: a WordPress error page pasting it in as markup', async () => {
        const log = newLog();
        const action = `/test-api/wp-comments-post.php?log=${log}&mode=echo&say=${encodeURIComponent(payload)}`;
        const el = await fixture<LedeCommentForm>(html`<lede-comment-form
          lang="en"
          protocol="wordpress"
          action=${action}
          post-id="42"
          min-time="0"
        ></lede-comment-form>`);
        await fill(el, { name: 'Anne', content: 'Bonjour', ...VALID });
        const failed = oneEvent(el, 'lede-comment-error');
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
        await failed;
        await el.updateComplete;
        const alert = el.shadowRoot!.querySelector('[role=alert]')!;
        expect(alert.textContent.trim(), 'a message is shown').not.to.equal('');
        expect(alert.childElementCount, 'no element from the page').to.equal(0);
        expect(el.shadowRoot!.querySelector<HTMLInputElement>('#content')!.value).to.equal('Bonjour');
        await expectInert(el);
      });

      it('<lede-comment-form>: a stored draft and identity, restored as values', async () => {
        localStorage.setItem(`lede-comment:/test-api/comments|42`, JSON.stringify({ content: payload, key: payload }));
        localStorage.setItem('lede-comment-identity', JSON.stringify({ name: payload, email: payload, url: payload }));
        const el = await fixture<LedeCommentForm>(html`<lede-comment-form
          lang="en"
          action="/test-api/comments"
          post-id="42"
          remember
        ></lede-comment-form>`);
        await el.updateComplete;
        await el.updateComplete;
        for (const id of ['name', 'email', 'url', 'content']) {
          expect(el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!.value, id).to.equal(sanitized(id, payload));
        }
        await expectInert(el);
      });
    });
  });

  after(async () => {
    await pause(300); // late image errors
    expect(calls, 'the trap was called').to.deep.equal([]);
  });
});
