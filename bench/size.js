// Sizes of the built files: raw, gzip -9 and brotli (max quality).
// `node bench/size.js --check` is the size gate run by `npm test`: it names the file and its excess over the
// budget, and fails above it.
// `node bench/size.js --floor` also builds and prints the floor (Lit + one trivial element) and each element
// bundled alone with Lit; `npm run bench` (bench/index.js) uses the same functions for its figure 1.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Gzip budgets, in bytes: `--check` fails above them. Issue 21 adds the budgets of what a page downloads. */
export const BUDGET = { 'lede.js': 18_100 };

const project = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
export const ELEMENTS = ['article-header', 'figure', 'reading-time', 'comment-form'];

/** A module plus the local chunks it imports, transitively (Lit itself stays external and is not counted). */
function withChunks(path, seen = new Set()) {
  path = resolve(path);
  if (seen.has(path)) return '';
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  const imports = [...code.matchAll(/(?:from|import)\s*["'](\.\.?\/[^"']+)["']/g)];
  return code + imports.map(([, spec]) => withChunks(fileURLToPath(new URL(spec, pathToFileURL(path))), seen)).join('');
}

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
  return sizeOf(join(dir, 'out', file));
}

/**
 * Each element bundled alone with Lit inlined and minified (vite.config.ts in bundle mode, one entry per element):
 * what a page loading only that element downloads. Built from src/ into `dir`.
 * @param {string} dir an empty temporary folder
 */
export async function standaloneSizes(dir) {
  const { build, loadConfigFromFile } = await import('vite');
  const env = { command: 'build', mode: 'bundle', isSsrBuild: false, isPreview: false };
  const { config } = await loadConfigFromFile(env, join(project, 'vite.config.ts'), project, 'silent');
  config.build.lib.entry = Object.fromEntries(ELEMENTS.map((name) => [name, join(project, `src/${name}/define.ts`)]));
  const outDir = join(dir, 'standalone');
  await build({ ...config, configFile: false, root: project, mode: 'bundle', logLevel: 'silent', build: { ...config.build, outDir, emptyOutDir: true, sourcemap: false } });
  return Object.fromEntries(ELEMENTS.map((name) => [name, sizeOf(join(outDir, `${name}.js`))]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = distSizes();
  console.table(sizes);
  if (process.argv.includes('--floor')) {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'lede-size-'));
    try {
      console.table({ 'floor (Lit + trivial element)': await floorSize(dir), ...(await standaloneSizes(dir)) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (process.argv.includes('--check')) {
    let failed = false;
    for (const [name, limit] of Object.entries(BUDGET)) {
      const size = sizes[name]?.gzip;
      if (size === undefined) {
        console.error(`size: dist/${name} is missing; run npm run build first.`);
        failed = true;
      } else if (size > limit) {
        console.error(`size: dist/${name} is ${size} B gzip, ${size - limit} B over its budget of ${limit} B.`);
        failed = true;
      } else {
        console.log(`size: dist/${name} is ${size} B gzip, ${limit - size} B under its budget of ${limit} B.`);
      }
    }
    process.exitCode = failed ? 1 : 0;
  }
}
