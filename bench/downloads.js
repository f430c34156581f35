// What a reader downloads: the JavaScript of real page loads in Chromium, read from the network log (every script
// response, whatever imported it), each response compressed on its own as a server sends it (gzip level 9, Brotli
// quality 11). Used by `npm run size` (bench/size.js, the budgets of issue 21) and `npm run bench` (figure 1).
//
// Pages, on the bench server (bench/server.js):
// - the reference article (demo/index.html) rendered by lede-elements/ssr with dist/autoloader.js as its only
//   script: once loaded (all JS before the comment section is within a viewport of being seen), then once the reader
//   has pointed at the header and the figures (hydrating them), then after scrolling to the comments;
// - a page with one <lede-figure> and the autoloader;
// - the floor: Lit and one trivial element (bench/size.js floorSize), from the same server, in the same run.
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromium } from '../test/support/chromium.js';
import { startServer } from './server.js';

// The launch of bench/browser.js, which can't be imported from here: it imports bench/size.js, which imports this
// module while its top-level await runs.
const launch = () => puppeteer.launch({ executablePath: chromium(), headless: true, args: chromeArgs });

/** @typedef {{ raw: number, gzip: number, brotli: number }} Sizes */
/** @typedef {Sizes & { files: Array<Sizes & { path: string }> }} Downloads */

const compressed = (/** @type {Buffer} */ body) => ({
  raw: body.length,
  gzip: gzipSync(body, { level: 9 }).length,
  brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/**
 * Sums the sizes of the scripts in `log` (URL → body): raw, gzip, brotli, and the files by path.
 * @param {Map<string, Buffer>} log @returns {Downloads}
 */
function total(log) {
  const files = [...log].map(([url, body]) => ({ path: new URL(url).pathname, ...compressed(body) }));
  const sum = (/** @type {keyof Sizes} */ key) => files.reduce((all, file) => all + file[key], 0);
  return { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), files };
}

/** A fresh context whose script responses are recorded in `log`, cache off. @param {import('puppeteer-core').Browser} browser */
async function recorded(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setCacheEnabled(false);
  await page.setViewport({ width: 1280, height: 800 });
  /** @type {Map<string, Buffer>} */
  const log = new Map();
  /** @type {Promise<unknown>[]} */
  const pending = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response.buffer().then(
        (body) => log.set(response.url(), body),
        () => {},
      ),
    );
  });
  page.on('pageerror', (error) =>
    console.error(`downloads: ${page.url()}: ${error instanceof Error ? error.message : String(error)}`),
  );
  const settle = async () => {
    await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 });
    await Promise.all(pending);
    return total(log);
  };
  return { page, settle, close: () => context.close() };
}

/** Resolves once every Lede element of the document that is not waiting for the reader is defined and rendered. */
const rendered = (/** @type {string} */ tags) =>
  Promise.all(
    [...document.querySelectorAll(tags)].map(async (el) => {
      await customElements.whenDefined(el.localName);
      await /** @type {Element & { updateComplete?: Promise<unknown> }} */ (el).updateComplete;
    }),
  );

/**
 * @param {string} floorDir the folder floorSize() built into (its out/floor*.js is served as the floor page's script)
 * @returns {Promise<Record<'articleBefore' | 'articleHydrated' | 'articleAfter' | 'figure' | 'floor', Downloads>>}
 */
export async function pageDownloads(floorDir) {
  const generated = join(floorDir, 'out');
  const floorFile = readdirSync(generated).find((name) => /^floor\.m?js$/.test(name));
  if (!floorFile) throw new Error(`no floor.js in ${generated}`);
  copyFileSync(join(generated, floorFile), join(generated, 'floor-element.js'));
  const server = await startServer({ generated });
  const browser = await launch();
  try {
    /**
     * @template T
     * @param {string} path
     * @param {(page: import('puppeteer-core').Page, settle: () => Promise<Downloads>) => Promise<T>} then
     * @returns {Promise<T>}
     */
    const visit = async (path, then) => {
      const { page, settle, close } = await recorded(browser);
      try {
        await page.goto(server.origin + path, { waitUntil: 'load' });
        return await then(page, settle);
      } finally {
        await close();
      }
    };
    // TypeScript 6, which ESLint runs, infers `any` for visit's template where tsc 7 infers the callback's type.
    /* eslint-disable @typescript-eslint/no-unsafe-assignment */
    const [articleBefore, articleHydrated, articleAfter] = await visit('/__autoloader.html', async (page, settle) => {
      // Server-rendered, the header and the figures show everything without script: nothing waits for them here.
      const before = await settle();
      // The reader points at the header and at each figure, so that every element above the comments hydrates.
      for (const selector of ['lede-article-header', 'lede-figure']) await page.hover(selector);
      await page.waitForFunction(() => customElements.get('lede-article-header') && customElements.get('lede-figure'), {
        timeout: 15_000,
      });
      await page.evaluate(rendered, 'lede-article-header, lede-figure');
      const hydrated = await settle();
      await page.evaluate(() => document.querySelector('lede-comments')?.scrollIntoView());
      await page.waitForFunction(() => customElements.get('lede-comments') && customElements.get('lede-comment-form'), {
        timeout: 15_000,
      });
      await page.evaluate(rendered, 'lede-comments');
      return [before, hydrated, await settle()];
    });
    const figure = await visit('/__figure.html', async (page, settle) => {
      await page.evaluate(rendered, 'lede-figure');
      return settle();
    });
    const floor = await visit('/gen/floor.html', async (page, settle) => {
      await page.evaluate(rendered, 'floor-element');
      return settle();
    });
    return { articleBefore, articleHydrated, articleAfter, figure, floor };
    /* eslint-enable @typescript-eslint/no-unsafe-assignment */
  } finally {
    await browser.close();
    await server.close();
  }
}
