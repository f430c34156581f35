/**
 * Writes the framework types from custom-elements.json (run by `npm run build`, after the analyzer):
 * - dist/react.d.ts (`lede-elements/react`): React 19's `JSX.IntrinsicElements` for every tag. Each takes its
 *   attributes under their own kebab-case names, typed from the manifest, React's own props for an element of its
 *   class (`id`, `slot`, `lang`, `style`, `children`, `key`, `ref`…) and `class`, and one `on<event>` prop per
 *   event. React 19 sets a prop on a custom element as a property when the element has one, else as an attribute
 *   (`true` as an empty one, `false` removes it); a prop starting with `on` whose value is a function becomes
 *   `addEventListener(name after "on", as written)`, so `onlede-figure-error` listens to `lede-figure-error`.
 * - dist/vue.d.ts (`lede-elements/vue`): Vue 3's `GlobalComponents`, each tag a `DefineComponent` with its
 *   attributes as props (camelCase, as Vue declares props; templates write them in kebab case) and its events.
 *
 * The libraries that generate these (@wc-toolkit/jsx-types 1.8.2, custom-element-vuejs-integration 1.4.0) were
 * tried: the JSX types import names the package does not export (`LedeElement`), augment modules a React app does
 * not have (`preact`, `@stencil/core`, `hono/jsx`…), and document one element with another's slots; the Vue types
 * give the events as `CustomEvent<LedeFigureErrorEvent>` and augment the global `JSX` namespace.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/** @typedef {import('custom-elements-manifest').CustomElementDeclaration} Element */
/** @typedef {import('custom-elements-manifest').Attribute} Attribute */
/** @typedef {import('custom-elements-manifest').Event} ElementEvent */

// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- JSON.parse is `any`; the cast gives its type
const manifest = /** @type {import('custom-elements-manifest').Package} */ (
  JSON.parse(readFileSync('custom-elements.json', 'utf8'))
);
const HEADER = '// Generated from custom-elements.json by scripts/framework-types.mjs at build time: do not edit.\n';

/** @type {Map<string, import('custom-elements-manifest').Declaration>} */
const declarations = new Map(
  manifest.modules.flatMap((module) =>
    (module.declarations ?? []).map((declaration) => [`${module.path} ${declaration.name}`, declaration]),
  ),
);
/** Every element defined in the manifest, in tag order: the definitions name them. */
const elements = manifest.modules
  .flatMap((module) => (module.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition'))
  .map((definition) => ({
    tag: definition.name,
    .../** @type {Element} */ (
      declarations.get(`${definition.declaration.module ?? ''} ${definition.declaration.name}`)
    ),
  }))
  .sort((a, b) => a.tag.localeCompare(b.tag));
if (elements.length === 0 || elements.some((element) => !element.name))
  throw new Error('custom-elements.json: definitions without their element');

/** An event's class, from the element that fires it or another that documents the same event with its type. */
const eventTypes = new Map(
  elements.flatMap((element) =>
    (element.events ?? []).flatMap((event) => (event.type?.text ? [[event.name, event.type.text]] : [])),
  ),
);
const eventType = (/** @type {ElementEvent} */ event) => eventTypes.get(event.name) ?? 'Event';

/**
 * The manifest's type of an attribute as a TypeScript type: string, number, boolean or a union of string literals.
 * @param {Attribute} attribute
 */
function valueType(attribute) {
  const text = (attribute.type?.text ?? 'string').replace(/\s*\|\s*undefined\b/g, '').trim();
  if (/^(string|number|boolean)$/.test(text) || /^'[^']*'(\s*\|\s*'[^']*')*$/.test(text)) return text;
  return 'string';
}

const camel = (/** @type {string} */ name) =>
  name.replace(/-([a-z])/g, (_, /** @type {string} */ letter) => letter.toUpperCase());
const key = (/** @type {string} */ name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const doc = (/** @type {string | undefined} */ text, /** @type {string} */ indent) => {
  const lines = (text ?? '').trim().replaceAll('*/', '*\\/').split('\n');
  return lines.length === 1
    ? `${indent}/** ${lines[0]} */\n`
    : `${indent}/**\n${lines.map((line) => `${indent} * ${line}`.trimEnd()).join('\n')}\n${indent} */\n`;
};
const imports = [...new Set(elements.flatMap((element) => [element.name, ...(element.events ?? []).map(eventType)]))]
  .filter((name) => name !== 'Event')
  .sort();
const importLine = `import type { ${imports.join(', ')} } from './lib/index.js';\n`;
const elementDoc = (/** @type {Element & { tag: string }} */ element, /** @type {string} */ indent) =>
  doc(`\`<${element.tag}>\`: ${element.summary ?? element.description}`, indent);

// React
let react = `${HEADER}import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n${importLine}\n`;
react +=
  "/** React's props for an element of class `E` (`id`, `slot`, `lang`, `style`, `children`, `key`, `ref`…), `class`, then its own. */\n" +
  'type Props<E extends HTMLElement, Own> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Own> & { class?: string } & Own;\n';
for (const element of elements) {
  react += `\n/** Attributes of \`<${element.tag}>\`, and \`on<event>\` listeners of its events. */\nexport interface ${element.name}Attributes {\n`;
  for (const attribute of element.attributes ?? [])
    react += doc(attribute.description, '  ') + `  ${key(attribute.name)}?: ${valueType(attribute)};\n`;
  for (const event of element.events ?? [])
    react +=
      doc(`\`${event.name}\`: ${event.description}`, '  ') +
      `  ${key(`on${event.name}`)}?: (event: ${eventType(event)}) => void;\n`;
  react += '}\n';
}
react += "\ndeclare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n";
for (const element of elements)
  react +=
    elementDoc(element, '      ') + `      '${element.tag}': Props<${element.name}, ${element.name}Attributes>;\n`;
react += '    }\n  }\n}\n';

// Vue
let vue = `${HEADER}import type { DefineComponent } from 'vue';\n${importLine}`;
for (const element of elements) {
  vue += `\n/** Props of \`<${element.tag}>\`: its attributes (\`credit-href\` in a template is \`creditHref\`). */\nexport interface ${element.name}Props {\n`;
  for (const attribute of element.attributes ?? [])
    vue += doc(attribute.description, '  ') + `  ${key(camel(attribute.name))}?: ${valueType(attribute)};\n`;
  vue += `}\n\n/** Events of \`<${element.tag}>\` (\`@<event>\` in a template); a type, not an interface, as Vue's \`EmitsOptions\` wants an index signature. */\nexport type ${element.name}Events = {\n`;
  for (const event of element.events ?? [])
    vue += doc(event.description, '  ') + `  ${key(event.name)}: (event: ${eventType(event)}) => void;\n`;
  vue += '};\n';
}
vue += "\ndeclare module 'vue' {\n";
// Children fill the elements' named slots with the global `slot` attribute, which Vue's HTMLAttributes leave out.
vue +=
  '  interface HTMLAttributes {\n    /** The named slot of the parent custom element that this element fills. */\n    slot?: string;\n  }\n\n';
vue += '  interface GlobalComponents {\n';
for (const element of elements)
  vue +=
    elementDoc(element, '    ') +
    `    '${element.tag}': DefineComponent<${element.name}Props, {}, {}, {}, {}, {}, {}, ${element.name}Events>;\n`;
vue += '  }\n}\n';

mkdirSync('dist', { recursive: true });
writeFileSync('dist/react.d.ts', react);
writeFileSync('dist/vue.d.ts', vue);
