/**
 * dist/autoloader.js (`lede-elements/autoloader`): one script tag, and a page loads only what the reader uses.
 *
 *   <script type="module" src="https://cdn.example/lede-elements@0.1/dist/autoloader.js"></script>
 *
 * It defines the `lede-*` tags present in the document and those added later (a MutationObserver on the document),
 * and those inside a shadow root when asked (`discover(root)`). Each element's module is loaded from beside this
 * file (`./figure.js`, resolved against this module's own URL), so it works from any host or CDN path; those modules
 * share one copy of Lit in `chunks/`. When a module loads:
 * - the comment form and the comment thread: when they come within one viewport height of being seen;
 * - a header, figure or reading time rendered on the server (declarative shadow DOM), which shows all its content
 *   without script: when it needs its script (see `wakeWhenNeeded`);
 * - any other: at once;
 * - any: when the reader reaches for it (pointer, touch, focus), or when the page asks (`load('lede-comments')`).
 * A server-rendered page gets `hydrate-support.js` before the first element, as it must run before Lit.
 *
 * It imports nothing, Lit least of all: it is what every page pays.
 */
const TAGS = ['lede-article-header', 'lede-figure', 'lede-reading-time', 'lede-comment-form', 'lede-comments'];
/** Loaded when near the viewport, not at once: read minutes after the page opens, if ever. */
const LAZY = ['lede-comment-form', 'lede-comments'];
/**
 * Attributes naming another element whose changes a server-rendered element shows: the text whose reading time it
 * gives, the comment section whose count it links to.
 */
const FOLLOWED = ['for', 'reading-time-for', 'comments-for'];
const here = import.meta.url;

const loaded = new Map<string, Promise<unknown>>();
/** Whether the page has server-rendered elements, so that hydrate-support.js must come before Lit. */
let serverRendered = false;
let hydrating: Promise<unknown> | undefined;

const module = (name: string): Promise<unknown> => import(/* @vite-ignore */ new URL(`./${name}.js`, here).href);

/**
 * Loads and defines one Lede element now (a tag such as `lede-comment-form`), whatever the page shows. Resolves when
 * the tag is defined; rejects for a tag that is not Lede's.
 */
export function load(tag: string): Promise<unknown> {
  tag = tag.toLowerCase();
  if (!TAGS.includes(tag)) return Promise.reject(new Error(`[lede] autoloader: no element <${tag}>`));
  let done = loaded.get(tag);
  if (!done) {
    const first = serverRendered ? (hydrating ??= module('hydrate-support')) : Promise.resolve();
    loaded.set(tag, (done = first.then(() => module(tag.slice(5)))));
  }
  return done;
}

const waiting = (node: EventTarget): node is Element =>
  node instanceof Element && TAGS.includes(node.localName) && !node.matches(':defined');

/** Undefined Lede elements under `root` (the root itself included), each once. */
function* found(root: ParentNode | Element): Iterable<Element> {
  if (waiting(root)) yield root;
  yield* root.querySelectorAll(TAGS.map((tag) => `${tag}:not(:defined)`).join());
}

const near =
  typeof IntersectionObserver === 'function' && typeof document !== 'undefined'
    ? new IntersectionObserver(
        (entries, observer) => {
          for (const { isIntersecting, target } of entries) {
            if (!isIntersecting) continue;
            void load(target.localName);
            observer.unobserve(target);
          }
        },
        // One viewport height around the viewport: loaded while the reader is still a screen away. The document as
        // root, not the top-level viewport: in an iframe too the margin is this document's viewport height.
        { root: document, rootMargin: '100%' },
      )
    : undefined;

/**
 * Server-rendered elements whose text depends on the reader's clock or time zone, which the server could not know: a
 * relative date, the time left reading, a date given with a time but no `time-zone`. They are hydrated at once.
 */
const live = (element: Element) =>
  element.matches('[date-style=relative], [remaining]') ||
  (!element.hasAttribute('time-zone') &&
    ['published', 'updated'].some((name) => element.getAttribute(name)?.includes('T')));

