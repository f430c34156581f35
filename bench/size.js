// Sizes of the built files: raw, gzip -9 and brotli (max quality).
// `node bench/size.js --check` is the size gate run by `npm test`: it names each file or page, its distance to its
// target, and fails above its limit (see BUDGET). The page budgets are measured in Chromium (bench/downloads.js), beside the floor.
// `node bench/size.js --floor` also builds and prints the floor (Lit + one trivial element) and each element
// bundled alone with Lit; `npm run bench` (bench/index.js) uses the same functions for its figure 1.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Gzip sizes, in bytes. `target` is the budget the issues set; `limit` is what `--check` fails above. They differ
 * while a target is not met: issues 20 and 21 set 17,500 B for dist/lede.js, and the features issues 17, 18 and 23
 * asked for since (DOM-clobbering guards, structured data, accessible names, the unconfigured-form notice) brought
 * it to about 18.7 KB; meeting it means taking a feature out, a product decision (see issue 21's notes). Until then
 * each limit stands a little above today's figure, so growth fails, and every run prints the distance to the target.
 * Issue 19's fifth element, <lede-comments> (the thread, replies, WordPress's list read as text), and the header's
 * comment count added 4,564 B: 18,839 B before, 23,403 B with them. Issue 21 lets each new element add its own
 * increment to the 17,500 B target, so the target is their sum. Issue 20 then restored the messages once shortened
 * for bytes (118 B) and gave each element one light-DOM reader for the browser and the server: 23,808 B. Issue 21's
 * zoom dialog loaded on the first zoom costs lede.js, which holds it anyway, 171 B of loading logic: 23,995 B.
 */
/** @typedef {{ target: number, limit: number }} Budget */
/** @type {Record<string, Budget>} */
export const BUDGET = { 'lede.js': { target: 17_500 + 4_564, limit: 24_200 } };

/**
 * What a reader downloads (issue 21), gzip bytes of all the JavaScript a real page load fetched, each response
 * compressed on its own (bench/downloads.js), with the same `target` and `limit`.
 */
/** @type {Record<string, Budget & { what: string }>} */
export const PAGE_BUDGET = {
  // Met since server-rendered elements hydrate when the reader reaches for them: the autoloader alone.
  articleBefore: {
    target: 12 * 1024,
    limit: 12 * 1024,
    what: 'reference article, server-rendered, autoloader: all JS before the comment section is within a viewport',
  },
  // After the scroll the page also has <lede-comments> (issue 19), which the 18 KiB target predates.
  articleAfter: {
    target: 18 * 1024,
    limit: 32_800,
    what: 'same, after pointing at the header and figures and scrolling to the comments (everything the page uses)',
  },
  figure: { target: 10 * 1024, limit: 14_400, what: 'page with one <lede-figure> and the autoloader' },
};
/** Pages measured beside those, with no budget of their own. */
export const PAGE_REPORT = {
  articleHydrated: 'same, once the reader has pointed at the header and the figures (hydrating them)',
  floor: 'floor: Lit + one trivial element',
};

const project = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
export const ELEMENTS = ['article-header', 'figure', 'reading-time', 'comment-form', 'comments'];

/**
 * A module plus the local chunks it imports, transitively (Lit itself stays external and is not counted).
 * @param {string} path @param {Set<string>} [seen] @returns {string}
 */
function withChunks(path, seen = new Set()) {
  path = resolve(path);
  if (seen.has(path)) return '';
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  const imports = [...code.matchAll(/(?:from|import)\s*["'](\.\.?\/[^"']+)["']/g)];
  return code + imports.map(([, spec]) => withChunks(fileURLToPath(new URL(spec, pathToFileURL(path))), seen)).join('');
}

