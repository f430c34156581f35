// Time to first contentful paint of the reference article, server-rendered (lede-elements/ssr, the demo server's default)
// vs rendered in the browser only (`?ssr=0`), in Chromium driven by puppeteer-core, on a throttled CPU and network
// (a mid-range phone on a fast 3G-like connection). Also the time until the elements of the first screens show their
// content (`complete`: the header's date and every figure's caption are in the page), which is where the two differ
// most. The comment section is left out: the autoloader loads it only when the reader comes near it.
//
//   node bench/ssr-fcp.js [runs]       prints the medians;  import { ssrFcp } from './bench/ssr-fcp.js' returns them
//
// Needs a build (npm run build) and Chromium (CHROME_PATH, else /usr/bin/chromium).
import { fileURLToPath } from 'node:url';
import { createServer } from '../server/app.js';
import { launch } from './browser.js';
import { rotate, summarize } from './lib/stats.js';

/** Polls each frame until the elements show their content, and records when (run in the page before its scripts). */
function watchComplete() {
  const done = () => {
    const header = document.querySelector('lede-article-header')?.shadowRoot;
    const figures = [...document.querySelectorAll('lede-figure')];
    return (
      !!header?.querySelector('[part=date]') &&
      figures.length > 0 &&
      figures.every((figure) => figure.shadowRoot?.querySelector('[part=caption]'))
    );
  };
  const check = () => (done() ? (window.__ledeComplete = performance.now()) : requestAnimationFrame(check));
  requestAnimationFrame(check);
}

const median = (/** @type {number[]} */ values) => Math.round(summarize(values).median);

/**
 * @param {{ runs?: number, cpu?: number, latency?: number, kbps?: number }} [options] runs per mode (default 7), CPU
 *   slow-down factor (default 4), network round trip in ms (default 150) and bandwidth in kbit/s (default 1600).
 * @returns {Promise<{ ssr: number, csr: number, complete: { ssr: number, csr: number }, runs: number }>} medians in ms
 */
export async function ssrFcp({ runs = 7, cpu = 4, latency = 150, kbps = 1600 } = {}) {
  const server = createServer({ db: ':memory:' });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const base = `http://127.0.0.1:${port}`;
  const browser = await launch();
  /** @type {Record<'ssr' | 'csr', { fcp: number[], complete: number[] }>} */
  const times = { ssr: { fcp: [], complete: [] }, csr: { fcp: [], complete: [] } };
  try {
    await fetch(`${base}/`); // the server renders and caches the page once
    for (let run = 0; run < runs; run++) {
      for (const mode of /** @type {Array<'ssr' | 'csr'>} */ (rotate(['ssr', 'csr'], run))) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
        await cdp.send('Network.enable');
        const throughput = (kbps * 1024) / 8;
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency,
          downloadThroughput: throughput,
          uploadThroughput: throughput,
        });
        await page.evaluateOnNewDocument(watchComplete);
        await page.goto(mode === 'ssr' ? `${base}/` : `${base}/?ssr=0`, { waitUntil: 'load' });
        await page.waitForFunction(
          () => performance.getEntriesByName('first-contentful-paint').length && window.__ledeComplete,
          { timeout: 30_000 },
        );
        // waitForFunction above has seen both.
        const [fcp, complete] = await page.evaluate(() => [
          performance.getEntriesByName('first-contentful-paint')[0].startTime,
          window.__ledeComplete ?? 0,
        ]);
        times[mode].fcp.push(fcp);
        times[mode].complete.push(Math.max(fcp, complete)); // in the page, and painted
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return {
    ssr: median(times.ssr.fcp),
    csr: median(times.csr.fcp),
    complete: { ssr: median(times.ssr.complete), csr: median(times.csr.complete) },
    runs,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await ssrFcp({ runs: Number(process.argv[2]) || undefined });
  console.log(
    `First contentful paint (median of ${result.runs}): server-rendered ${result.ssr} ms, client-rendered ${result.csr} ms`,
  );
  console.log(
    `Header and figures shown: server-rendered ${result.complete.ssr} ms, client-rendered ${result.complete.csr} ms`,
  );
}
