import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { frames } from '../support/helpers.js';

// For every element, a table of wrong values per attribute (empty, whitespace, 10 000 characters, wrong type, negative,
// far-future and ancient dates, malformed URLs, unknown language tags), each set on an otherwise valid element in an
// article. The element must render without an exception, warn at most once per attribute (also across re-renders and
// a language change), and never show "Invalid Date", "NaN", "undefined" or "[object …]", in its text or in the
// attributes it computes. The same for every attribute at once, and for properties set from script with the wrong type.

const LONG = 'x'.repeat(10_000);
const LONG_WORDS = 'mot '.repeat(2_500);
const LONG_NUMBER = '9'.repeat(10_000);
const LONG_URL = `/test/fixtures/${'a'.repeat(10_000)}.svg`;
const LONG_LANG = `en-${'a'.repeat(8)}-`.repeat(1_000);
const WIDE = '/test/fixtures/figure-wide.svg';

const BLANK = ['', '   ', '\n\t '];
const TEXT = [...BLANK, LONG, LONG_WORDS, '\u200b', '\u0000', '🙂'.repeat(50), '{date}{n}', 'مرحبا'];
const NUMBER = [
  ...BLANK,
  LONG_NUMBER,
  'abc',
  '-1',
  '-0',
  '0',
  '-999999',
  '1e999',
  '-Infinity',
  'NaN',
  '3.7',
  '0x10',
  '5px',
  '١٢',
  '[]',
  '{}',
  'true',
];
const DATE = [
  ...BLANK,
  LONG,
  'hier',
  'NaN',
  'Invalid Date',
  '1574812800000',
  '27/11/2019',
  '2019-13-01',
  '2019-02-30',
  '2019-11-27T25:00',
  '2019-11-27T10:00+25:00',
  '9999-12-31',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13',
  '275760-09-13',
  '2999-01-01T00:00:00Z',
  '0000-01-01',
  '0001-01-01',
  '1066-10-14',
  '-000001-01-01',
];
const URL_VALUES = [
  ...BLANK,
  LONG_URL,
  'undefined',
  'http://',
  'https://',
  'http://[::1',
  'https://exa mple.org/x.png',
  '//',
  '::::',
  'http://%zz/',
  'ftp://example.org/x.png',
  'mailto:anne@example.fr',
  'javascript:alert(1)',
  'data:image/png;base64,AAAA',
  '\\\\server\\share\\x.png',
  '/test/fixtures/missing.svg',
];
const SRCSET = [...URL_VALUES, ', , ,', '1x', `${WIDE} 2q`, `${WIDE} -1x, ${WIDE} 0w`, `${WIDE} 1x,`.repeat(500)];
const LANG = [
  ...BLANK,
  LONG_LANG,
  'xx',
  'zz-ZZ',
  'not a tag!',
  'en_US',
  'i-klingon',
  'x-private',
  'qaa',
  'und',
  'root',
  'EN',
  'fr-',
  '-fr',
  '12',
];
const ID = [...BLANK, LONG, 'missing', '#story', 'story ', '1'];
const ENUM = [...BLANK, LONG, 'fancy', 'LONG', 'Eager', '0', 'true'];
const BOOL = ['false', '0', 'no', LONG];
const ZONE = [...BLANK, LONG, 'Mars/Olympus', 'UTC+2', '+05:00', 'utc', 'Europe/Paris ', 'GMT-14'];

interface Spec {
  tag: string;
  /** Valid attributes the bad one is added to. */
  base: Record<string, string>;
  table: Record<string, readonly string[]>;
  /** Properties set from script with the wrong type. */
  props: Array<[string, () => unknown]>;
}

