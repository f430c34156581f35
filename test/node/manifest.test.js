// custom-elements.json against the elements themselves: every attribute an element observes is documented under the
// same name, and nothing else is (the analyzer misreads kebab-case defaults and `state: true` properties; see
// custom-elements-manifest.config.mjs). Run after a build: node --test test/node/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import '@lit-labs/ssr'; // the DOM shim that lets the elements load in Node
import '../../dist/lib/index.js';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);

test('the manifest documents the four elements', () => {
  assert.deepEqual(elements.map((element) => element.tagName).sort(), ['lede-article-header', 'lede-comment-form', 'lede-figure', 'lede-reading-time']);
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
    Object.fromEntries(elements.find((element) => element.tagName === tag).attributes.map((attribute) => [attribute.name, attribute.fieldName]));
  const header = fields('lede-article-header');
  const time = fields('lede-reading-time');
  assert.equal(header.updated, 'modified', 'updated is the property modified (Lit owns updated())');
  assert.equal(header['reading-time'], 'readingTime');
  assert.equal(header['reading-time-minutes'], 'readingTimeMinutes', 'alias of reading-time');
  assert.equal(header['reading-time-for'], 'readingTimeFor');
  assert.equal(time.minutes, 'minutes');
  assert.equal(time.for, 'for');
});
