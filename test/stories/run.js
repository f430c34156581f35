// Opens every story of the static Storybook build (storybook-static/, from `npm run build:stories`) in Chromium,
// in several languages and colour schemes, and fails on any console error, page error, failed request, story
// error, axe violation, or horizontal overflow of the page. Usage: node test/stories/run.js [filter]  (filter: part of a story id).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromeArgs } from '../support/chromium.js';

const root = resolve('storybook-static');
const axePath = resolve('node_modules/axe-core/axe.min.js');
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
// Every story runs in French (the reference) and in English on a dark page; the reference article, which holds
// all four elements, also in Arabic (right to left) and German.
const variants = [
  { lang: 'fr', scheme: 'light' },
  { lang: 'en', scheme: 'dark' },
];
const articleVariants = [...variants, { lang: 'ar', scheme: 'light' }, { lang: 'de', scheme: 'dark' }];
// `region` (all content inside landmarks) is about whole pages; a story shows one element out of its page, so it
// is off, as in Storybook's own accessibility addon. Every other axe rule applies.
const axeOptions = { rules: { region: { enabled: false } }, resultTypes: ['violations'] };
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.jpg': 'image/jpeg',
};

for (const [path, what] of [
  [join(root, 'index.json'), 'storybook-static/ (run `npm run build:stories` first)'],
  [axePath, 'axe-core'],
  [chrome, `Chromium at ${chrome} (set CHROME_PATH)`],
]) {
  if (!existsSync(path)) {
    console.error(`Missing ${what}.`);
    process.exit(1);
  }
}

const server = createServer((req, res) => {
  if (req.url === '/favicon.ico') return res.writeHead(204).end(); // asked for by Chromium, not by a story
  const path = resolve(root, `.${decodeURIComponent(new URL(req.url, 'http://x').pathname)}`);
  const file = path.endsWith(sep) || path === root ? join(path, 'index.html') : path;
  if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile())
    return res.writeHead(404).end();
  // Cacheable, so Chromium parses Storybook's megabyte of script once rather than on every story.
  const headers = {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'max-age=3600',
  };
  res.writeHead(200, headers).end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const filter = process.argv[2] ?? '';
const stories = Object.values(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')).entries).filter(
  (e) => e.type === 'story' && e.id.includes(filter),
);
const profile = mkdtempSync(join(tmpdir(), 'lede-stories-'));
const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: true,
  args: chromeArgs,
  userDataDir: profile,
});
const page = await browser.newPage();
await page.setViewport({ width: 1000, height: 800 });
let problems = [];
page.on(
  'console',
  (m) => m.type() === 'error' && problems.push(`console error: ${m.text()} ${m.location()?.url ?? ''}`),
);
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));

/** In the page: the story has finished (play function included), every Lede element is defined and updated, and
 * the page has no horizontal overflow. Returns what is wrong, or ''. */
