// `executeServerCommand('lede-ssr', { markup, lang })`: the markup rendered by lede-elements/ssr (src/ssr/), for the
// hydrated fixture of test/support/fixtures.ts. The renderer is built from the sources, as the browser tests load
// them (esbuild, no template minifying), so that the server's templates are the very ones the browser hydrates;
// `lit` and `@lit-labs/*` stay imports, so that the elements and @lit-labs/ssr share one Lit.
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside node_modules/, so that the bundle's imports of lit and @lit-labs/ssr resolve from the project.
const outdir = `${root}node_modules/.cache/lede-ssr-render`;

/** @type {Promise<{ renderToString(markup: string, options?: { lang?: string }): string }> | undefined} */
let renderer;

/** Builds src/ssr/index.ts for Node once per test run, and loads it. */
function loadRenderer() {
  renderer ??= (async () => {
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
    return import(pathToFileURL(outfile).href);
  })();
  return renderer;
}

export function ssrRenderPlugin() {
  return {
    name: 'lede-ssr-render',
    /** @param {{ command: string, payload: unknown }} options */
    async executeCommand({ command, payload }) {
      if (command !== 'lede-ssr') return undefined;
      const { markup, lang } = /** @type {{ markup: string, lang?: string }} */ (payload);
      const { renderToString } = await loadRenderer();
      return renderToString(markup, { lang });
    },
  };
}
