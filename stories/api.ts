import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { getCustomElements } from '@storybook/web-components-vite';
import type { Decorator } from '@storybook/web-components-vite';

/**
 * An element's API reference, read from custom-elements.json (generated from the JSDoc by `npm run analyze`), shown
 * under the story. It stands in for Storybook's docs page, which needs `@storybook/addon-docs` (not installed).
 */
interface Item {
  name: string;
  description?: string;
  summary?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  fieldName?: string;
  default?: string;
  type?: { text?: string };
}
interface Declaration extends Item {
  tagName?: string;
  attributes?: Item[];
  members?: Item[];
  slots?: Item[];
  events?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}

/** Markdown's `code` spans as <code>; everything else as text. */
const md = (text = '') => text.split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part));

function table(caption: string, items: Item[] | undefined, columns: Array<[string, (item: Item) => unknown]>): TemplateResult | typeof nothing {
  if (!items?.length) return nothing;
  return html`<table class="lede-story-api">
    <caption>${caption}</caption>
    <thead><tr>${columns.map(([title]) => html`<th scope="col">${title}</th>`)}</tr></thead>
    <tbody>${items.map((item) => html`<tr>${columns.map(([, cell]) => html`<td>${cell(item)}</td>`)}</tr>`)}</tbody>
  </table>`;
}

const name = (item: Item) => html`<code>${item.name || '(default)'}</code>`;
const description = (item: Item) => md(item.description);
const type = (item: Item) => (item.type?.text ? html`<code>${item.type.text}</code>` : '');

/** A decorator that shows the API reference of `tag` under the story. */
export function apiReference(tag: string): Decorator {
  return (story) => {
    const modules: Array<{ declarations?: Declaration[] }> = getCustomElements()?.modules ?? [];
    const element = modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
    if (!element) return html`${story()}<p>No entry for &lt;${tag}&gt; in custom-elements.json: run <code>npm run analyze</code>.</p>`;
    const properties = element.members?.filter((m) => m.kind === 'field' && !m.privacy && !m.static && !element.attributes?.some((a) => a.fieldName === m.name));
    return html`${story()}
      <section class="lede-story-column" aria-labelledby="api-title">
        <h2 id="api-title">&lt;${tag}&gt;</h2>
        <p>${md(element.summary)}</p>
        ${element.description ? html`<p>${md(element.description)}</p>` : nothing}
        ${table('Attributes', element.attributes, [
          ['Attribute', name],
          ['Property', (a) => html`<code>${a.fieldName}</code>`],
          ['Description', description],
          ['Type', type],
          ['Default', (a) => (a.default ? html`<code>${a.default}</code>` : '')],
        ])}
        ${table('Properties without an attribute', properties, [
          ['Property', name],
          ['Description', description],
          ['Type', (p) => html`${type(p)}${p.readonly ? ' (read-only)' : ''}`],
        ])}
        ${table('Slots', element.slots, [['Slot', name], ['Description', description]])}
        ${table('Events', element.events?.filter((e) => e.name), [['Event', name], ['Description', description], ['Type', type]])}
        ${table('CSS parts', element.cssParts, [['Part', name], ['Description', description]])}
        ${table('CSS custom properties', element.cssProperties, [['Property', name], ['Description', description]])}
      </section>`;
  };
}
