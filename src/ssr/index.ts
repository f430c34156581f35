/// <reference types="node" />
/**
 * lede-elements/ssr: Lede's elements rendered in Node, with Lit's own SSR package (@lit-labs/ssr, an optional peer
 * dependency), so that a page is complete in its first bytes. `renderToString(markup, { lang })` returns the markup
 * with each Lede element's shadow root written as declarative shadow DOM (`<template shadowrootmode="open">`). In the
 * browser, the elements take those roots over once Lit's hydration is installed (src/hydrate/): from a bundle that
 * imports `lede-elements/hydrate` with the elements, from dist/hydrate.js before dist/lede.js, or from
 * dist/autoloader.js itself.
 *
 * What the elements read from the page in the browser (their language from `[lang]` ancestors, their light DOM, the
 * article text for the reading time), they read here from the markup: this module parses it (markup.ts) and hands
 * each element a `ServerPage` (`LedeElement.connectOnServer`), on which the element runs the same readers as in the
 * browser. An element added to the package renders here once it is registered by src/index.ts; what it reads from
 * the page is its own `readServerPage`.
 */
// Lit's Node build brings the DOM shim (HTMLElement, customElements) the elements' modules need when they are defined.
import { html, LitElementRenderer, render } from '@lit-labs/ssr';
import type { ElementRenderer } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { createHash } from 'node:crypto';
import '../index.js';
// Every built-in language: English and French are in the elements, the others register themselves.
import '../shared/translations/ar.js';
import '../shared/translations/de.js';
import '../shared/translations/es.js';
import '../shared/translations/it.js';
import '../shared/translations/nl.js';
import '../shared/translations/pt.js';
import { LedeElement } from '../shared/element.js';
import { closest } from '../shared/light.js';
import type { LightElement } from '../shared/light.js';
import { canonicalLang, hasLang } from '../shared/localize.js';
import type { PageUrls } from '../shared/url.js';
import { LightMarkup, applyEdits, attribute, isParsedElement, parse5, walk } from './markup.js';
import type { Edit, ParsedNode } from './markup.js';

export interface RenderOptions {
  /**
   * Language of the page. For a fragment, the language of the page it goes into, used by the elements that have
   * no `lang` of their own or around them in the markup. For a whole page, it sets `<html lang>` in the result.
   * Default: the markup's own, else English. A tag `Intl` rejects throws a `RangeError`.
   */
  lang?: string;
  /**
   * The page's absolute http(s) URL. The elements' structured data (JSON-LD) gives absolute URLs, resolved against
   * it (and the page's `<base href>`), and the article's `mainEntityOfPage`: with it, the blocks are the very text
   * the browser writes, which it then leaves as they are. Without it, URLs that are relative in the markup are left
   * out of the server's blocks (and a figure whose image URL is relative gets none), and the browser completes them.
   * Anything but an absolute http(s) URL throws a `TypeError`.
   */
  url?: string | URL;
}

/** The test @lit-labs/ssr applies to choose between a document and a fragment. */
const PAGE = /^(\s|<!--[^(-->)]*-->)*(<(!doctype|html|head|body))/i;

/**
 * What the renderers of one `renderToString` call share: the attribute that ties an element to its parse5 node,
 * those nodes, the markup as light nodes, the ids of the document, the language of the page, the structured data
 * each light-DOM element adds (by node index), and the URLs structured data resolves against.
 */
interface Context {
  marker: string;
  nodes: ParsedNode[];
  markup: LightMarkup;
  ids: Map<string, ParsedNode>;
  lang: string;
  hosts: Array<ElementRenderer | undefined>;
  jsonLd: Map<number, string>;
  urls: PageUrls;
}

/** The renderers are made by @lit-labs/ssr from a tag name alone: they find the call they belong to here. */
let context: Context | undefined;

/**
 * Renders Lede's elements: LitElementRenderer, given what the element would have read from the page. Light-DOM
 * elements carry a marker attribute (added to the markup by `renderToString`, never written out) naming their
 * parse5 node; elements rendered inside another one's shadow root have their host instead.
 */
class LedeRenderer extends LitElementRenderer {
  /** The element's node in the markup. */
  node?: ParsedNode;
  /** Index of `node` in the context; -1 inside a shadow root. */
  index = -1;
  /** The element's language: its own, else inherited (from the markup, else its host, else the page). */
  lang = 'en';
  /** The renderer of the element whose shadow root holds this one. */
  host?: LedeRenderer;

  static override matchesClass(ctor: typeof HTMLElement): boolean {
    return ctor.prototype instanceof LedeElement;
  }

  override setAttribute(name: string, value: string): void {
    if (context && name === context.marker) {
      this.index = Number(value);
      this.node = context.nodes[this.index];
    } else super.setAttribute(name, value);
  }

  /** Where the element stands in the markup: its own node, else its host's (crossing shadow roots, as `closest` does). */
  get anchor(): LightElement | undefined {
    return this.node && context ? context.markup.element(this.node) : this.host?.anchor;
  }

