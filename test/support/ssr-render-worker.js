// The worker thread of test/support/ssr-render.js: loads the renderer built from the sources and renders what it is
// sent. A thread of its own, because the renderer registers the elements in @lit-labs/ssr's global registry: in the
// test runner's process that registry holds dist/'s elements already (test/support/ssr-page.js), and the first
// definition of a tag wins.
import { parentPort, workerData } from 'node:worker_threads';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
/** @type {{ renderToString: (markup: string, options?: { lang?: string }) => string }} */
const { renderToString } = await import(/** @type {{ renderer: string }} */ (workerData).renderer);

port.on('message', (/** @type {{ id: number, markup: string, lang?: string }} */ { id, markup, lang }) => {
  try {
    port.postMessage({ id, rendered: renderToString(markup, { lang }) });
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
