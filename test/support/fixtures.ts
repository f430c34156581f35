// The two ways an element test puts its element on the page (Web Awesome's `fixtures = [clientFixture,
// hydratedFixture]`): rendered in the browser, or rendered by lede-elements/ssr and then hydrated. A describe block
// runs once with each:
//
//   for (const fixture of fixtures) describe(`rendering (${fixture.kind})`, () => { … await fixture(html`…`) … });
//
// The hydrated fixture needs Lit's hydration installed before any element is defined: web-test-runner.config.js
// loads src/hydrate/index.ts ahead of every test file.
import { fixture, fixtureWrapper } from '@open-wc/testing-helpers';
import { executeServerCommand } from '@web/test-runner-commands';
import { nothing } from 'lit';
import type { TemplateResult } from 'lit';

export interface Fixture {
  <T extends Element>(template: TemplateResult): Promise<T>;
  /** Shown in the describe block's name. */
  readonly kind: 'client-rendered' | 'server-rendered, hydrated';
}

/** The element rendered in the browser (open-wc's `fixture`). */
export const clientFixture: Fixture = Object.assign(
  <T extends Element>(template: TemplateResult) => fixture<T>(template),
  {
    kind: 'client-rendered' as const,
  },
);

const isTemplate = (value: unknown): value is TemplateResult =>
  typeof value === 'object' && value !== null && 'strings' in value && 'values' in value;
const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, '&quot;');

/**
 * The markup a template stands for, as a server gets it: each value written as text or as an attribute value
 * (quoted when the template leaves it bare: `src=${url}`), escaped; a nested template (or a list of them) as its own markup. Other
 * values must be strings, numbers or booleans; a boolean binding (`?x=`) writes the attribute or not, `nothing`
 * (`ifDefined`) leaves it out; property and event bindings (`.x=`, `@x=`) mean nothing to a server, and throw.
 */
export function markupOf(template: TemplateResult): string {
  let markup = template.strings[0];
  template.values.forEach((value, index) => {
    const boolean = /\?([\w-]+)=$/.exec(markup);
    const bare = /([\w-]+)=$/.exec(markup);
    if (boolean) markup = markup.slice(0, boolean.index) + (value ? boolean[1] : '');
    else if (bare && value === nothing)
      markup = markup.slice(0, bare.index); // ifDefined(undefined): no attribute
    else markup += valueMarkup(markup, value);
    markup += template.strings[index + 1];
  });
  return markup;
}

/** `value` as markup, where `before` (the markup so far) leaves it: in an attribute, or in text. */
function valueMarkup(before: string, value: unknown): string {
  if (/[.@][\w-]+=["']?$/.test(before))
    throw new TypeError(`no server markup for the binding at the end of "${before.slice(-40)}"`);
  const inAttribute = /=["']?$/.test(before);
  if (isTemplate(value) && !inAttribute) return markupOf(value);
  if (Array.isArray(value) && !inAttribute) return value.map((item) => valueMarkup(before, item)).join('');
  if (!['string', 'number', 'boolean'].includes(typeof value))
    throw new TypeError(`no server markup for the value ${String(value)}`);
  const text = String(value);
  if (!inAttribute) return escapeText(text);
  return /=$/.test(before) ? `"${escapeAttribute(text)}"` : escapeAttribute(text);
}

/** The update a Lede element is finishing; settled at once for an element that has none. */
const updated = (element: Element): Promise<unknown> =>
  'updateComplete' in element && element.updateComplete instanceof Promise ? element.updateComplete : Promise.resolve();

/**
 * The element rendered by lede-elements/ssr (test/support/ssr-render.js) with the page's language, its declarative
 * shadow root parsed into the page, then upgraded and hydrated by its already defined class.
 */
export const hydratedFixture: Fixture = Object.assign(
  async <T extends Element>(template: TemplateResult): Promise<T> => {
    const lang = document.documentElement.lang || undefined;
    const rendered = await executeServerCommand<string, { markup: string; lang: string | undefined }>('lede-ssr', {
      markup: markupOf(template).trim(),
      lang,
    });
    // src/hydrate/support.ts warns, and renders again, when the server's DOM is not the browser's first render: here
    // that fails the test, since a page would have shown the server's version until then.
    const warn = console.warn;
    const mismatches: unknown[][] = [];
    console.warn = (...args: unknown[]) => {
      if (String(args[0]).includes('server-rendered content does not match')) mismatches.push(args);
      warn.apply(console, args);
    };
    try {
      const wrapper = fixtureWrapper();
      // Parsed as HTML with its declarative shadow roots (innerHTML would leave them as <template>s): this is the
      // test's own server output, as a page's parser reads it. The elements are defined: they upgrade and hydrate.
      wrapper.setHTMLUnsafe(rendered);
      const element = wrapper.firstElementChild as T;
      // Markup without Lede elements (a page a test adds its element to) comes back as it was.
      const lede = [element, ...element.querySelectorAll('*')].filter((each) => each.localName.startsWith('lede-'));
      if (lede.some((each) => !each.shadowRoot))
        throw new Error(`no server-rendered shadow root in ${rendered.slice(0, 200)}`);
      // Hydration runs in the elements' first update, after this: what the server wrote is still there to read.
      const server = lede.map(shownText);
      await Promise.all(lede.map(updated));
      if (mismatches.length)
        throw new Error(`hydration found another DOM than the server's: ${mismatches[0].join(' ')}`);
      // Hydration corrects a text that differs in place (src/hydrate/repair.ts), which a reader would have seen change.
      lede.forEach((each, index) => {
        const browser = shownText(each);
        if (browser !== server[index])
          throw new Error(`<${each.localName}>: the server showed "${server[index]}", the browser "${browser}"`);
      });
      return element;
    } finally {
      console.warn = warn;
    }
  },
  { kind: 'server-rendered, hydrated' as const },
);

/** The text an element's shadow root shows (its <style> and comments left out), nested elements' roots included. */
function shownText(host: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push((child as Text).data);
      else if (child instanceof Element && child.localName !== 'style') {
        if (child.shadowRoot) visit(child.shadowRoot);
        visit(child);
      }
    }
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Both, for `for (const fixture of fixtures)`. */
export const fixtures: Fixture[] = [clientFixture, hydratedFixture];