/**
 * A server-rendered header, figure or reading time already shows everything it has to show. Its module is loaded
 * (and every element of its tag hydrated) only when it needs its script:
 * - the reader reaches for it: a pointer over it, a touch, focus, a click (made again once hydrated: see `reach`);
 * - the page changes it: an attribute, its content, the language of an element around it;
 * - what it follows changes: the text it measures, the comment section it counts (`FOLLOWED`);
 * - an image in it fails, and the element must say so;
 * - the page asks: `load(tag)`.
 */
function wakeWhenNeeded(element: Element): void {
  const wake = () => {
    changes.disconnect();
    void load(element.localName);
  };
  const changes = new MutationObserver(wake);
  changes.observe(element, { attributes: true, childList: true, characterData: true, subtree: true });
  for (const id of followed(element)) {
    const target = Document.prototype.getElementById.call(document, id);
    if (target) changes.observe(target, { childList: true, characterData: true, subtree: true });
  }
  const images = [...element.querySelectorAll('img'), ...(element.shadowRoot?.querySelectorAll('img') ?? [])];
  // `error` doesn't bubble, nor leave a shadow root: heard while it goes down (capture) to the image.
  for (const root of [element, element.shadowRoot])
    root?.addEventListener('error', wake, { capture: true, once: true });
  // Failed before this script ran. (An image not loaded yet, lazy or slow, is not `complete`.)
  if (images.some((image) => image.complete && !image.naturalWidth && image.getAttribute('src'))) wake();
}

const followed = (element: Element) =>
  FOLLOWED.map((name) => element.getAttribute(name)).filter((id): id is string => !!id);

/**
 * Defines the Lede elements under `root` (a document, an element or a shadow root; default: the document). The
 * document is watched from the start; call this for a shadow root of your own, whose content the autoloader cannot see.
 */
export function discover(root: ParentNode | Element = document): void {
  const elements = [...found(root)].filter((element) => !loaded.has(element.localName));
  // Only before any Lit is loaded can hydration be installed: elements rendered on the server later are rendered again.
  if (!loaded.size && elements.some((element) => element.shadowRoot)) serverRendered = true;
  for (const element of elements) {
    if (LAZY.includes(element.localName)) {
      if (near) near.observe(element);
      else void load(element.localName);
    } else if (element.shadowRoot && serverRendered && !live(element)) wakeWhenNeeded(element);
    else void load(element.localName);
  }
}

/**
 * The reader reaches for an element not loaded yet (hovers it, touches it, tabs into it, follows a link into it): its
 * module loads. A click on a server-rendered button (a figure's zoom) did nothing without the script: it is made again
 * on the same button once the element is hydrated, which keeps the server's nodes.
 */
function reach(event: Event): void {
  const path = event.composedPath();
  for (const host of path.filter(waiting)) {
    const loading = load(host.localName);
    const button = event.type === 'click' && !LAZY.includes(host.localName) && (path[0] as Element).closest?.('button');
    if (button)
      void loading
        .then(() => (host as Element & { updateComplete?: Promise<unknown> }).updateComplete)
        .then(() => button.isConnected && button.click());
  }
}

if (typeof document !== 'undefined') {
  for (const type of ['pointerover', 'touchstart', 'focusin', 'click'])
    document.addEventListener(type, reach, { capture: true, passive: true });
  // A comment section loaded: the elements that count it need their script.
  document.addEventListener('lede-comments-load', ({ target }) => {
    const id = (target as Element).id;
    for (const element of found(document)) if (id && followed(element).includes(id)) void load(element.localName);
  });
  new MutationObserver((records) => {
    for (const { type, target, addedNodes } of records) {
      // A `lang` changed: the server-rendered elements under it must show their text in the new language.
      if (type === 'attributes')
        for (const element of found(target as Element))
          if (!LAZY.includes(element.localName)) void load(element.localName);
      for (const node of addedNodes) if (node.nodeType === 1) discover(node as Element);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['lang'] });
  discover();
}
