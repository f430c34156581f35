// `executeServerCommand('lede-ssr', { markup, lang })`: the markup rendered by lede-elements/ssr (src/ssr/), for the
// hydrated fixture of test/support/fixtures.ts. The renderer is built from the sources, as the browser tests load
// them (esbuild, no template minifying), so that the server's templates are the very ones the browser hydrates;
// `lit` and `@lit-labs/*` stay imports, so that the elements and @lit-labs/ssr share one Lit. It runs in a worker
// thread (ssr-render-worker.js), apart from dist/'s renderer, which test/support/ssr-page.js loads in this process.
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside node_modules/, so that the bundle's imports of lit and @lit-labs/ssr resolve from the project.
const outdir = `${root}node_modules/.cache/lede-ssr-render`;

/** @typedef {{ id: number, rendered?: string, error?: string }} Answer */

/** @type {Promise<Worker> | undefined} */
let started;
/** @type {Map<number, (answer: Answer) => void>} */
const waiting = new Map();
let next = 0;

/** Builds src/ssr/index.ts for Node once per test run, and starts the worker that renders with it. */
function worker() {
  started ??= (async () => {
    // A new name each run (Node caches modules by URL), and the last run's file removed.
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(outdir, { recursive: true });
    const outfile = `${outdir}/index-${Date.now()}.js`;
    await build({
      entryPoints: [`${root}src/ssr/index.ts`],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'es2022',
      tsconfig: `${root}tsconfig.json`,
      packages: 'external',
      logLevel: 'error',
    });
    const thread = new Worker(new URL('./ssr-render-worker.js', import.meta.url), {
      workerData: { renderer: pathToFileURL(outfile).href },
    });
    thread.on('message', (/** @type {Answer} */ answer) => {
      waiting.get(answer.id)?.(answer);
      waiting.delete(answer.id);
    });
    // The test runner exits when its tests are done, whatever this thread is waiting for.
    thread.unref();
    return thread;
  })();
  return started;
}

/** @param {string} markup @param {string | undefined} lang @returns {Promise<string>} */
async function render(markup, lang) {
  const thread = await worker();
  const id = next++;
  const answer = await new Promise((/** @type {(answer: Answer) => void} */ resolve) => {
    waiting.set(id, resolve);
    thread.postMessage({ id, markup, lang });
  });
  if (answer.error !== undefined) throw new Error(answer.error);
  return answer.rendered ?? '';
}

export function ssrRenderPlugin() {
  return {
    name: 'lede-ssr-render',
    /** @param {{ command: string, payload: unknown }} options */
    async executeCommand({ command, payload }) {
      if (command !== 'lede-ssr') return undefined;
      const { markup, lang } = /** @type {{ markup: string, lang?: string }} */ (payload);
      return render(markup, lang);
    },
  };
}
