// lede-elements/ssr's output checked by the Nu Html Checker (vnu-jar, the W3C validator's engine), errors only:
// the reference page (demo/index.html) in French and English, and a page that uses every attribute of every
// element, built from custom-elements.json so that a new attribute is checked too. Needs Java (.ci/run installs
// Debian's default-jre-headless); without it the test is skipped and says so.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderToString } from '../../dist/lib/ssr/index.js';

const java = spawnSync('java', ['-version']).status === 0;
const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** A value that each attribute accepts, by its name and type in the manifest. */
function valueFor({ name, type }) {
  const text = type?.text ?? 'string';
  if (text === 'boolean') return '';
  const choices = [...text.matchAll(/'([^']+)'/g)].map((match) => match[1]);
  if (choices.length) return choices.at(-1);
  if (text.startsWith('number')) return name === 'heading-level' ? '2' : '800';
  if (/href$|^src$|^license$|^action$/.test(name)) return `/${name}`;
  const values = {
    published: '2019-11-27T09:00:00+01:00',
    updated: '2019-12-03',
    'time-zone': 'Europe/Paris',
    lang: 'fr',
    srcset: '/a.jpg 800w, /b.jpg 1600w',
    sizes: '100vw',
    'reading-time-for': 'story',
    for: 'story',
    protocol: 'json',
  };
  return values[name] ?? `Valeur de ${name}`;
}

function everyAttributePage() {
  const manifest = JSON.parse(read('../../custom-elements.json'));
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName);
  const tags = elements.map(({ tagName, attributes = [] }) => {
    const attrs = attributes.map((attribute) => {
      const value = valueFor(attribute);
      return value === '' ? attribute.name : `${attribute.name}="${value}"`;
    });
    return `<${tagName} ${attrs.join(' ')}></${tagName}>`;
  });
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Every attribute</title></head>
<body><main><article id="story"><p>${'Un paragraphe de texte. '.repeat(50)}</p>${tags.join('\n')}</article></main></body></html>`;
}

/** The Nu Html Checker's error messages for each page, keyed by name. */
function errors(pages) {
  const dir = mkdtempSync(join(tmpdir(), 'lede-vnu-'));
  try {
    const files = Object.entries(pages).map(([name, html]) => {
      const file = join(dir, `${name}.html`);
      writeFileSync(file, html);
      return file;
    });
    const run = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
    const { messages } = JSON.parse(run.stderr || '{"messages":[]}');
    return messages.map(
      (message) =>
        `${message.url.split('/').at(-1)}:${message.lastLine}: ${message.message} (${message.extract ?? ''})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test(
  'the Nu Html Checker finds no error in server-rendered pages',
  { skip: !java && 'no Java runtime: install default-jre-headless' },
  () => {
    const demo = read('../../demo/index.html');
    const found = errors({
      'reference-fr': renderToString(demo),
      'reference-en': renderToString(demo, { lang: 'en' }),
      'every-attribute': renderToString(everyAttributePage()),
    });
    assert.deepEqual(found, []);
  },
);
