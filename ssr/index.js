// lede-elements/ssr: Lede's elements rendered in Node, with Lit's own SSR package (@lit-labs/ssr), so that a page is complete
// in its first bytes. `renderToString(markup, { lang })` returns the markup with each Lede element's shadow root
// written as declarative shadow DOM (`<template shadowrootmode="open">`). In the browser, dist/hydrate.js then
// dist/lede.js take those roots over (see src/hydrate/index.ts).
//
// What the elements read from the page in the browser (their language from `[lang]` ancestors, their light DOM,
// the article text for the reading time), they cannot read on the server, where they have no document. This
// module reads it from the markup instead (parsed with parse5, the parser @lit-labs/ssr uses) and hands it to
// each element before it renders, so that the browser's first render, made from the real DOM, is the same.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { html, LitElementRenderer, render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { INLINE, count, isSkipped } from '../dist/lib/reading-time/estimate.js';
import '../dist/lib/index.js';

// Every built-in language (English and French are in the elements; the others register themselves).
const translations = new URL('../dist/lib/shared/translations/', import.meta.url);
for (const file of readdirSync(translations).filter((name) => name.endsWith('.js'))) await import(new URL(file, translations).href);

/** parse5 as @lit-labs/ssr has it (not whatever else in node_modules is called parse5). */
const parse5 = createRequire(import.meta.resolve('@lit-labs/ssr'))('parse5');

/** The test @lit-labs/ssr applies to choose between a document and a fragment. */
const PAGE = /^(\s|<!--[^(-->)]*-->)*(<(!doctype|html|head|body))/i;

/**
 * @typedef {{ nodeName: string, tagName?: string, value?: string, attrs?: Array<{ name: string, value: string }>,
 *   childNodes?: Node[], parentNode?: Node | null, content?: Node,
 *   sourceCodeLocation?: { startOffset: number, endOffset: number, startTag?: { startOffset: number },
 *     attrs?: Record<string, { startOffset: number, endOffset: number }> } }} Node
 * A parse5 node (default tree adapter).
 *
 * @typedef {{ marker: string, nodes: Node[], ids: Map<string, Node>, lang: string, hosts: object[],
 *   jsonLd: Map<number, string>, urls: { page?: string, base?: string } }} Context
 * What the renderers of one `renderToString` call share: the attribute that ties an element to its parse5 node,
 * those nodes, the ids of the document, the language of the page, the structured data each light-DOM element
 * adds (by node index), and the page's URL and base URL that structured data resolves URLs against.
 */

/** @type {Context | undefined} */
let context;

const attr = (/** @type {Node} */ node, /** @type {string} */ name) => node.attrs?.find((a) => a.name === name)?.value;
const isElement = (/** @type {Node} */ node) => !!node.tagName;

/** A BCP 47 tag in canonical form, as the elements use it; undefined when `Intl` rejects it. */
function canonical(/** @type {string | undefined} */ tag) {
  try {
    return tag?.trim() ? Intl.getCanonicalLocales(tag.trim())[0] : undefined;
  } catch {
    return undefined;
  }
}

/** Every node under `node`, in document order; `<template>` contents too when `templates` is set. */
function* walk(/** @type {Node} */ node, templates = false) {
  for (const child of node.childNodes ?? []) {
    yield child;
    yield* walk(child, templates);
    if (templates && child.content) yield* walk(child.content, templates);
  }
}

/** The closest element, from `node` up, matching `test`. */
function closest(/** @type {Node | null | undefined} */ node, /** @type {(node: Node) => boolean} */ test) {
  for (; node; node = node.parentNode) if (isElement(node) && test(node)) return node;
  return undefined;
}

/** Text of an element as `textContent` gives it (template contents left out). */
const textOf = (/** @type {Node} */ node) => [...walk(node)].map((n) => (n.nodeName === '#text' ? n.value : '')).join('');

const childElements = (/** @type {Node} */ node) => (node.childNodes ?? []).filter(isElement);

/**
 * A parse5 element as the elements' light-DOM readers see a DOM element (`LightNode` of src/figure/figure.ts): tag,
 * slot, attributes, text and element children.
 * @returns {{ localName: string, slot: string, textContent: string, children: any[], getAttribute(name: string): string | null }}
 */
const standIn = (/** @type {Node} */ node) => ({
  localName: /** @type {string} */ (node.tagName),
  slot: attr(node, 'slot') ?? '',
  get textContent() {
    return textOf(node);
  },
  get children() {
    return childElements(node).map(standIn);
  },
  getAttribute: (/** @type {string} */ name) => attr(node, name) ?? null,
});

