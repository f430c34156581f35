// `npm run screenshots [-- ORIGIN]`: the reference page as readers see it, for a look before a change lands: phone
// (390 × 844) and desktop (1280 × 900), French and English, light and dark, server-rendered; and the client-rendered
// page. PNG files in screenshots/ (not committed), one per case, the whole page, the comment section loaded. From
// a server of its own (an empty comment database), or from ORIGIN (say a running `npm start` with comments).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from '../server/app.js';
import { chromeArgs, chromium } from '../test/support/chromium.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = fileURLToPath(new URL('../screenshots/', import.meta.url));
/** @type {Record<string, import('puppeteer-core').Viewport>} */
const SIZES = {
  phone: { width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
  desktop: { width: 1280, height: 900 },
};
const CASES = [];
for (const size of Object.keys(SIZES))
  for (const lang of ['fr', 'en']) for (const scheme of ['light', 'dark']) CASES.push({ size, lang, scheme, ssr: '1' });
CASES.push(
  { size: 'phone', lang: 'fr', scheme: 'light', ssr: '0' },
  { size: 'desktop', lang: 'en', scheme: 'light', ssr: '0' },
);

mkdirSync(out, { recursive: true });
const server = process.argv[2] ? undefined : createServer({ root, db: ':memory:' });
if (server) await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const origin = server
  ? `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`
  : process.argv[2];
const browser = await puppeteer.launch({ executablePath: chromium(), headless: true, args: chromeArgs });
try {
  for (const { size, lang, scheme, ssr } of CASES) {
    const page = await browser.newPage();
    await page.setViewport(SIZES[size]);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(`${origin}/?lang=${lang}&ssr=${ssr}`, { waitUntil: 'networkidle0' });
    // The autoloader loads the comment section when the reader comes near it.
    await page.evaluate(() => document.querySelector('lede-comments')?.scrollIntoView());
    await page.waitForFunction(() => customElements.get('lede-comments'), { timeout: 10_000 });
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForNetworkIdle({ idleTime: 300 });
    const file = `${out}${size}-${lang}-${scheme}${ssr === '0' ? '-client' : ''}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  server?.close();
}
