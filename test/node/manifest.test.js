// custom-elements.json against the schema, the package and the elements themselves: it is a valid manifest; each tag
// is defined once, in the shipped module that registers it; every module is a file the package ships; everything an
// element documents has a description; every attribute an element observes is documented under the same name, and
// nothing else is (the analyzer misreads kebab-case defaults and `state: true` properties; see
// custom-elements-manifest.config.mjs). Run after a build: node --test test/node/
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import Ajv from 'ajv';
import '@lit-labs/ssr'; // the DOM shim that lets the elements load in Node
import '../../dist/lib/index.js';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName);

const root = new URL('../../', import.meta.url);
const TAGS = ['lede-article-header', 'lede-comment-form', 'lede-comments', 'lede-figure', 'lede-reading-time'];

test('the manifest is valid against the custom-elements-manifest schema', () => {
  const schema = createRequire(import.meta.url)('custom-elements-manifest/schema.json');
  // The schema is draft-07, which Ajv 8 knows; not strict, as the generated schema has keywords Ajv's strict mode refuses.
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
});

test('every module is a file the package ships', () => {
  const references = [];
  const collect = (value) => {
    if (!value || typeof value !== 'object') return;
    if (typeof value.module === 'string' && !value.package) references.push(value.module);
    Object.values(value).forEach(collect);
  };
  for (const module of manifest.modules) {
    references.push(module.path);
    collect(module.declarations);
    collect(module.exports);
  }
  for (const path of new Set(references)) {
    assert.match(path, /^dist\/.*\.js$/, path);
    assert.ok(existsSync(new URL(path, root)), `${path} exists`);
  }
});

test('one definition per tag, in the module that registers it, pointing at the element', () => {
  const definitions = manifest.modules.flatMap((module) =>
    (module.exports ?? [])
      .filter((entry) => entry.kind === 'custom-element-definition')
      .map((entry) => ({ module: module.path, ...entry })),
  );
  assert.deepEqual(definitions.map((definition) => definition.name).sort(), TAGS);
  for (const definition of definitions) {
    const short = definition.name.replace(/^lede-/, '');
    assert.equal(definition.module, `dist/lib/${short}/define.js`);
    const target = manifest.modules.find((module) => module.path === definition.declaration.module);
    const declaration = target?.declarations?.find((candidate) => candidate.name === definition.declaration.name);
    assert.equal(declaration?.tagName, definition.name, `${definition.name} points at its class`);
    assert.ok(declaration.customElement);
  }
});

test('every element, attribute, public property, event, slot, part and custom property has a description', () => {
  const missing = [];
  for (const element of elements) {
    if (!element.description?.trim()) missing.push(`<${element.tagName}>`);
    const items = {
      attribute: element.attributes,
      property: element.members?.filter(
        (member) => member.kind === 'field' && !member.privacy?.match(/private|protected/) && !member.static,
      ),
      event: element.events,
      slot: element.slots,
      'CSS part': element.cssParts,
      'CSS property': element.cssProperties,
    };
    for (const [kind, list] of Object.entries(items)) {
      for (const item of list ?? [])
        if (!item.description?.trim()) missing.push(`<${element.tagName}> ${kind} "${item.name}"`);
    }
  }
  assert.deepEqual(missing, []);
});

test('the manifest documents the four elements', () => {
  assert.deepEqual(elements.map((element) => element.tagName).sort(), TAGS);
});

for (const element of elements) {
  test(`<${element.tagName}>: documented attributes are the observed ones`, () => {
    const observed = customElements.get(element.tagName).observedAttributes;
    assert.deepEqual((element.attributes ?? []).map((attribute) => attribute.name).sort(), [...observed].sort());
    for (const attribute of element.attributes ?? []) {
      const field = element.members.find((member) => member.name === attribute.fieldName);
      assert.equal(field?.attribute, attribute.name, `${attribute.fieldName} names its attribute`);
    }
  });
}

test('the header and <lede-reading-time> name their shared values as the README table says', () => {
  const fields = (tag) =>
    Object.fromEntries(
      elements
        .find((element) => element.tagName === tag)
        .attributes.map((attribute) => [attribute.name, attribute.fieldName]),
    );
  const header = fields('lede-article-header');
  const time = fields('lede-reading-time');
  assert.equal(header.updated, 'modified', 'updated is the property modified (Lit owns updated())');
  assert.equal(header['reading-time'], 'readingTime');
  assert.equal(header['reading-time-minutes'], 'readingTimeMinutes', 'alias of reading-time');
  assert.equal(header['reading-time-for'], 'readingTimeFor');
  assert.equal(time.minutes, 'minutes');
  assert.equal(time.for, 'for');
});
