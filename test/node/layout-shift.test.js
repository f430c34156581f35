// Cumulative layout shift of the reference page on the demo server, in Chromium (puppeteer-core), server-rendered
// and client-rendered (`?ssr=0`), on a phone and a desktop: 0. Lede's scripts and the images are held back 400 ms,
// so the page paints before the elements upgrade and before the images arrive; server-rendered, the elements hydrate
// when the pointer goes over them. Every shift counts, those flagged
// `hadRecentInput` too (Lighthouse counts them; viewport emulation flags shifts that way, TOOLCHAIN pitfall 12).
// Run after a build: node --test test/node/
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { createServer } from '../../server/app.js';
import { chromeArgs, chromium } from '../support/chromium.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const VIEWPORTS = {
  phone: { width: 360, height: 640, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { width: 1350, height: 940 },
};
export const MODES = { 'server-rendered': '/', 'client-rendered': '/?ssr=0' };
const LATE = /\/dist\/|\.svg$/;

/** Records every layout shift from the first byte, with the nodes that moved. */
function recordShifts() {
  window.__shifts = [];
  // A node is named with its host, its part or class, whether it is still in the page, and where it moved from and to
  // (x,y w×h), so that a failure says what moved and how.
  const name = (node) => {
    if (!node || node.nodeType !== 1) return node?.nodeName ?? '(removed)';
    const host = node.getRootNode().host;
    const part = node.getAttribute('part')
      ? `[part=${node.getAttribute('part')}]`
      : node.className
        ? `.${node.className}`
        : '';
    return `${host ? `${host.localName} › ` : ''}${node.localName}${part}${node.isConnected ? '' : ' (detached)'}`;
  };
  const box = ({ x, y, width, height }) =>
    `${Math.round(x)},${Math.round(y)} ${Math.round(width)}×${Math.round(height)}`;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({
        value: entry.value,
        hadRecentInput: entry.hadRecentInput,
        sources: entry.sources.map(
          (source) => `${name(source.node)} ${box(source.previousRect)} → ${box(source.currentRect)}`,
        ),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The layout shifts of one load of `url` in `viewport`, scripts and images `delay` ms late. */
export async function shiftsOf(browser, url, viewport, delay = 400) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    await page.setViewport(viewport);
    await page.evaluateOnNewDocument(recordShifts);
    await page.setRequestInterception(true);
    page.on('request', (request) => setTimeout(() => request.continue(), LATE.test(request.url()) ? delay : 0));
    await page.goto(url, { waitUntil: 'load' });
    // Server-rendered, the elements hydrate when the reader reaches for them: the reader points at each.
    if (await page.$('lede-article-header:not(:defined)')) {
      for (const element of await page.$$('lede-article-header, lede-figure')) await element.hover();
    }
    await page.waitForFunction(
      () =>
        ['lede-article-header', 'lede-figure', 'lede-comment-form'].every((tag) =>
          [...document.querySelectorAll(tag)].every((el) => el.hasUpdated),
        ),
      { timeout: 15_000 },
    );
    return await page.evaluate(async () => {
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      await new Promise((done) => setTimeout(done, 300));
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      return { shifts: window.__shifts, painted: paint > 0 };
    });
  } finally {
    await context.close();
  }
}

test('no layout shift: server- and client-rendered, phone and desktop, scripts and images late', async (t) => {
  const server = createServer({ root });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await puppeteer.launch({ executablePath: chromium(), headless: true, args: chromeArgs });
  t.after(async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const cls = {};
  const seen = [];
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const [mode, path] of Object.entries(MODES)) {
      const { shifts, painted } = await shiftsOf(browser, origin + path, viewport);
      assert.ok(painted, `${device}, ${mode}: painted`);
      cls[`${device}, ${mode}`] = shifts.reduce((sum, shift) => sum + shift.value, 0).toFixed(3);
      seen.push(...shifts.map((shift) => `${device}, ${mode}: ${shift.value.toFixed(3)} ${shift.sources.join(', ')}`));
    }
  }
  const zero = Object.fromEntries(Object.keys(cls).map((key) => [key, '0.000']));
  assert.deepEqual(cls, zero, seen.join('\n'));
});
