// Sizes of the built files: raw, gzip -9 and brotli (max quality).
// `node bench/size.js --check` is the budget gate run by `npm test`: it fails naming the file and the excess.
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const BUDGET = { 'lede.js': 16 * 1024 };

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** A module plus the local chunks it imports, transitively (Lit itself stays external and is not counted). */
function withChunks(path, seen = new Set()) {
  if (seen.has(path)) return '';
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  const imports = [...code.matchAll(/(?:from|import)\s*["'](\.\.?\/[^"']+)["']/g)];
  return code + imports.map(([, spec]) => withChunks(fileURLToPath(new URL(spec, `file://${path}`)), seen)).join('');
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = distSizes();
  console.table(sizes);
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
