/**
 * What lets Lit's `LitElement` take over the shadow roots that `lede-elements/ssr` rendered on the server (declarative
 * shadow DOM) instead of rendering them again: `hydrateSupport({ LitElement })` patches LitElement once, before any
 * element's first update. Installed before the elements are defined, as it should be, it also keeps an element
 * nested in another one's server-rendered root waiting for its host (`defer-hydration`). Two modules install it:
 * index.ts (dist/hydrate.js, with its own lit-html, through Lit's global hook) and shared.ts (`lede-elements/hydrate`
 * and dist/hydrate-support.js, on the Lit the elements import).
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

/**
 * Whether Lit's first render into `root` finds the server's: `root` is the element's shadow root, holds no render of
 * Lit's yet, and holds something else than `<style>` (a root the browser attached is empty, or holds only the styles
 * Lit adds there where `adoptedStyleSheets` is missing). Read from the root rather than noted when the root is
 * created, so that an element defined, and connected, before this support was installed hydrates all the same.
 */
const fromServer = (element: Element_, root: Root) =>
  root === element.shadowRoot &&
  !root._$litPart$ &&
  [...root.childNodes].some((node) => !(node instanceof HTMLStyleElement));

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

  // A server-rendered root carries its styles: Lit adopts none there.
  const createRenderRoot = proto.createRenderRoot;
  proto.createRenderRoot = function () {
    return this.shadowRoot ?? createRenderRoot.call(this);
  };

  // ReactiveElement's update (reflects properties to attributes), under LitElement's, which renders.
  const reflect = (Object.getPrototypeOf(proto) as Proto).update;
  proto.update = function (changed) {
    const value = this.render();
    reflect.call(this, changed);
    const root = this.renderRoot;
    if (!fromServer(this, root)) return void render(value, root, this.renderOptions);
    // The part hydration builds is kept on the root, where later renders look for it, unless a `renderBefore` node is
    // given: LitElement gives one when it created the root itself, before this support was installed.
    delete this.renderOptions.renderBefore;
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
