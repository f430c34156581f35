/**
 * The document's methods, called from `Document.prototype`, so that markup on the host page cannot shadow them.
 * Named access makes `document.querySelector` the page's `<img name="querySelector">` (DOM clobbering), and a
 * page cannot undo that once the image is parsed. Read at call time: in Node (server rendering) there is no
 * `Document`.
 */
// `.call` is checked against every overload of these methods, one of which (deprecated tag names) is deprecated.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as the DOM's querySelector<E>
export const query = <E extends Element = Element>(selectors: string): E | null =>
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
  Document.prototype.querySelector.call(document, selectors) as E | null;

export const byId = (id: string): HTMLElement | null => Document.prototype.getElementById.call(document, id);

export const create = <K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] =>
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see query
  Document.prototype.createElement.call(document, tag) as HTMLElementTagNameMap[K];

export const walk = (root: Node, whatToShow: number, filter: NodeFilter): TreeWalker =>
  Document.prototype.createTreeWalker.call(document, root, whatToShow, filter);

/**
 * The document's URL: what a relative `action` means, whatever a `<base href>` on the page says. A document
 * written by script (`about:srcdoc`, `about:blank`) has no URL of its own to resolve against, only its creator's
 * base URL.
 */
export function documentUrl(): string {
  const url = Reflect.get(Document.prototype, 'URL', document);
  return url.startsWith('about:') ? baseUrl() : url;
}

/** The base URL relative `src` and `href` attributes resolve against, as the browser resolves them. */
export const baseUrl = (): string => Reflect.get(Node.prototype, 'baseURI', document);

/** The document's URLs for structured data: its own URL without the fragment, and its base URL. */
export const pageUrls = (): { page: string; base: string } => ({ page: documentUrl().split('#')[0], base: baseUrl() });