/** Words, CJK characters and images of an element, read exactly as <lede-reading-time> reads them in the browser. */
function measure(/** @type {Node} */ root) {
  /** @type {string[]} */
  const text = [];
  let images = 0;
  const visit = (/** @type {Node} */ node) => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text') text.push(child.value ?? '');
      if (!isElement(child)) continue;
      const tag = /** @type {string} */ (child.tagName);
      if (isSkipped(child.tagName ?? '', (name) => attr(child, name))) continue;
      if (tag === 'img') images++;
      else if (!INLINE.test(tag) || attr(child, 'slot')) text.push(' ');
      visit(child);
    }
  };
  visit(root);
  return { ...count(text.join(''), images), images };
}

/**
 * What each element would read from the page in `connectedCallback`, set on it before it renders: the reactive
 * state <lede-figure> and <lede-article-header> keep of their light DOM, and the counts <lede-reading-time> takes
 * from its `ssr` property. A change of these names in an element shows in test/node/ssr.test.js.
 * @type {Record<string, (element: any, node: Node | undefined, renderer: LedeRenderer) => void>}
 */
const lightDom = {
  'lede-figure'(element, node) {
    if (node) element.readLight(childElements(node).map(standIn));
  },
  'lede-article-header'(element, node) {
    if (!node) return;
    const children = (node.childNodes ?? []).filter(isElement);
    const heading = children.find((c) => /^h[1-6]$/.test(/** @type {string} */ (c.tagName)) && attr(c, 'slot') === undefined);
    element.lightHeadline = heading ? textOf(heading).replace(/\s+/g, ' ').trim() : undefined;
    element.slottedByline = children.some((c) => attr(c, 'slot') === 'byline');
  },
  'lede-reading-time'(element, node, renderer) {
    const id = element.getAttribute('for');
    const from = node ?? renderer.anchor();
    const target =
      id !== undefined && id !== null ? context?.ids.get(id) : closest(from, (n) => n.tagName === 'article') ?? closest(from, (n) => n.tagName === 'main');
    if (target) element.ssr = measure(target);
  },
};

/** Runs `fn` with the elements' language for pages without a DOM set to `lang` (Localize.fallbackLang). */
function inLanguage(/** @type {any} */ element, /** @type {string} */ lang, /** @type {() => any} */ fn) {
  const Localize = element.localize?.constructor;
  if (!Localize || !('fallbackLang' in Localize)) return fn();
  const before = Localize.fallbackLang;
  Localize.fallbackLang = lang;
  try {
    return fn();
  } finally {
    Localize.fallbackLang = before;
  }
}

/**
 * Renders Lede's elements: LitElementRenderer, plus what the element would have read from the page. Light-DOM
 * elements carry a marker attribute (added to the markup by `renderToString`, never written out) naming their
 * parse5 node; elements rendered inside another one's shadow root have their host instead.
 */
class LedeRenderer extends LitElementRenderer {
  /** @type {Node | undefined} */
  node = undefined;
  /** The element's language: its own, else inherited (from the markup, else its host, else the page). */
  lang = 'en';
  /** @type {LedeRenderer | undefined} */
  host = undefined;

  /** @param {any} ctor @param {string} tagName */
  static matchesClass(ctor, tagName) {
    return tagName.startsWith('lede-') && LitElementRenderer.matchesClass(ctor);
  }

  /** Index of `node` in the context. */
  index = -1;

  /** @param {string} name @param {string} value */
  setAttribute(name, value) {
    if (context && name === context.marker) this.node = context.nodes[(this.index = Number(value))];
    else super.setAttribute(name, value);
  }

  /** The light-DOM node this element stands at: its own, else its host's (crossing shadow roots, as `closest` does). */
  anchor() {
    /** @type {LedeRenderer | undefined} */
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walks up from this renderer to its hosts
    let renderer = this;
    while (renderer && !renderer.node) renderer = renderer.host;
    return renderer?.node;
  }