  override connectedCallback(): void {
    const page = context;
    const element = this.element;
    if (!page || !(element instanceof LedeElement)) {
      super.connectedCallback();
      return;
    }
    const top = page.hosts.at(-1);
    this.host = top instanceof LedeRenderer ? top : undefined;
    const node = this.node && page.markup.element(this.node);
    // As resolveLang() in the browser: the first non-empty `lang`, English when `Intl` rejects it.
    const written =
      element.getAttribute('lang')?.trim() || (node && closest(node.parentNode, hasLang)?.getAttribute('lang'));
    this.lang = written ? (canonicalLang(written) ?? 'en') : (this.host?.lang ?? page.lang);
    element.connectOnServer({
      lang: this.lang,
      node,
      anchor: this.anchor,
      getElementById: (id) => {
        const found = page.ids.get(id);
        return found && page.markup.element(found);
      },
    });
    super.connectedCallback();
    // What the element writes outside its shadow root in the browser, now that it has read its attributes
    // (`willUpdate`); its structured data in the same text, so that the browser finds it already there and leaves it.
    element.writeOutsideShadow?.();
    const json = element.jsonLdText?.(page.urls);
    if (json && this.index >= 0)
      page.jsonLd.set(this.index, `<script type="application/ld+json" slot="lede-data">${json}</script>`);
  }
}

/**
 * Sets `<html lang>` to `lang` in the parsed page, and returns the same edit of the markup (the attribute replaced
 * or added, or an `<html>` start tag when the page has none), so that the browser resolves the same language.
 */
function pageLang(document: ParsedNode, lang: string): Edit {
  const root = document.childNodes?.find((node) => node.tagName === 'html');
  if (root) root.attrs = [...(root.attrs ?? []).filter((each) => each.name !== 'lang'), { name: 'lang', value: lang }];
  const start = root?.sourceCodeLocation?.startTag;
  const text = `lang="${lang}"`;
  if (start) {
    const at = start.attrs?.lang;
    const afterName = start.startOffset + '<html'.length;
    return at
      ? { start: at.startOffset, end: at.endOffset, text }
      : { start: afterName, end: afterName, text: ` ${text}` };
  }
  const doctype = document.childNodes?.find((node) => node.nodeName === '#documentType');
  const at = doctype?.sourceCodeLocation?.endOffset ?? 0;
  return { start: at, end: at, text: `<html ${text}>` };
}

/** `options.lang` in canonical form ('en' when not given); a tag `Intl` rejects throws. */
function optionLang(lang: string | undefined): string {
  if (lang === undefined) return 'en';
  const tag = canonicalLang(lang);
  if (!tag) throw new RangeError(`lede-elements/ssr: "${lang}" is not a BCP 47 language tag`);
  return tag;
}

/** `options.url` without its fragment; anything but an absolute http(s) URL throws. */
function optionUrl(url: string | URL | undefined): URL | undefined {
  if (url === undefined) return undefined;
  const parsed = URL.canParse(String(url)) ? new URL(String(url)) : undefined;
  if (!parsed || !/^https?:$/.test(parsed.protocol))
    throw new TypeError(`lede-elements/ssr: "${url}" is not an absolute http(s) URL`);
  parsed.hash = '';
  return parsed;
}

/** As the document's base URL: the first `<base href>`, resolved against the page's URL. */
function baseUrl(tree: ParsedNode, url: URL | undefined): string | undefined {
  const base = [...walk(tree)].find((node) => node.tagName === 'base' && attribute(node, 'href') !== undefined);
  const href = base && attribute(base, 'href');
  return url && href !== undefined && URL.canParse(href, url) ? new URL(href, url).href : url?.href;
}

/**
 * Renders every Lede element in `markup` (a whole page or a fragment) with its shadow root written as
 * `<template shadowrootmode="open">`: dates, reading time, labels and the comment form's fields, localised, in the
 * language the browser would give it (its own `lang`, else the closest `lang` around it in the markup, else
 * `options.lang`, else English). The rest of the markup is written out as it is: it is trusted HTML (a theme's, a
 * CMS's), and only the elements' shadow roots (built from their attributes, escaped) are added, with what the
 * elements write into the page in the browser (structured data, a lead image's `fetchpriority`). So that the elements
 * take these roots over instead of rendering them again, import `lede-elements/hydrate` before the elements in a
 * bundle, or load dist/hydrate.js before dist/lede.js on the page (dist/autoloader.js needs nothing more).
 */
