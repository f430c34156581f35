import { getCustomElements, setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import type { ArgTypes, ArgTypesEnhancer } from 'storybook/internal/types';
import manifest from '../custom-elements.json';
import '../src/index.js';
// English and French are built in; the other languages register themselves when imported, as on a real page.
import '../src/shared/translations/de.js';
import '../src/shared/translations/es.js';
import '../src/shared/translations/it.js';
import '../src/shared/translations/pt.js';
import '../src/shared/translations/nl.js';
import '../src/shared/translations/ar.js';
import './preview.css';
import { languages } from '../stories/support.js';

// Controls and docs come from the same manifest the package ships (`npm run analyze`), so they cannot drift from
// the code.
setCustomElementsManifest(manifest);

interface Item {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  fieldName?: string;
  description?: string;
  type?: { text?: string };
}
interface Declaration {
  tagName?: string;
  attributes?: Item[];
  members?: Item[];
}

/** The manifest's entry for a tag. */
function declaration(tag: unknown): Declaration | undefined {
  const modules: Array<{ declarations?: Declaration[] }> = getCustomElements()?.modules ?? [];
  return modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
}

/** A control type from a TypeScript type as the manifest writes it: `'a' | 'b'` gives a choice. */
function typeOf(text = 'string'): { name: string; value?: string[] } {
  const bare = text.replace(/\s*\|\s*undefined/g, '').trim();
  const literals = bare.split('|').map((part) => /^\s*'([^']*)'\s*$/.exec(part)?.[1]);
  if (literals.every((value) => value !== undefined)) return { name: 'enum', value: literals as string[] };
  return { name: ['boolean', 'number'].includes(bare) ? bare : 'string' };
}

/**
 * Storybook lists an element's attributes and its properties separately, private fields included. Controls
 * here are the attributes, as a page author writes them; properties that mirror an attribute under another
 * name, and non-public members, are left out. Attributes that share a name with a slot stay attributes.
 */
const attributesAsControls: ArgTypesEnhancer = ({ argTypes, component }) => {
  const element = declaration(component);
  if (!element) return argTypes;
  const out: ArgTypes = { ...argTypes };
  for (const member of element.members ?? []) {
    const attribute = element.attributes?.find((a) => a.fieldName === member.name);
    const hidden = member.privacy || member.static || (attribute && attribute.name !== member.name);
    if (out[member.name]?.table?.category === 'properties' && hidden) out[member.name] = { ...out[member.name], table: { disable: true } };
  }
  for (const attribute of element.attributes ?? []) {
    const current = out[attribute.name] ?? {};
    const slot = current.table?.category === 'slots' ? ` (or the \`${attribute.name}\` slot: ${current.description})` : '';
    out[attribute.name] = {
      ...current,
      name: attribute.name,
      description: `${attribute.description ?? ''}${slot}`,
      type: typeOf(attribute.type?.text) as ArgTypes[string]['type'],
      table: { ...current.table, category: 'attributes' },
    };
  }
  return out;
};

const preview: Preview = {
  globalTypes: {
    lang: {
      description: 'Language of the page (<html lang dir>)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: languages.map(({ code, name }) => ({ value: code, title: name })),
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Colour scheme of the page (color-scheme)',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'fr', scheme: 'light' },
  argTypesEnhancers: [attributesAsControls],
  decorators: [
    (story, { globals }) => {
      // Applied as a real page would: on <html>, so every element resolves its language and colours the ordinary way.
      const root = document.documentElement;
      const lang = String(globals.lang ?? 'fr');
      root.lang = lang;
      root.dir = languages.find((l) => l.code === lang)?.dir ?? 'ltr';
      root.style.colorScheme = String(globals.scheme ?? 'light');
      document.body.classList.add('lede-story');
      return story();
    },
  ],
  parameters: {
    controls: { expanded: true, sort: 'requiredFirst' },
  },
};

export default preview;