const SPECS: Spec[] = [
  {
    tag: 'lede-article-header',
    base: {
      headline: 'Europol perturbe la propagande',
      published: '2019-11-27',
      author: 'Anne Dupont',
      site: 'Le Quotidien',
      'structured-data': '',
    },
    table: {
      lang: LANG,
      headline: TEXT,
      'heading-level': NUMBER,
      site: TEXT,
      'site-href': URL_VALUES,
      published: DATE,
      updated: DATE,
      'date-style': [...ENUM, 'relative '],
      'time-zone': ZONE,
      author: [...TEXT, ',,,', ' , Anne ,, '],
      'author-href': URL_VALUES,
      'reading-time': NUMBER,
      'reading-time-minutes': NUMBER,
      'reading-time-for': ID,
      'structured-data': BOOL,
      image: [...URL_VALUES, `${WIDE} javascript:alert(1)`],
      'site-logo': URL_VALUES,
    },
    props: [
      ['published', () => new Date('2019-11-27')],
      ['modified', () => 1574812800000],
      ['headline', () => 42],
      ['site', () => 42],
      ['author', () => ['Anne Dupont', 'Paul Martin']],
      ['authorHref', () => new URL('https://example.org/anne')],
      ['readingTime', () => '5'],
      ['headingLevel', () => '2'],
      ['timeZone', () => 1],
      ['dateStyle', () => null],
    ],
  },
  {
    tag: 'lede-figure',
    base: {
      src: WIDE,
      alt: 'Des comptes supprimés',
      width: '800',
      height: '400',
      caption: 'Légende',
      credit: 'Europol',
    },
    table: {
      lang: LANG,
      src: URL_VALUES,
      alt: TEXT,
      width: NUMBER,
      height: NUMBER,
      srcset: SRCSET,
      sizes: [...TEXT, '(max-width: ) 10vw', '-5px'],
      loading: ENUM,
      priority: BOOL,
      caption: TEXT,
      credit: TEXT,
      'credit-href': URL_VALUES,
      license: URL_VALUES,
      creator: TEXT,
      copyright: TEXT,
      'acquire-license-page': URL_VALUES,
      'credit-position': ENUM,
      'show-labels': BOOL,
      zoomable: BOOL,
    },
    props: [
      ['src', () => new URL(WIDE, location.href)],
      ['width', () => '800'],
      ['height', () => null],
      ['caption', () => 42],
      ['credit', () => ({ name: 'AFP' })],
      ['creditHref', () => new URL('https://example.org/credit')],
      ['srcset', () => [`${WIDE} 1x`]],
      ['alt', () => 0],
      ['creditPosition', () => undefined],
    ],
  },
  {
    tag: 'lede-reading-time',
    base: {},
    table: { lang: LANG, for: ID, wpm: NUMBER, minutes: NUMBER, range: BOOL, remaining: BOOL },
    props: [
      ['minutes', () => '5'],
      ['wpm', () => '250'],
      ['for', () => 42],
      ['minutes', () => null],
    ],
  },
  {
    tag: 'lede-comment-form',
    base: { action: '/test-api/comments', 'post-id': '42' },
    table: {
      lang: LANG,
      action: URL_VALUES,
      protocol: ENUM,
      'post-id': TEXT,
      'parent-id': [...TEXT, '-1'],
      'csrf-token': TEXT,
      'no-website': BOOL,
      'require-email': [...BOOL, '', 'FALSE'],
      remember: BOOL,
      'max-length': NUMBER,
      timeout: NUMBER,
      'min-time': NUMBER,
    },
    props: [
      ['action', () => new URL('/test-api/comments', location.href)],
      ['maxLength', () => '100'],
      ['timeout', () => '5000'],
      ['postId', () => 42],
      ['requireEmail', () => 'false'],
      ['minTime', () => null],
    ],
  },
  {
    tag: 'lede-comments',
    // test/support/comment-list.js: two comments and a reply.
    base: { src: '/test-list/comments', 'post-id': 'pair' },
    table: {
      lang: LANG,
      src: URL_VALUES,
      action: URL_VALUES,
      'post-id': TEXT,
      protocol: ENUM,
      'max-depth': NUMBER,
      order: ENUM,
      remember: BOOL,
      'no-website': BOOL,
      'require-email': [...BOOL, '', 'FALSE'],
      'max-length': NUMBER,
    },
    props: [
      ['src', () => new URL('/test-list/comments', location.href)],
      ['maxDepth', () => '2'],
      ['postId', () => 42],
      ['order', () => null],
      ['protocol', () => undefined],
    ],
  },
];

