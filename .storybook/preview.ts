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
  slots?: Item[];
  cssParts?: Item[];
}

/** The manifest's entry for a tag. */
function declaration(tag: unknown): Declaration | undefined {
  const manifest = getCustomElements() as { modules?: Array<{ declarations?: Declaration[] }> } | undefined;
  const modules = manifest?.modules ?? [];
  return modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
}

/** A control type from a TypeScript type as the manifest writes it: `'a' | 'b'` gives a choice. */
function typeOf(text = 'string'): { name: string; value?: string[] } {
  const bare = text.replace(/\s*\|\s*undefined/g, '').trim();
  const literals = bare.split('|').map((part) => /^\s*'([^']*)'\s*$/.exec(part)?.[1]);
  if (literals.every((value) => value !== undefined)) return { name: 'enum', value: literals };
  return { name: ['boolean', 'number'].includes(bare) ? bare : 'string' };
}

const SLOTS = 'slots';
const PARTS = 'css shadow parts';

/**
 * Storybook lists an element's attributes and its properties separately, private fields included. Controls
 * here are the attributes, as a page author writes them; properties that mirror an attribute under another
 * name, and non-public members, are left out.
 *
 * Storybook keys every row by its bare name, so a slot, a part and an attribute of the same name (the figure's
 * `caption`, the form's `heading`) overwrite one another, and the figure's and the form's docs pages had no Slots
 * table. Slots and parts are listed again here from the manifest, each under a key of its own: a slot keeps its
 * name as key (a text control, which the stories render into the slot) unless an attribute has it, then
 * `slot-<name>` without control; parts are `part-<name>`; the default slot is "(default)".
 */
const attributesAsControls: ArgTypesEnhancer = ({ argTypes, component }) => {
  const element = declaration(component);
  if (!element) return argTypes;
  const out: ArgTypes = {};
  for (const [key, argType] of Object.entries(argTypes)) {
    if (argType.table?.category !== SLOTS && argType.table?.category !== PARTS) out[key] = argType;
  }
  for (const member of element.members ?? []) {
    const attribute = element.attributes?.find((a) => a.fieldName === member.name);
    const hidden = member.privacy || member.static || (attribute && attribute.name !== member.name);
    if (out[member.name]?.table?.category === 'properties' && hidden)
      out[member.name] = { ...out[member.name], table: { disable: true } };
  }
  for (const attribute of element.attributes ?? []) {
    const current = out[attribute.name] ?? {};
    out[attribute.name] = {
      ...current,
      name: attribute.name,
      description: attribute.description ?? '',
      type: typeOf(attribute.type?.text) as ArgTypes[string]['type'],
      table: { ...current.table, category: 'attributes' },
    };
  }
  for (const slot of element.slots ?? []) {
    const own = !!slot.name && !(slot.name in out);
    out[own ? slot.name : `slot-${slot.name || 'default'}`] = {
      name: slot.name || '(default)',
      description: slot.description ?? '',
      type: { name: 'string' },
      control: own ? 'text' : false,
      table: { category: SLOTS },
    };
  }
  for (const part of element.cssParts ?? []) {
    out[`part-${part.name}`] = {
      name: part.name,
      description: part.description ?? '',
      control: false,
      table: { category: PARTS },
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
