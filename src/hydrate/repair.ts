/**
 * After `hydrate()`, makes the server's DOM agree with the browser's first render, in place.
 *
 * Hydration trusts the server: it records the browser's values as already rendered without looking at the DOM.
 * When a value differs (a relative date rendered hours before, a date-time shown in the server's time zone), the
 * page would keep the server's text while Lit believes the browser's is shown, until that value changes again.
 * And an empty text binding (`''`, `undefined`) is rendered by the server as nothing at all, while hydration
 * records it as a text already rendered: lit-html, updating that text later, writes into the node that follows
 * the start marker, which is then the end marker, and the new text never shows. It is recorded as `nothing` here,
 * as lit-html itself records an empty text in the browser.
 *
 * So every text and attribute binding is compared with the DOM and corrected where it differs (`Text.data`,
 * `setAttribute`): no node is replaced, none is added unless the server left a text out. The part objects are
 * lit-html's, built by the copy of lit-html that hydrates (dist/hydrate.js's own, or the elements' with
 * `lede-elements/hydrate` and dist/hydrate-support.js); their fields are read by the names lit-html keeps stable across
 * its builds and versions (the same ones @lit-labs/ssr-client uses): `_$AH` committed value, `_$AV` a template
 * instance's parts. Lit's development build (the `development` export condition, as a Vite dev server or the browser
 * tests resolve it) keeps their long names, `_$committedValue` and `_$parts`: both are read.
 */
const CHILD = 2;
const ATTRIBUTE = 1;
const BOOLEAN = 4;
const nothing = Symbol.for('lit-nothing');
const noChange = Symbol.for('lit-noChange');

interface Part {
  type: number;
  _$AH?: unknown;
  _$committedValue?: unknown;
  /** Child parts: the markers around the content. */
  startNode: Node;
  endNode: Node | null;
  /** Attribute parts. */
  element: Element;
  name: string;
  strings?: readonly string[];
}

type Primitive = string | number | boolean | bigint | symbol | null | undefined;
const primitive = (value: unknown): value is Primitive =>
  value === null || (typeof value !== 'object' && typeof value !== 'function');
const empty = (value: unknown) => value === nothing || value === null || value === undefined || value === '';

/** A template instance's parts, by lit-html's production name or its development one. */
type Instance = { _$AV?: unknown; _$parts?: unknown };
const partsOf = (value: unknown) => {
  const instance = value as Instance | null;
  const parts = instance && typeof instance === 'object' ? (instance._$AV ?? instance._$parts) : undefined;
  return Array.isArray(parts) ? parts : undefined;
};

export function repair(part: unknown): void {
  const p = part as Part | undefined;
  if (!p || typeof p !== 'object') return;
  const value = '_$AH' in p ? p._$AH : p._$committedValue;
  if (p.type === CHILD) {
    const parts = partsOf(value);
    if (Array.isArray(value))
      value.forEach(repair); // an iterable: its items' parts
    else if (parts)
      parts.forEach(repair); // a template instance
    else if (primitive(value) && value !== noChange) text(p, empty(value) ? '' : String(value));
  } else if (p.type === ATTRIBUTE && p.element) attribute(p, value);
  else if (p.type === BOOLEAN && p.element) p.element.toggleAttribute(p.name, !empty(value) && !!value);
}

/** The one text node between a child part's markers (the server writes it unless the text is empty). */
function text(part: Part, data: string): void {
  const next = part.startNode.nextSibling;
  if (next && next !== part.endNode && next.nodeType === Node.TEXT_NODE && next.nextSibling === part.endNode) {
    if ((next as Text).data !== data) (next as Text).data = data;
  } else if (next === part.endNode && part.endNode) {
    // Nothing between the markers: recorded as nothing rendered, as lit-html records an empty text itself (else it
    // would write the next text into the end marker); a text the server did not render is added.
    if (data) part.startNode.parentNode?.insertBefore(document.createTextNode(data), part.endNode);
    else if ('_$AH' in part) part._$AH = nothing;
    else part._$committedValue = nothing;
  } else throw new Error('the server rendered something else than a text where the browser renders one');
}

function attribute(part: Part, value: unknown): void {
  if (value === noChange) return;
  const { element, name, strings } = part;
  let expected: string | undefined;
  // Whatever the value, Lit writes it with String() too: the server's attribute reads the same.
  /* eslint-disable @typescript-eslint/no-base-to-string */
  if (!strings) expected = empty(value) && value !== '' ? undefined : String(value ?? '');
  else {
    const values = value as unknown[];
    expected = values.some((v) => v === nothing)
      ? undefined
      : strings.reduce((all, s, i) => all + String(values[i - 1] ?? '') + s);
    /* eslint-enable @typescript-eslint/no-base-to-string */
  }
  if (expected === undefined) element.removeAttribute(name);
  else if (element.getAttribute(name) !== expected) element.setAttribute(name, expected);
}