const BAD_WORDS = /Invalid Date|\bNaN\b|\bundefined\b|\[object /;
const COMPUTED = [
  'datetime',
  'title',
  'aria-label',
  'aria-describedby',
  'alt',
  'width',
  'height',
  'maxlength',
  'src',
  'srcset',
  'href',
  'id',
  'for',
];

type Lit = HTMLElement & { updateComplete: Promise<boolean>; requestUpdate(): void };

/** Every element an element renders, nested shadow roots included. */
function rendered(host: Element): Element[] {
  const root = host.shadowRoot;
  return root ? [...root.querySelectorAll('*')].flatMap((el) => [el, ...rendered(el)]) : [];
}
function shadowText(host: Element): string {
  return (
    (host.shadowRoot?.textContent ?? '') +
    rendered(host)
      .map((el) => (el.shadowRoot ? shadowText(el) : ''))
      .join(' ')
  );
}

interface Outcome {
  el: Lit;
  warnings: string[];
  others: string[];
  errors: string[];
}

/**
 * Mounts `tag` with `attributes` (then `setup`) in an article, re-renders it, switches the page language and lets
 * images settle, recording warnings, other console output and uncaught errors throughout.
 */
async function exercise(tag: string, attributes: Record<string, string>, setup?: (el: Lit) => void): Promise<Outcome> {
  const warnings: string[] = [];
  const others: string[] = [];
  const errors: string[] = [];
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => {
    const message = args.map(String).join(' ');
    (message.startsWith('[lede]') ? warnings : others).push(message);
  };
  console.error = (...args: unknown[]) => others.push(args.map(String).join(' '));
  const onError = (event: ErrorEvent) => errors.push(String(event.message));
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  const el = document.createElement(tag) as Lit;
  try {
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    setup?.(el);
    const article = await fixture<HTMLElement>(html`<article id="story" lang="fr">
      <p>${'Les enquêteurs ont signalé des comptes pendant deux jours. '.repeat(60)}</p>
      ${el}
    </article>`);
    await el.updateComplete;
    for (let i = 0; i < 2; i++) {
      el.requestUpdate();
      await el.updateComplete;
    }
    if (tag === 'lede-comment-form') {
      // Submitted as the browser would; a form without a usable action has no button, only a notice.
      el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
      await el.updateComplete;
    }
    article.lang = 'en'; // seen by a MutationObserver, which re-renders in a microtask
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    const images = rendered(el).filter(
      (node): node is HTMLImageElement => node instanceof HTMLImageElement && !!node.getAttribute('src'),
    );
    const settled = (img: HTMLImageElement): Promise<unknown> =>
      img.complete
        ? Promise.resolve()
        : new Promise((resolve) => {
            for (const type of ['load', 'error']) img.addEventListener(type, resolve, { once: true });
            setTimeout(resolve, 300); // a lazy image out of view never settles
          });
    if (images.length) {
      await Promise.all(images.map(settled));
      await frames();
    }
    await el.updateComplete;
  } finally {
    Object.assign(console, { warn, error });
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  }
  return { el, warnings, others, errors };
}

/** The checks every case shares. `given` is the bad value: text that repeats it verbatim is not a fault. */
function expectSound({ el, warnings, others, errors }: Outcome, given: string): void {
  expect(errors, 'uncaught errors').to.deep.equal([]);
  expect(
    others.filter((m) => !m.includes('Lit is in dev mode')),
    'other console output',
  ).to.deep.equal([]);
  const counts = new Map<string, number>();
  for (const message of warnings) {
    const key = /^\[lede\] <([\w-]+)> ([\w-]+):/.exec(message)?.slice(1).join(' ') ?? message;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, count] of counts) expect(count, `warnings for ${key}: ${warnings.join(' | ')}`).to.equal(1);
  const bad = (text: string) => BAD_WORDS.test(text) && !BAD_WORDS.test(given);
  const text = shadowText(el);
  expect(bad(text), `rendered text: ${text.replace(/\s+/g, ' ').slice(0, 300)}`).to.be.false;
  for (const node of rendered(el)) {
    for (const name of COMPUTED) {
      const value = node.getAttribute(name);
      if (value !== null) expect(bad(value), `<${node.localName} ${name}="${value.slice(0, 100)}">`).to.be.false;
    }
  }
  for (const script of el.querySelectorAll(':scope > script')) {
    expect(bad(script.textContent), `JSON-LD ${script.textContent.slice(0, 200)}`).to.be.false;
    expect(() => JSON.parse(script.textContent)).not.to.throw();
  }
}

const show = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 30)}…(${value.length})` : value);

describe('bad attributes', () => {
  for (const { tag, base, table, props } of SPECS) {
    describe(`<${tag}>`, () => {
      it('renders the valid baseline without any warning', async () => {
        const outcome = await exercise(tag, base);
        expectSound(outcome, '');
        expect(outcome.warnings).to.deep.equal([]);
      });

      for (const [attribute, values] of Object.entries(table)) {
        for (const value of values) {
          it(`${attribute}=${show(value)}`, async () => {
            expectSound(await exercise(tag, { ...base, [attribute]: value }), value);
          });
        }
      }

      for (const value of ['', '   ', LONG, '-1', 'abc', 'javascript:alert(1)']) {
        it(`every attribute at once = ${show(value)}`, async () => {
          const all = Object.fromEntries(Object.keys(table).map((attribute) => [attribute, value]));
          const outcome = await exercise(tag, all);
          expectSound(outcome, value);
        });
      }

      for (const [property, make] of props) {
        it(`property ${property} = ${show(String(make()))} (${typeof make()}, set from script)`, async () => {
          const outcome = await exercise(
            tag,
            base,
            (el) => ((el as unknown as Record<string, unknown>)[property] = make()),
          );
          expectSound(outcome, String(make()));
        });
      }
    });
  }
});