async function settle(id) {
  const render = () => window.__STORYBOOK_PREVIEW__?.currentRender;
  const deadline = Date.now() + 15000;
  while (!(render()?.id === id && render().phase === 'finished')) {
    if (Date.now() > deadline) return `story did not finish rendering (phase: ${render()?.phase})`;
    await new Promise((r) => setTimeout(r, 20));
  }
  if (document.body.classList.contains('sb-show-errordisplay'))
    return `story error: ${document.querySelector('#error-message')?.textContent}`;
  const all = (node) =>
    [...node.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
  const lede = all(document.querySelector('#storybook-root')).filter((el) => el.localName.startsWith('lede-'));
  for (const el of lede) {
    if (!customElements.get(el.localName)) return `<${el.localName}> is not defined`;
    await el.updateComplete;
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  if (!lede.length) return 'no Lede element in the story';
  // A story wider than the page (a right-to-left layout pushing something off the start edge, say).
  const over = document.documentElement.scrollWidth - innerWidth;
  const outside = all(document.body).filter((el) =>
    ((r) => r.width && (r.left < -1 || r.right > innerWidth + 1))(el.getBoundingClientRect()),
  );
  const host = (el) => (el.getRootNode().host ? `${el.getRootNode().host.localName} › ` : '');
  const names = [
    ...new Set(outside.map((el) => `${host(el)}${el.localName}${el.className ? `.${el.className}` : ''}`)),
  ].slice(0, 5);
  return over > 1 ? `page overflows horizontally by ${over} px; outside the viewport: ${names.join(' ')}` : '';
}

const started = Date.now();
const failures = [];
let runs = 0;
for (const story of stories) {
  for (const { lang, scheme } of story.title === 'Reference article' ? articleVariants : variants) {
    const label = `${story.id} [${lang}, ${scheme}]`;
    problems = [];
    runs++;
    try {
      await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story&globals=lang:${lang};scheme:${scheme}`, {
        waitUntil: 'load',
      });
      const unsettled = await page.evaluate(settle, story.id);
      if (unsettled) problems.push(unsettled);
      const state = await page.evaluate(() =>
        [document.documentElement.lang, document.documentElement.style.colorScheme].join(),
      );
      if (state !== `${lang},${scheme}`) problems.push(`toolbar globals not applied: <html> has ${state}`);
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
      // `window.axe`: the script tag above adds it to the page.
      const violations = await page.evaluate(
        (options) => window.axe.run('#storybook-root', options).then((r) => r.violations),
        axeOptions,
      );
      for (const v of violations) {
        const nodes = v.nodes.map(
          (n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`,
        );
        problems.push(`axe ${v.id} (${v.impact}): ${v.help}\n      ${nodes.join('\n      ')}`);
      }
    } catch (error) {
      problems.push(`runner: ${error.message}`);
    }
    if (problems.length) failures.push(`✗ ${label}\n    ${problems.join('\n    ')}`);
    process.stdout.write(problems.length ? '✗' : '.');
  }
}

