// Figure 2b, in the page: n instances of a Lede element vs n instances of a minimal hand-written custom element
// that produces the same shadow DOM. `capture` renders one Lede element and records its shadow tree (elements,
// attributes, text; Lit's marker comments left out) and its style sheets; `defineVanilla` defines
// `bench-<tag>`, which builds that tree with attachShadow, createElement, setAttribute and textContent, and
// adopts the same CSS. `run` times creating, connecting and rendering n instances, then a forced layout.

/** @typedef {'lede-article-header' | 'lede-figure' | 'lede-reading-time' | 'lede-comment-form'} Tag */
/** @typedef {Element & { updateComplete?: Promise<unknown>, isUpdatePending?: boolean }} LitLike */
/** @typedef {string | ShadowElement} ShadowNode */
/** @typedef {[name: string, attributes: Array<[string, string]>, children: Array<string | ShadowElement>]} ShadowElement */
/** @typedef {{ mode: ShadowRootMode, delegatesFocus: boolean, nodes: ShadowNode[], css: string[] }} Spec */

/**
 * The light DOM and attributes every instance gets, close to the reference article's.
 * @type {Record<Tag, { attributes: Record<string, string>, children: Array<[name: string, attributes: Record<string, string>, text?: string]> }>}
 */
const INSTANCES = {
  'lede-article-header': {
    attributes: { site: "Serveur d'impression", 'site-href': '/', published: '2019-11-27', author: 'Jeanne Martin' },
    children: [['h1', {}, "Europol perturbe la machine de propagande de l'Etat islamique"]],
  },
  'lede-figure': {
    attributes: {
      caption: 'De nombreux comptes liés au système d’information ont été supprimés',
      credit: 'COMPTES PRO-IS SUR TELEGRAM',
      zoomable: '',
    },
    children: [['img', { src: '/images/telegram.svg', alt: 'Page de télégramme', width: '976', height: '549' }]],
  },
  'lede-reading-time': { attributes: { minutes: '5' }, children: [] },
  'lede-comment-form': { attributes: { action: '/api/comments', 'post-id': 'bench' }, children: [] },
};

/** Errors thrown in the page (an update that throws rejects `updateComplete`, unhandled), as the injected probe records them. */
const errors = window.__errors ?? [];

/** One macrotask: lets slotchange and other follow-up work run before the clock stops. */
const macrotask = () =>
  new Promise((/** @type {(value?: void) => void} */ done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(0);
  });

/** Waits until every Lit element in `elements` has rendered and has no update pending. @param {LitLike[]} elements */
export async function settle(elements) {
  for (let round = 0; round < 20; round++) {
    await Promise.allSettled(elements.map((el) => el.updateComplete ?? Promise.resolve()));
    await macrotask();
    if (!elements.some((el) => el.isUpdatePending)) return;
  }
}

/** @param {Document} doc @param {Tag} tag @param {string} [name] */
function instance(doc, tag, name = tag) {
  const { attributes, children } = INSTANCES[tag];
  const el = doc.createElement(name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  for (const [child, attrs, text] of children) {
    const node = doc.createElement(child);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text) node.textContent = text;
    el.append(node);
  }
  return el;
}

/** @param {Node} node @returns {ShadowNode | null} */
function tree(node) {
  if (node instanceof Text) return node.data;
  if (!(node instanceof Element)) return null;
  return [
    node.localName,
    [...node.attributes].map((a) => [a.name, a.value]),
    [...node.childNodes].map(tree).filter((c) => c !== null),
  ];
}

const cssOf = (/** @type {ShadowRoot} */ root) =>
  [...root.adoptedStyleSheets]
    .map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n'))
    .concat([...root.querySelectorAll('style')].map((style) => style.textContent ?? ''));

/** Renders one Lede element and returns its shadow tree and CSS. @param {Tag} tag */
export async function capture(tag) {
  const el = instance(document, tag);
  stageElement().append(el);
  await settle([el]);
  const root = el.shadowRoot;
  if (!root) throw new Error(`<${tag}> rendered no shadow root`);
  /** @type {Spec} */
  const spec = {
    mode: root.mode,
    delegatesFocus: root.delegatesFocus,
    nodes: [...root.childNodes].map(tree).filter((c) => c !== null),
    css: cssOf(root),
  };
  el.remove();
  return { ...spec, errors: [...new Set(errors)] };
}

/** The page's `#stage`, where instances are connected. */
function stageElement() {
  const stage = document.getElementById('stage');
  if (!stage) throw new Error('the page has no #stage');
  return stage;
}

/** @param {ParentNode} parent @param {ShadowNode[]} nodes */
function build(parent, nodes) {
  for (const node of nodes) {
    if (typeof node === 'string') {
      parent.append(node);
      continue;
    }
    const [name, attributes, children] = node;
    const el = document.createElement(name);
    for (const [key, value] of attributes) el.setAttribute(key, value);
    if (children.length === 1 && typeof children[0] === 'string') el.textContent = children[0];
    else build(el, children);
    parent.append(el);
  }
}

/** Defines bench-<tag>, the hand-written equivalent of `tag` built from its captured `spec`. @param {Tag} tag @param {Spec} spec */
export function defineVanilla(tag, spec) {
  const sheets = spec.css.map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  customElements.define(
    `bench-${tag}`,
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        const root = this.attachShadow({ mode: spec.mode, delegatesFocus: spec.delegatesFocus });
        root.adoptedStyleSheets = sheets;
        build(root, spec.nodes);
      }
    },
  );
}

/**
 * Times n instances: clone them from an inert template (the element constructors run), connect them, wait for
 * every one to finish rendering, then force style and layout. Returns milliseconds.
 * @param {Tag} tag @param {number} n @param {boolean} vanilla
 */
export async function run(tag, n, vanilla) {
  const template = document.createElement('template');
  for (let i = 0; i < n; i++)
    template.content.append(instance(template.content.ownerDocument, tag, vanilla ? `bench-${tag}` : tag));
  const stage = stageElement();
  const start = performance.now();
  const fragment = document.importNode(template.content, true);
  const elements = [...fragment.children];
  stage.append(fragment);
  await settle(elements);
  const rendered = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- reading it forces the layout
  void document.documentElement.offsetHeight;
  const end = performance.now();
  const sample = stage.lastElementChild?.shadowRoot;
  await macrotask(); // lets unhandled rejections be reported
  return {
    ms: end - start,
    script: rendered - start,
    layout: end - rendered,
    count: stage.children.length,
    shadowElements: sample?.querySelectorAll('*').length ?? 0,
    errors: errors.length,
    error: errors[0],
  };
}

window.bench = { capture, defineVanilla, run, settle };