export function renderToString(markup: string, options: RenderOptions = {}): string {
  markup = String(markup ?? '');
  if (!markup.trim()) return markup;
  const page = PAGE.test(markup);
  const lang = optionLang(options.lang);
  const url = optionUrl(options.url);
  const tree = page
    ? parse5.parse(markup, { sourceCodeLocationInfo: true })
    : parse5.parseFragment(markup, { sourceCodeLocationInfo: true });
  const edits: Edit[] = page && options.lang !== undefined ? [pageLang(tree, lang)] : [];

  const ids = new Map<string, ParsedNode>();
  for (const node of walk(tree)) {
    const id = attribute(node, 'id');
    if (id && !ids.has(id)) ids.set(id, node);
  }
  // Marks each Lede element's start tag with the index of its node, just after the tag name, and opens its light
  // DOM with a comment that its structured data, if any, replaces once rendered (none when the markup has some).
  // Its children and theirs (a figure's <picture><img>) are marked too, so that an attribute an element sets on
  // them can be written into their start tags, which @lit-labs/ssr writes out as they are in the markup.
  const id = Math.random().toString(36).slice(2);
  const marker = `data-lede-ssr-${id}`;
  const lightMarker = `data-lede-light-${id}`;
  const slot = `lede-ssr-data-${id}`;
  const nodes: ParsedNode[] = [];
  const lightNodes: ParsedNode[] = [];
  const afterName = (node: ParsedNode) =>
    (node.sourceCodeLocation?.startTag?.startOffset ?? 0) + 1 + (node.tagName?.length ?? 0);
  const isLede = (node: ParsedNode) =>
    !!node.tagName?.startsWith('lede-') && !!customElements.get(node.tagName) && !!node.sourceCodeLocation?.startTag;
  for (const node of walk(tree, true)) {
    const start = node.sourceCodeLocation?.startTag;
    if (!start || !isLede(node)) continue;
    edits.push({ start: afterName(node), end: afterName(node), text: ` ${marker}="${nodes.length}"` });
    const written = node.childNodes?.some(
      (child) => child.tagName === 'script' && attribute(child, 'slot') === 'lede-data',
    );
    if (!written) edits.push({ start: start.endOffset, end: start.endOffset, text: `<!--${slot}:${nodes.length}-->` });
    nodes.push(node);
    for (const child of (node.childNodes ?? []).filter(isParsedElement)) {
      for (const light of [child, ...(child.childNodes ?? []).filter(isParsedElement)]) {
        if (isLede(light) || !light.sourceCodeLocation?.startTag) continue;
        edits.push({ start: afterName(light), end: afterName(light), text: ` ${lightMarker}="${lightNodes.length}"` });
        lightNodes.push(light);
      }
    }
  }
  const marked = applyEdits(markup, edits);

  const previous = context;
  const lightMarkup = new LightMarkup();
  const jsonLd = new Map<number, string>();
  const hosts: Array<ElementRenderer | undefined> = [];
  context = {
    marker,
    nodes,
    markup: lightMarkup,
    ids,
    lang,
    hosts,
    jsonLd,
    urls: { page: url?.href, base: baseUrl(tree, url) },
  };
  try {
    const strings = Object.assign([marked], { raw: [marked] }) as unknown as TemplateStringsArray;
    const result = render(html(strings), {
      elementRenderers: [LedeRenderer, LitElementRenderer],
      customElementHostStack: hosts,
    });
    let rendered = valid(collectResultSync(result)).replace(
      new RegExp(`<!--${slot}:(\\d+)-->`, 'g'),
      (_, index: string) => jsonLd.get(Number(index)) ?? '',
    );
    // The start tags the elements changed, as the browser changes them; then the other marks go.
    for (const [node] of lightMarkup.changed) {
      const index = lightNodes.indexOf(node);
      const start = node.sourceCodeLocation?.startTag;
      if (index < 0 || !start) continue;
      const original = markup.slice(start.startOffset, start.endOffset);
      const name = original.slice(0, 1 + (node.tagName?.length ?? 0));
      rendered = rendered.replace(`${name} ${lightMarker}="${index}"${original.slice(name.length)}`, () =>
        lightMarkup.startTag(node, original),
      );
    }
    return rendered.replace(new RegExp(` ${lightMarker}="\\d+"`, 'g'), '');
  } finally {
    context = previous;
  }
}

/**
 * What @lit-labs/ssr writes that the HTML standard does not allow (lit/lit #1818, #2470), written as the same DOM
 * in valid HTML: the legacy `shadowroot` attribute beside `shadowrootmode` (every browser that hydrates reads
 * `shadowrootmode`), and the `<?>` after a closing part marker, which a parser turns into a `?` comment anyway.
 */
function valid(rendered: string): string {
  return rendered
    .replaceAll('<template shadowroot="open" shadowrootmode="open"', '<template shadowrootmode="open"')
    .replaceAll('<!--/lit-part--><?>', '<!--/lit-part--><!--?-->');
}

/**
 * The CSP source expressions (`'sha256-…'`) of the `<style>` blocks that open the declarative shadow roots in
 * `rendered` (the output of `renderToString`): add them to `style-src` to serve the page under a CSP without
 * 'unsafe-inline'. One per distinct block: one per kind of element.
 */
export function styleHashes(rendered: string): string[] {
  const blocks = String(rendered).matchAll(/<template shadowrootmode="open"[^>]*><style>([^]*?)<\/style>/g);
  const hashes = new Set([...blocks].map(([, css]) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`));
  return [...hashes];
}