  connectedCallback() {
    const element = /** @type {any} */ (this.element);
    const top = context?.hosts.at(-1);
    this.host = top instanceof LedeRenderer ? top : undefined;
    // As resolveLang() in the browser: the first non-empty `lang`, English when `Intl` rejects it.
    const own = element.getAttribute('lang')?.trim();
    const around = this.node && closest(this.node.parentNode, (n) => !!attr(n, 'lang')?.trim());
    if (own) this.lang = canonical(own) ?? 'en';
    else if (around) this.lang = canonical(attr(around, 'lang')) ?? 'en';
    else this.lang = this.host?.lang ?? context?.lang ?? 'en';
    lightDom[this.tagName]?.(element, this.node, this);
    inLanguage(element, this.lang, () => super.connectedCallback());
    // The structured data the element writes into its light DOM in the browser, computed now that it has read its
    // attributes (`willUpdate`), in the same text, so that the browser finds it already there and leaves it.
    const json = this.index >= 0 && element.jsonLd?.(context?.urls ?? {});
    if (json) context?.jsonLd.set(this.index, `<script type="application/ld+json" slot="lede-data">${json}</script>`);
    // As <lede-reading-time> does in `updated()`: hidden while there is nothing to read.
    if (this.tagName === 'lede-reading-time' && !element.minutes) element.setAttribute('hidden', '');
  }

  /** @param {any} renderInfo */
  renderShadow(renderInfo) {
    const result = super.renderShadow(renderInfo);
    // The template is rendered by a thunk called later: it runs in the element's language too.
    return result?.map((item) => (typeof item === 'function' ? () => inLanguage(this.element, this.lang, item) : item));
  }
}

/**
 * Sets `<html lang>` to `lang` in the parsed page, and returns the same edit of the markup (the attribute replaced
 * or added, or an `<html>` start tag when the page has none), so that the browser resolves the same language.
 * @returns {[number, number, string]}
 */
function pageLang(/** @type {Node} */ doc, /** @type {string} */ lang) {
  const root = /** @type {Node} */ (doc.childNodes?.find((n) => n.tagName === 'html'));
  root.attrs = [...(root.attrs ?? []).filter((a) => a.name !== 'lang'), { name: 'lang', value: lang }];
  const start = root.sourceCodeLocation?.startTag;
  if (start) {
    const at = start.attrs?.lang;
    return at ? [at.startOffset, at.endOffset, `lang="${lang}"`] : [start.startOffset + 5, start.startOffset + 5, ` lang="${lang}"`];
  }
  const doctype = doc.childNodes?.find((n) => n.nodeName === '#documentType');
  const at = doctype?.sourceCodeLocation?.endOffset ?? 0;
  return [at, at, `<html lang="${lang}">`];
}

/**
 * The edits that give the light-DOM `<img>` of a `priority` figure (the lead image) `fetchpriority="high"` and
 * `loading="eager"`, as the element gives them in the browser, so that the browser fetches it first from the markup
 * (a value already there is replaced).
 * @returns {Array<[number, number, string]>}
 */
function leadImage(/** @type {Node} */ figure) {
  const children = childElements(figure);
  const img = children.map((c) => (c.tagName === 'picture' ? childElements(c).find((i) => i.tagName === 'img') : c)).find((c) => c?.tagName === 'img');
  const start = img?.sourceCodeLocation?.startTag;
  if (!img || !start) return [];
  return Object.entries({ fetchpriority: 'high', loading: 'eager' }).map(([name, value]) => {
    const at = start.attrs?.[name];
    return at ? [at.startOffset, at.endOffset, `${name}="${value}"`] : [start.startOffset + 4, start.startOffset + 4, ` ${name}="${value}"`];
  });
}

/**
 * Renders every Lede element in `markup` (a whole page or a fragment) as declarative shadow DOM, in the language
 * the browser would give it: its own `lang`, else the closest `lang` around it in the markup, else `options.lang`,
 * else English. For a whole page, `options.lang` is the page's language and sets `<html lang>` in the result.
 * The markup is trusted HTML (a theme's, a CMS's): it is written out as it is, only the elements' shadow roots
 * (built from their attributes, escaped) are added. `options.url`, the page's absolute URL, is what the structured
 * data's URLs resolve against (with the page's `<base href>`), as the browser resolves them against the document's.
 * @param {string} markup
 * @param {{ lang?: string, url?: string | URL }} [options]
 * @returns {string}
 */
