/**
 * The few things an element reads from the page around it, as a minimal node interface that real DOM nodes meet
 * as they are, and that lede-elements/ssr (src/ssr/) gives parse5's nodes. Each element's reader of its light DOM
 * is a static function over these interfaces, called by `connectedCallback`/`slotchange` in the browser and by the
 * server renderer in Node: one copy of every rule, type-checked on both sides.
 */

/** `Node.ELEMENT_NODE` and `Node.DOCUMENT_FRAGMENT_NODE` (a shadow root), written out: in Node there is no `Node`. */
export const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;

/** A node: an element, a text, a comment (only elements and texts matter here). */
export interface LightNode {
  readonly nodeType: number;
  /** The text of a text node; an element's whole text, as `textContent` gives it. */
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<LightNode>;
  readonly parentNode: LightNode | null;
  /** A shadow root's host: `closest` climbs from a shadow root to its host, as `resolveLang` does. */
  readonly host?: LightElement;
}

/** An element, as the readers see it. */
export interface LightElement extends LightNode {
  /** The tag name, in lower case. */
  readonly localName: string;
  /** The `slot` attribute, '' when none. */
  readonly slot: string;
  readonly children: ArrayLike<LightElement>;
  getAttribute(name: string): string | null;
  /** Whether the element matches a selector list (on the server: tags and attribute selectors only). */
  matches(selectors: string): boolean;
  /** Used only where the browser changes the page's own markup (a lead image's `fetchpriority`). */
  setAttribute(name: string, value: string): void;
}

export const isElement = (node: LightNode): node is LightElement => node.nodeType === ELEMENT_NODE;

/** The closest element, from `node` up (crossing shadow roots through their hosts), that passes `test`. */
export function closest(
  node: LightNode | null | undefined,
  test: (element: LightElement) => boolean,
): LightElement | undefined {
  for (let current = node; current; current = parentAcrossShadow(current)) {
    if (isElement(current) && test(current)) return current;
  }
  return undefined;
}

/** The parent of `node`; for a shadow root, its host. (An `<a>`'s `host` is its URL's host: only roots are asked.) */
const parentAcrossShadow = (node: LightNode): LightNode | null | undefined =>
  node.parentNode ?? (node.nodeType === DOCUMENT_FRAGMENT_NODE ? node.host : undefined);

/** The closest element, from `node` up, with this tag name. */
export const closestTag = (node: LightNode | null | undefined, localName: string): LightElement | undefined =>
  closest(node, (element) => element.localName === localName);

/**
 * What an element reads from the page when there is no document: lede-elements/ssr gives it to each element it
 * renders (`LedeElement.connectOnServer`), made from the markup, with the language the browser would resolve.
 */
export interface ServerPage {
  /** The element's language as the browser resolves it: its own `lang`, the closest one around it, the page's. */
  readonly lang: string;
  /** The element's own node in the markup; none for an element rendered inside another one's shadow root. */
  readonly node?: LightElement;
  /** Where the element stands in the markup: its own node, else its host's (as `closest` crosses shadow roots). */
  readonly anchor?: LightElement;
  /** The page's element with this id, as `document.getElementById` finds it (a function of its own, no `this`). */
  readonly getElementById: (id: string) => LightElement | undefined;
}
