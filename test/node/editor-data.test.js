// The editor data written from custom-elements.json by the build (custom-elements-manifest.config.mjs): VS Code's
// custom data and JetBrains' web-types list every tag with its attributes, their descriptions and enumerated values,
// and the custom properties and parts. Run after a build: node --test test/node/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (file) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
const manifest = read('custom-elements.json');
const pkg = read('package.json');
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName);
const byTag = (list, key = 'name') => Object.fromEntries(list.map((item) => [item[key], item]));
/** `'a' | 'b'` as ['a', 'b']; [] for any other type. */
const values = (type = '') =>
  /^('[^']*'\s*\|?\s*)+$/.test(type.replace(/\s*\|\s*undefined$/, ''))
    ? [...type.matchAll(/'([^']*)'/g)].map((m) => m[1])
    : [];

test('package.json points editors at the files and ships them', () => {
  assert.equal(pkg['web-types'], './web-types.json');
  for (const file of ['vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json']) {
    assert.ok(pkg.files.includes(file), `${file} in files`);
    assert.equal(pkg.exports[`./${file}`], `./${file}`);
  }
});

test('VS Code HTML data: every tag, attribute, description and value', () => {
  const tags = byTag(read('vscode.html-custom-data.json').tags);
  assert.deepEqual(Object.keys(tags).sort(), elements.map((element) => element.tagName).sort());
  for (const element of elements) {
    const tag = tags[element.tagName];
    assert.ok(tag.description.includes(element.summary.split('\n')[0]), `${element.tagName} described`);
    const attributes = byTag(tag.attributes);
    assert.deepEqual(Object.keys(attributes).sort(), element.attributes.map((attribute) => attribute.name).sort());
    for (const attribute of element.attributes) {
      const data = attributes[attribute.name];
      assert.equal(data.description, attribute.description);
      assert.deepEqual(
        (data.values ?? []).map((value) => value.name),
        values(attribute.type?.text),
        `${element.tagName} ${attribute.name}`,
      );
    }
  }
  assert.deepEqual(byTag(tags['lede-figure'].attributes)['credit-position'].values, [
    { name: 'overlay' },
    { name: 'below' },
  ]);
});

test('VS Code CSS data: every custom property and part', () => {
  const css = read('vscode.css-custom-data.json');
  const properties = new Set(css.properties.map((property) => property.name));
  const parts = new Set(css.pseudoElements.map((part) => part.name));
  for (const element of elements) {
    for (const property of element.cssProperties ?? []) assert.ok(properties.has(property.name), property.name);
    for (const part of element.cssParts ?? []) assert.ok(parts.has(`::part(${part.name})`), part.name);
  }
  assert.ok([...css.properties, ...css.pseudoElements].every((item) => item.description));
});

test('web-types: every element with its attributes, values, events, slots and CSS', () => {
  const webTypes = read('web-types.json');
  assert.equal(webTypes.name, pkg.name);
  assert.equal(webTypes.version, pkg.version);
  const tags = byTag(webTypes.contributions.html.elements);
  assert.deepEqual(Object.keys(tags).sort(), elements.map((element) => element.tagName).sort());
  for (const element of elements) {
    const tag = tags[element.tagName];
    const attributes = byTag(tag.attributes);
    assert.deepEqual(Object.keys(attributes).sort(), element.attributes.map((attribute) => attribute.name).sort());
    for (const attribute of element.attributes) {
      assert.equal(attributes[attribute.name].description, attribute.description);
      assert.deepEqual(values(attributes[attribute.name].value.type), values(attribute.type?.text));
    }
    assert.deepEqual(
      (tag.events ?? []).map((event) => event.name),
      (element.events ?? []).map((event) => event.name),
    );
    assert.deepEqual(
      (tag.slots ?? []).map((slot) => slot.name),
      (element.slots ?? []).map((slot) => slot.name),
    );
  }
  const css = webTypes.contributions.css;
  const properties = new Set(css.properties.map((property) => property.name));
  for (const property of elements.flatMap((element) => element.cssProperties ?? []))
    assert.ok(properties.has(property.name), property.name);
  const parts = new Set(css['pseudo-elements'].map((part) => part.name));
  for (const part of elements.flatMap((element) => element.cssParts ?? []))
    assert.ok(parts.has(`part(${part.name})`), part.name);
});