export function renderToString(markup, options = {}) {
  markup = String(markup ?? '');
  if (!markup.trim()) return markup;
  const page = PAGE.test(markup);
  let lang = 'en';
  if (options.lang !== undefined) {
    const tag = canonical(options.lang);
    if (!tag) throw new RangeError(`lede-elements/ssr: "${options.lang}" is not a BCP 47 language tag`);
    lang = tag;
  }
  /** @type {URL | undefined} */
  let url;
  if (options.url !== undefined) {
    url = URL.canParse(String(options.url)) ? new URL(String(options.url)) : undefined;
    if (!url || !/^https?:$/.test(url.protocol)) throw new TypeError(`lede-elements/ssr: "${options.url}" is not an absolute http(s) URL`);
    url.hash = '';
  }
  const tree = (page ? parse5.parse : parse5.parseFragment)(markup, { sourceCodeLocationInfo: true });
  /** @type {Array<[number, number, string]>} edits of the markup (start, end, new text), all from this one parse */
  const edits = page && options.lang !== undefined ? [pageLang(tree, lang)] : [];

  /** @type {Map<string, Node>} */
  const ids = new Map();
  for (const node of walk(tree)) {
    const id = isElement(node) ? attr(node, 'id') : undefined;
    if (id && !ids.has(id)) ids.set(id, node);
  }
  // Marks each Lede element's start tag with the index of its node, just after the tag name, and opens its light
  // DOM with a comment that its structured data, if any, replaces once rendered (none when the markup has some).
  const marker = `data-lede-ssr-${Math.random().toString(36).slice(2)}`;
  const slot = `lede-ssr-data-${marker.slice(14)}`;
  /** @type {Node[]} */
  const nodes = [];
  for (const node of walk(tree, true)) {
    const start = node.sourceCodeLocation?.startTag;
    if (node.tagName?.startsWith('lede-') && customElements.get(node.tagName) && start) {
      const at = start.startOffset + 1 + node.tagName.length;
      edits.push([at, at, ` ${marker}="${nodes.length}"`]);
      if (node.tagName === 'lede-figure' && attr(node, 'priority') !== undefined) edits.push(...leadImage(node));
      const written = node.childNodes?.some((c) => c.tagName === 'script' && attr(c, 'slot') === 'lede-data');
      if (!written) edits.push([start.endOffset, start.endOffset, `<!--${slot}:${nodes.length}-->`]);
      nodes.push(node);
    }
  }
  let marked = markup;
  for (const [at, end, text] of edits.sort((a, b) => b[0] - a[0])) marked = marked.slice(0, at) + text + marked.slice(end);

  /** @type {object[]} */
  const hosts = [];
  const previous = context;
  /** @type {Map<number, string>} */
  const jsonLd = new Map();
  // As the document's base URL: the first <base href>, resolved against the page's URL.
  const baseHref = [...walk(tree)].find((node) => node.tagName === 'base' && attr(node, 'href') !== undefined);
  const base = url && baseHref ? (URL.canParse(attr(baseHref, 'href') ?? '', url) ? new URL(attr(baseHref, 'href') ?? '', url).href : url.href) : url?.href;
  context = { marker, nodes, ids, lang, hosts, jsonLd, urls: { page: url?.href, base } };
  try {
    const strings = Object.assign([marked], { raw: [marked] });
    const result = render(html(/** @type {TemplateStringsArray} */ (/** @type {unknown} */ (strings))), {
      elementRenderers: [LedeRenderer, LitElementRenderer],
      customElementHostStack: hosts,
    });
    const rendered = collectResultSync(result);
    return valid(rendered).replace(new RegExp(`<!--${slot}:(\\d+)-->`, 'g'), (_, i) => jsonLd.get(Number(i)) ?? '');
  } finally {
    context = previous;
  }
}

/**
 * What @lit-labs/ssr writes that the HTML standard does not allow (lit/lit #1818, #2470), written as the same DOM
 * in valid HTML: the legacy `shadowroot` attribute beside `shadowrootmode` (every browser that hydrates reads
 * `shadowrootmode`), and the `<?>` after a closing part marker, which a parser turns into a `?` comment anyway.
 * @param {string} html
 */
function valid(html) {
  return html
    .replaceAll('<template shadowroot="open" shadowrootmode="open"', '<template shadowrootmode="open"')
    .replaceAll('<!--/lit-part--><?>', '<!--/lit-part--><!--?-->');
}

/**
 * The CSP source expressions (`'sha256-…'`) of the `<style>` blocks that open the declarative shadow roots in
 * `html` (the output of `renderToString`): add them to `style-src` to serve the page under a CSP without
 * 'unsafe-inline'. One per distinct block: one per kind of element.
 * @param {string} html
 * @returns {string[]}
 */
export function styleHashes(html) {
  const blocks = String(html).matchAll(/<template shadowrootmode="open"[^>]*><style>([^]*?)<\/style>/g);
  const hashes = new Set([...blocks].map(([, css]) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`));
  return [...hashes];
}
