/**
 * dist/autoloader.js (`lede-elements/autoloader`): one script tag, and a page loads only the elements it shows.
 *
 *   <script type="module" src="https://cdn.example/lede-elements@0.1/dist/autoloader.js"></script>
 *
 * It defines the `lede-*` tags present in the document and those added later (a MutationObserver on the document),
 * and those inside a shadow root when asked (`discover(root)`). Each element's module is loaded from beside this
 * file (`./figure.js`, resolved against this module's own URL), so it works from any host or CDN path; those modules
 * share one copy of Lit in `chunks/`. The comment form and the comment thread are loaded only when they come within
 * one viewport height of being seen, when something in them receives focus, or when the page asks (`load('lede-comments')`).
 * A server-rendered page (declarative shadow roots) first gets `hydrate-support.js`, which must run before Lit.
 *
 * It imports nothing, Lit least of all: it is what every page pays.
 */
const TAGS = ['lede-article-header', 'lede-figure', 'lede-reading-time', 'lede-comment-form', 'lede-comments'];
/** Loaded when near the viewport or focused, not at once: read minutes after the page opens, if ever. */
const LAZY = ['lede-comment-form', 'lede-comments'];
const here = import.meta.url;

const loaded = new Map<string, Promise<unknown>>();
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
  if (!done) loaded.set(tag, (done = (hydrating ?? Promise.resolve()).then(() => module(tag.slice(5)))));
  return done;
}

/** Undefined Lede elements under `root` (the root itself included), each once. */
function* found(root: ParentNode | Element): Iterable<Element> {
  if ('localName' in root && TAGS.includes(root.localName) && !root.matches(':defined')) yield root;
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
 * Defines the Lede elements under `root` (a document, an element or a shadow root; default: the document). The
 * document is watched from the start; call this for a shadow root of your own, whose content the autoloader cannot see.
 */
export function discover(root: ParentNode | Element = document): void {
  const elements = [...found(root)].filter((element) => !loaded.has(element.localName));
  // Elements rendered on the server (declarative shadow DOM): Lit must learn to hydrate before it loads, so this
  // comes first, and only while no element (no Lit) is loaded yet.
  if (!loaded.size && elements.some((element) => element.shadowRoot)) hydrating ??= module('hydrate-support');
  for (const element of elements) {
    if (LAZY.includes(element.localName) && near) near.observe(element);
    else void load(element.localName);
  }
}

if (typeof document !== 'undefined') {
  // Something in a comment form that is not loaded yet gets focus (a keyboard reader tabbing into it, a link to #comments).
  // (A shadow root's content is seen as its host from here; a light-DOM child as itself.)
  document.addEventListener('focusin', ({ target }) => {
    const host = (target as Element).closest?.(TAGS.join());
    if (host) void load(host.localName);
  });
  new MutationObserver((records) => {
    for (const { addedNodes } of records)
      for (const node of addedNodes) if (node.nodeType === 1) discover(node as Element);
  }).observe(document, { childList: true, subtree: true });
  discover();
}