/** @param {string} path */
export function sizeOf(path) {
  const bytes = Buffer.from(withChunks(path));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** `dist/lede.js` and each `dist/<element>.js` (with the shared chunks each one imports counted in). */
export function distSizes() {
  const files = readdirSync(dist).filter((name) => name.endsWith('.js'));
  return Object.fromEntries(files.map((name) => [name, sizeOf(dist + name)]));
}

/** The floor: Lit and one trivial element, bundled and minified like dist/lede.js (vite, Lit inlined). */
const FLOOR = `import { LitElement, html, css } from 'lit';
class FloorElement extends LitElement {
  static properties = { name: {} };
  static styles = css\`:host { display: block; }\`;
  render() {
    return html\`<p>Hello, \${this.name}!</p>\`;
  }
}
customElements.define('floor-element', FloorElement);
`;

/**
 * Builds the floor into `dir` with vite's build() API and returns its sizes.
 * @param {string} dir an empty temporary folder
 */
export async function floorSize(dir) {
  const { build } = await import('vite');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'floor.js'), FLOOR);
  await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    resolve: { alias: [{ find: /^lit$/, replacement: join(project, 'node_modules/lit/index.js') }] },
    build: {
      target: 'es2022',
      outDir: join(dir, 'out'),
      emptyOutDir: true,
      lib: { entry: { floor: join(dir, 'floor.js') }, formats: ['es'] },
      rolldownOptions: { output: { minify: true } },
    },
  });
  const file = readdirSync(join(dir, 'out')).find((name) => name.startsWith('floor.'));
  if (!file) throw new Error('the floor build wrote no floor.*.js');
  return sizeOf(join(dir, 'out', file));
}

/**
 * Each element bundled alone with Lit inlined and minified (vite.config.ts in bundle mode, one entry per element):
 * what a page loading only that element downloads. Built from src/ into `dir`.
 * @param {string} dir an empty temporary folder
 */
export async function standaloneSizes(dir) {
  const { build, loadConfigFromFile } = await import('vite');
  /** @type {import('vite').ConfigEnv} */
  const env = { command: 'build', mode: 'bundle', isSsrBuild: false, isPreview: false };
  const loaded = await loadConfigFromFile(env, join(project, 'vite.config.ts'), project, 'silent');
  if (!loaded) throw new Error('vite.config.ts not found');
  const { config } = loaded;
  if (!config.build?.lib) throw new Error('vite.config.ts has no library build in bundle mode');
  config.build.lib.entry = Object.fromEntries(ELEMENTS.map((name) => [name, join(project, `src/${name}/define.ts`)]));
  const outDir = join(dir, 'standalone');
  await build({
    ...config,
    configFile: false,
    root: project,
    mode: 'bundle',
    logLevel: 'silent',
    build: { ...config.build, outDir, emptyOutDir: true, sourcemap: false },
  });
  return Object.fromEntries(ELEMENTS.map((name) => [name, sizeOf(join(outDir, `${name}.js`))]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = distSizes();
  console.table(sizes);
  const check = process.argv.includes('--check');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'lede-size-'));
  let pages;
  try {
    const floor = await floorSize(join(dir, 'floor'));
    if (process.argv.includes('--floor'))
      console.table({ 'floor (Lit + trivial element)': floor, ...(await standaloneSizes(dir)) });
    if (check) {
      const { pageDownloads } = await import('./downloads.js');
      pages = await pageDownloads(join(dir, 'floor'));
      const kib = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KiB`;
      console.table(
        Object.fromEntries(
          Object.entries(pages).map(([name, p]) => [
            PAGE_BUDGET[name]?.what ?? PAGE_REPORT[/** @type {keyof typeof PAGE_REPORT} */ (name)],
            {
              gzip: p.gzip,
              brotli: p.brotli,
              'gzip KiB': kib(p.gzip),
              target: PAGE_BUDGET[name] ? kib(PAGE_BUDGET[name].target) : '',
              files: p.files.length,
            },
          ]),
        ),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (check) {
    let failed = false;
    const verdict = (
      /** @type {string} */ name,
      /** @type {number} */ size,
      /** @type {Budget} */ { target, limit },
    ) => {
      const toTarget =
        size > target
          ? `${size - target} B over its target of ${target} B`
          : `${target - size} B under its target of ${target} B`;
      if (size > limit) {
        console.error(`size: ${name} is ${size} B gzip, over its limit of ${limit} B (${toTarget}).`);
        failed = true;
      } else console.log(`size: ${name} is ${size} B gzip, ${toTarget} (limit ${limit} B).`);
    };
    for (const [name, budget] of Object.entries(BUDGET)) {
      const size = sizes[name]?.gzip;
      if (size === undefined) {
        console.error(`size: dist/${name} is missing; run npm run build first.`);
        failed = true;
      } else verdict(`dist/${name}`, size, budget);
    }
    for (const [name, budget] of Object.entries(PAGE_BUDGET)) {
      const page = pages?.[/** @type {keyof typeof pages} */ (name)];
      if (page) verdict(`${budget.what} (${page.files.length} files)`, page.gzip, budget);
    }
    process.exitCode = failed ? 1 : 0;
  }
}
