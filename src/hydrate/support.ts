/**
 * What lets Lit's `LitElement` take over the shadow roots that `lede-elements/ssr` rendered on the server (declarative
 * shadow DOM) instead of rendering them again: `hydrateSupport({ LitElement })` patches LitElement once, before any
 * element is defined. Two modules install it: index.ts (dist/hydrate.js, with its own Lit, through Lit's global hook)
 * and shared.ts (dist/hydrate-support.js, on the Lit the elements use).
 *
 * Adapted from @lit-labs/ssr-client/lit-element-hydrate-support.js (BSD-3-Clause, Google LLC), with two additions:
 * - After hydrating, the server's DOM is checked against the browser's first render, value by value: a text or
 *   attribute that differs (a relative date rendered hours earlier, a date in another time zone) is corrected in
 *   place, and an empty text binding is recorded as nothing rendered, so that lit-html can fill it in later (see
 *   repair.ts). Nodes are never replaced by this.
 * - When the server rendered another template than the browser does (an image that failed before the script ran),
 *   hydration throws; the element is then rendered again from scratch instead of staying broken.
 */
import { hydrate } from '@lit-labs/ssr-client';
import { render } from 'lit/html.js';
import type { LitElement } from 'lit';
import { repair } from './repair.js';

type Root = ShadowRoot & { _$litPart$?: unknown };
type Element_ = LitElement & { renderRoot: Root; renderOptions: object; render(): unknown };
// Function-valued properties, not methods: they are read off the prototype and called with `.call(this)`.
type Proto = {
  connectedCallback: (this: Element_) => void;
  attributeChangedCallback: (this: Element_, name: string, old: string | null, value: string | null) => void;
  createRenderRoot: (this: Element_) => Root;
  update: (this: Element_, changed: unknown) => void;
};

/** Elements whose render root came from the server and is not hydrated yet. */
const pending = new WeakSet<Element>();

export const hydrateSupport = ({ LitElement: Lit }: { LitElement: typeof LitElement }): void => {
  const proto = Lit.prototype as unknown as Proto;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- a getter, called below with `.call(this)`
  const observed = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Lit), 'observedAttributes')?.get as (
    this: unknown,
  ) => string[];
  Object.defineProperty(Lit, 'observedAttributes', {
    get() {
      return [...observed.call(this), 'defer-hydration'];
    },
  });

  // An element nested in another one's server-rendered root waits for its host: the host's hydration removes
  // `defer-hydration`, which connects it.
  const connected = proto.connectedCallback;
  proto.connectedCallback = function () {
    if (!this.hasAttribute('defer-hydration')) connected.call(this);
  };
  const attributeChanged = proto.attributeChangedCallback;
  proto.attributeChangedCallback = function (name, old, value) {
    if (name === 'defer-hydration' && value === null) connected.call(this);
    attributeChanged.call(this, name, old, value);
  };

  const createRenderRoot = proto.createRenderRoot;
  proto.createRenderRoot = function () {
    if (!this.shadowRoot) return createRenderRoot.call(this);
    pending.add(this);
    return this.shadowRoot;
  };

  // ReactiveElement's update (reflects properties to attributes), under LitElement's, which renders.
  const reflect = (Object.getPrototypeOf(proto) as Proto).update;
  proto.update = function (changed) {
    const value = this.render();
    reflect.call(this, changed);
    const root = this.renderRoot;
    if (!pending.delete(this)) return void render(value, root, this.renderOptions);
    try {
      hydrate(value, root, this.renderOptions);
      repair(root._$litPart$);
    } catch (error) {
      console.warn(
        `[lede] <${this.localName}>: the server-rendered content does not match; rendering it again.`,
        error,
      );
      // The server's <style> stays: with a server-rendered root, Lit does not adopt the element's styles.
      for (const node of [...root.childNodes]) if (!(node instanceof HTMLStyleElement)) node.remove();
      delete root._$litPart$;
      render(value, root, this.renderOptions);
    }
  };
};