// Docs pages: the args table has a row for every slot and every CSS part of the manifest, under its own section.
// (Storybook keys rows by bare name, so the figure's `caption` slot, attribute and part, or the form's `heading` slot
// and part, overwrote one another and the figure's and the form's docs had no Slots table; .storybook/preview.ts
// keys them apart.)
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const declarations = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName);
const entries = Object.values(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')).entries);
/** In the page: the rows of the docs page's args table, by section ("slots", "css shadow parts"…). */
async function argsTable() {
  const deadline = Date.now() + 15000;
  while (!document.querySelector('.docblock-argstable tbody tr td span')) {
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 50));
  }
  const sections = {};
  let section = '';
  for (const row of document.querySelectorAll('.docblock-argstable tbody tr')) {
    const heading = /^Hide (.+) items$/.exec(row.getAttribute('title') ?? '');
    if (heading) sections[(section = heading[1])] = [];
    else sections[section]?.push(row.querySelector('td span')?.textContent.trim());
  }
  return sections;
}
for (const entry of entries.filter((e) => e.type === 'docs' && e.id.includes(filter))) {
  const element = declarations.find((d) => entry.title.endsWith(`/${d.tagName}`));
  if (!element) continue;
  runs++;
  const problems = [];
  await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=docs`, { waitUntil: 'load' });
  const sections = await page.evaluate(argsTable);
  if (!sections) problems.push('no args table');
  else {
    const expected = {
      slots: (element.slots ?? []).map((slot) => slot.name || '(default)'),
      'css shadow parts': (element.cssParts ?? []).map((part) => part.name),
    };
    for (const [section, names] of Object.entries(expected)) {
      const shown = sections[section] ?? [];
      if (JSON.stringify([...shown].sort()) !== JSON.stringify([...names].sort()))
        problems.push(`${section} table: ${JSON.stringify(shown)}, manifest: ${JSON.stringify(names)}`);
    }
  }
  if (problems.length) failures.push(`✗ ${entry.id} (docs)\n    ${problems.join('\n    ')}`);
  process.stdout.write(problems.length ? '✗' : '.');
}

// The reference article has controls: the page's language and scheme, and the article's own. Set through the URL,
// as the Controls panel sets them, they reach the page.
if ('reference-article--reference-article'.includes(filter) || filter.includes('reference-article')) {
  runs++;
  const problems = [];
  const id = 'reference-article--reference-article';
  await page.goto(
    `${origin}/iframe.html?id=${id}&viewMode=story&globals=lang:fr;scheme:light&args=lang:en;scheme:dark;author:Anne+Martin;zoomable:!false`,
    { waitUntil: 'load' },
  );
  const unsettled = await page.evaluate(settle, id);
  if (unsettled) problems.push(unsettled);
  const seen = await page.evaluate(() => {
    const controls = Object.entries(window.__STORYBOOK_PREVIEW__.currentRender.story.argTypes).filter(
      ([, t]) => t.control !== false && t.control?.disable !== true,
    );
    const header = document.querySelector('lede-article-header').shadowRoot;
    return {
      controls: controls.map(([key]) => key).sort(),
      html: [document.documentElement.lang, document.documentElement.style.colorScheme].join(),
      byline: header.querySelector('[part=byline]')?.textContent.replace(/\s+/g, ' ').trim(),
      reading: header.querySelector('lede-reading-time')?.shadowRoot.textContent.trim(),
      zoom: document.querySelectorAll('lede-figure[zoomable]').length,
    };
  });
  for (const control of [
    'lang',
    'scheme',
    'site',
    'published',
    'updated',
    'author',
    'date-style',
    'zoomable',
    'remember',
  ]) {
    if (!seen.controls.includes(control))
      problems.push(`no ${control} control (controls: ${seen.controls.join(', ')})`);
  }
  if (seen.html !== 'en,dark') problems.push(`args lang/scheme not applied: <html> has ${seen.html}`);
  if (seen.byline !== 'By Anne Martin') problems.push(`author arg: byline "${seen.byline}"`);
  if (!/min read$/.test(seen.reading ?? '')) problems.push(`lang arg: reading time "${seen.reading}"`);
  if (seen.zoom !== 0) problems.push(`zoomable arg: ${seen.zoom} zoomable figures`);
  if (problems.length) failures.push(`✗ ${id} (controls)\n    ${problems.join('\n    ')}`);
  process.stdout.write(problems.length ? '✗' : '.');
}

// Storybook's own page (the manager) around a story and a docs page logs no warning and no error: a deprecation in
// the toolbar, say (.storybook/manager.ts filters the one Storybook itself causes, and says why).
{
  const manager = await browser.newPage();
  const logged = [];
  manager.on(
    'console',
    (m) => ['warn', 'warning', 'error'].includes(m.type()) && logged.push(`${m.type()}: ${m.text().slice(0, 300)}`),
  );
  manager.on('pageerror', (e) => logged.push(`page error: ${e.message}`));
  const first = stories[0]?.id;
  const docs = entries.find((e) => e.type === 'docs')?.id;
  for (const path of [first && `/?path=/story/${first}`, docs && `/?path=/docs/${docs}`].filter(Boolean)) {
    runs++;
    logged.length = 0;
    await manager.goto(`${origin}${path}`, { waitUntil: 'load' });
    await manager
      .waitForSelector('#storybook-preview-iframe', { timeout: 15000 })
      .catch(() => logged.push('no preview iframe'));
    await new Promise((r) => setTimeout(r, 1500)); // the toolbar and panels render after the first story
    // The previews' own console (a story's expected warnings) is checked above; here, only the manager's.
    const own = logged.filter((line) => !line.includes('[lede]') && !line.includes('Failed to load resource'));
    if (own.length) failures.push(`✗ manager ${path}\n    ${own.join('\n    ')}`);
    process.stdout.write(own.length ? '✗' : '.');
  }
  await manager.close();
}

await browser.close();
server.close();
rmSync(profile, { recursive: true, force: true });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\n${failures.join('\n')}`);
console.log(
  `${stories.length} stories, ${runs} runs (languages × colour schemes): ${runs - failures.length} passed, ${failures.length} failed, in ${seconds} s`,
);
process.exit(failures.length || !stories.length ? 1 : 0);
