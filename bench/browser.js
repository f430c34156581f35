// Figures 2, 4 and 5, in Chromium driven by puppeteer-core (CHROME_PATH, else /usr/bin/chromium, with the test
// runner's flags). Every sample runs in a fresh browser context (its own renderer process: nothing compiled or
// cached by an earlier sample), with the HTTP cache off. Lede and its baseline alternate, so a slow moment of a
// shared machine hits both.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromium } from '../test/support/chromium.js';
import { FRENCH } from './lib/texts.js';
import { rotate, summarize } from './lib/stats.js';
import { ELEMENTS } from './size.js';

/** @typedef {import('./pages/instances.js').Tag} Tag */
/** The elements timed a thousand at a time in figure 2b; <lede-comments> is a list of the comment forms timed here. */
const TAGS = /** @type {Tag[]} */ (ELEMENTS.filter((name) => name !== 'comments').map((name) => `lede-${name}`));

export function launch() {
  return puppeteer.launch({ executablePath: chromium(), headless: true, args: chromeArgs });
}

/**
 * Injected before any page script: records errors, and once the DOM is parsed waits until every Lede element
 * (shadow roots included) is defined and has finished rendering, forces a layout and sets `window.__ready`.
 */
function probe() {
  /** @type {string[]} */
  const errors = [];
  window.__errors = errors;
  addEventListener('error', (event) => errors.push(String(event.message)));
  addEventListener('unhandledrejection', (event) => {
    const reason = /** @type {unknown} */ (event.reason);
    errors.push(reason instanceof Error ? reason.message : String(reason));
  });
  const macrotask = () =>
    new Promise((/** @type {(value?: void) => void} */ done) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done();
      channel.port2.postMessage(0);
    });
  /** @type {Window['__lede']} */
  const deep = (root) => {
    /** @type {ReturnType<Window['__lede']>} */
    const out = [];
    collect(root, out);
    return out;
  };
  /** @param {ParentNode} root @param {ReturnType<Window['__lede']>} out */
  const collect = (root, out) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.startsWith('lede-')) out.push(/** @type {ReturnType<Window['__lede']>[number]} */ (el));
      if (el.shadowRoot) collect(el.shadowRoot, out);
    }
  };
  window.__lede = deep;
  // On a page that loads the autoloader, the comment elements load only when the reader comes near them, and the
  // server-rendered ones (a declarative shadow root before their definition) when the reader reaches for them: they
  // show their content without script, and are not waited for.
  /** @param {Element} el */
  const waited = (el) =>
    customElements.get(el.localName) ||
    !document.querySelector('script[src$="/autoloader.js"]') ||
    (!['lede-comments', 'lede-comment-form'].includes(el.localName) && !el.shadowRoot);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- nothing in it rejects; the page waits for __ready
  document.addEventListener('DOMContentLoaded', async () => {
    for (let round = 0; round < 20; round++) {
      const elements = deep(document).filter(waited);
      await Promise.all(elements.map((el) => customElements.whenDefined(el.localName)));
      await Promise.allSettled(elements.map((el) => el.updateComplete ?? Promise.resolve()));
      await macrotask();
      if (deep(document).filter(waited).length === elements.length && !elements.some((el) => el.isUpdatePending)) break;
    }
    // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- reading it forces the layout
    void document.documentElement.offsetHeight;
    window.__ready = performance.now();
  });
}

/**
 * A fresh context and page, cache off, `probe` (and `extra`) injected; closing it closes the context.
 * @param {import('puppeteer-core').Browser} browser
 * @param {PageOptions} [options]
 */
async function freshPage(browser, { viewport = { width: 1280, height: 800 }, extra } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setCacheEnabled(false);
  await page.setViewport(viewport);
  await page.evaluateOnNewDocument(probe);
  if (extra) await page.evaluateOnNewDocument(extra);
  return { page, close: () => context.close() };
}

/** @typedef {{ viewport?: { width: number, height: number }, extra?: () => void }} PageOptions */

/** @param {import('puppeteer-core').Browser} browser @param {string} url @param {PageOptions} [options] */
async function openReady(browser, url, options) {
  const fresh = await freshPage(browser, options);
  await fresh.page.goto(url, { waitUntil: 'domcontentloaded' });
  await fresh.page.waitForFunction(() => window.__ready !== undefined, { timeout: 30_000 });
  return fresh;
}

/**
 * The reference article as static HTML: the demo page rendered by Lede, with every Lede element replaced by a
 * <static-lede-… class="lede-…"> holding its flattened shadow tree (slots replaced by what they show) and its shadow CSS
 * rewritten for the light DOM (`:host` → `.lede-x`, `::slotted(x)` → ` x`, other rules scoped under `.lede-x`).
 * Same text, images, head, demo.css and demo.js; no Lede script. Writes article-static.html (and
 * article-static-draft.html, with bench/pages/draft.js for figure 5) into `dir`.
 * @param {import('puppeteer-core').Browser} browser @param {string} origin @param {string} dir
 */
export async function generateStatic(browser, origin, dir) {
  const { page, close } = await openReady(browser, `${origin}/`);
  try {
    const { head, body, htmlAttributes, css } = await page.evaluate(() => {
      const VOID = new Set([
        'area',
        'base',
        'br',
        'col',
        'embed',
        'hr',
        'img',
        'input',
        'link',
        'meta',
        'source',
        'track',
        'wbr',
      ]);
      const text = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const quote = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      /** @type {Map<string, CSSRule[]>} */
      const sheets = new Map();
      const attributes = (/** @type {Element} */ el, /** @type {string} */ extraClass = '') => {
        let out = '';
        let hasClass = false;
        for (const { name, value } of el.attributes) {
          let v = value;
          if ((name === 'src' || name === 'href') && !/^[a-z]+:|^#/i.test(value))
            v = new URL(value, document.baseURI).pathname;
          if (name === 'class' && extraClass) {
            v = `${extraClass} ${value}`;
            hasClass = true;
          }
          out += v === '' ? ` ${name}` : ` ${name}="${quote(v)}"`;
        }
        if (extraClass && !hasClass) out += ` class="${extraClass}"`;
        return out;
      };
      /** @param {Node} node @returns {string} */
      const serialize = (node) => {
        if (node instanceof Text)
          return node.parentElement?.localName === 'script' || node.parentElement?.localName === 'style'
            ? node.data
            : text(node.data);
        if (!(node instanceof Element)) return '';
        const tag = node.localName;
        if (tag === 'script' && /\/dist\//.test(node.getAttribute('src') ?? '')) return '';
        if (tag === 'style' && node.getRootNode() instanceof ShadowRoot) return ''; // moved to the page's CSS
        if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).map(serialize).join('');
        if (tag.startsWith('lede-') && node.shadowRoot) {
          if (!sheets.has(tag)) {
            // Client-rendered elements adopt their sheets; server-rendered ones (declarative shadow DOM) keep a <style>.
            const own = [...node.shadowRoot.querySelectorAll('style')].flatMap((style) =>
              style.sheet ? [style.sheet] : [],
            );
            sheets.set(
              tag,
              [...node.shadowRoot.adoptedStyleSheets, ...own].flatMap((sheet) => [...sheet.cssRules]),
            );
          }
          // Unslotted light-DOM scripts (the JSON-LD block) are kept as they are.
          const data = [...node.children].filter((child) => child.localName === 'script' && !child.assignedSlot);
          // An unknown element, not a <div>: a <div> inside the header's <p> would close the paragraph.
          return `<static-${tag}${attributes(node, tag)}>${[...node.shadowRoot.childNodes, ...data].map(serialize).join('')}</static-${tag}>`;
        }
        const inner = tag === 'template' ? '' : [...node.childNodes].map(serialize).join('');
        return `<${tag}${attributes(node)}>${VOID.has(tag) ? '' : `${inner}</${tag}>`}`;
      };
      // Splits a selector list on top-level commas, then rewrites each selector for the light DOM.
      const split = (/** @type {string} */ list) => {
        /** @type {string[]} */
        const parts = [];
        let depth = 0;
        let from = 0;
        for (let i = 0; i < list.length; i++) {
          if (list[i] === '(') depth++;
          else if (list[i] === ')') depth--;
          else if (list[i] === ',' && !depth) {
            parts.push(list.slice(from, i));
            from = i + 1;
          }
        }
        return [...parts, list.slice(from)].map((s) => s.trim());
      };
      const unwrap = (
        /** @type {string} */ selector,
        /** @type {string} */ name,
        /** @type {(inner: string) => string} */ replace,
      ) => {
        let out = selector;
        for (let at = out.indexOf(name); at >= 0; at = out.indexOf(name)) {
          let depth = 0;
          let end = at + name.length;
          if (out[end] === '(') {
            for (let i = end; i < out.length; i++) {
              if (out[i] === '(') depth++;
              else if (out[i] === ')' && !--depth) {
                out = out.slice(0, at) + replace(out.slice(end + 1, i)) + out.slice(i + 1);
                break;
              }
            }
          } else out = out.slice(0, at) + replace('') + out.slice(end);
        }
        return out;
      };
      const rewrite = (/** @type {string} */ selector, /** @type {string} */ tag) => {
        let s = unwrap(selector, '::slotted', (inner) => ` ${inner}`);
        s = unwrap(s, ':host', (inner) => `.${tag}${inner}`);
        return s.startsWith(`.${tag}`) ? s : `.${tag} ${s}`;
      };
      /** @param {CSSRule[]} list @param {string} tag @returns {string} */
      const rules = (list, tag) =>
        list
          .map((rule) => {
            if (rule instanceof CSSStyleRule)
              return `${split(rule.selectorText)
                .map((s) => rewrite(s, tag))
                .join(', ')} {${rule.style.cssText}}`;
            if (rule instanceof CSSMediaRule) return `@media ${rule.conditionText} {${rules([...rule.cssRules], tag)}}`;
            if (rule instanceof CSSSupportsRule)
              return `@supports ${rule.conditionText} {${rules([...rule.cssRules], tag)}}`;
            return rule.cssText;
          })
          .join('\n');
      const body = serialize(document.body);
      const head = [...document.head.childNodes].map(serialize).join('');
      // The page's own rules for the Lede tags (demo.css: `lede-figure { margin … }`) now aim at the class.
      const page = [...document.styleSheets]
        .flatMap((sheet) => [...sheet.cssRules])
        .filter((rule) => /(^|[^\w.-])lede-/.test(rule.cssText));
      const light = page.map((rule) => rule.cssText.replace(/(^|[^\w.-])(lede-[a-z-]+)/g, '$1.$2')).join('\n');
      const css = [
        `/* page rules */\n${light}`,
        ...[...sheets].map(([tag, list]) => `/* ${tag} */\n${rules(list, tag)}`),
      ].join('\n');
      return { head, body, htmlAttributes: attributes(document.documentElement), css };
    });
    const page_ = (/** @type {string} */ scripts) =>
      `<!doctype html>\n<html${htmlAttributes}><head>${head}<link rel="stylesheet" href="/gen/article-static.css" />${scripts}</head>${body}</html>\n`;
    writeFileSync(join(dir, 'article-static.css'), css);
    writeFileSync(join(dir, 'article-static.html'), page_(''));
    writeFileSync(
      join(dir, 'article-static-draft.html'),
      page_('<script type="module" src="/bench/draft.js"></script>'),
    );
  } finally {
    await close();
  }
}

/** The article pages compared by figures 2a and 4: server-rendered by the project's server (its default, then
 * hydrated), client-rendered (`?ssr=0`), and the static copy. */
export const ARTICLE = { lede: '/', csr: '/?ssr=0', baseline: '/gen/article-static.html' };

/** @typedef {keyof typeof ARTICLE} Article */
/** @typedef {ReturnType<typeof summarize>} Summary */
const ARTICLES = /** @type {Article[]} */ (Object.keys(ARTICLE));
/**
 * One value per article page.
 * @template V @param {(name: Article) => V} make @returns {Record<Article, V>}
 */
const perArticle = (make) =>
  /** @type {Record<Article, V>} */ (Object.fromEntries(ARTICLES.map((name) => [name, make(name)])));

/**
 * Figure 2a: the reference article with Lede vs as static HTML; time from navigation to rendered.
 * @param {import('puppeteer-core').Browser} browser @param {string} origin @param {number} samples
 * @returns {Promise<Record<Article, Summary> & { fcp: Record<Article, Summary>, ttfb: Record<Article, Summary>,
 *   serverRendered: Record<Article, boolean>, height: Record<Article, number>, errors: Record<Article, string[]> }>}
 */
export async function renderArticle(browser, origin, samples) {
  const names = ARTICLES;
  /** @type {Record<Article, Array<{ ready?: number, fcp: number | null, ttfb: number | null, serverRendered: boolean, height: number, errors?: string[] }>>} */
  const runs = perArticle(() => []);
  for (let i = 0; i < samples; i++) {
    for (const name of /** @type {Article[]} */ (rotate(names, i))) {
      const { page, close } = await openReady(browser, origin + ARTICLE[name]);
      runs[name].push(
        await page.evaluate(() => ({
          ready: window.__ready,
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
          ttfb:
            /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0])
              ?.responseStart ?? null,
          serverRendered: window.__lede(document).some((el) => el.shadowRoot?.querySelector('style')),
          height: document.documentElement.scrollHeight,
          errors: window.__errors,
        })),
      );
      await close();
    }
  }
  const pick = (/** @type {'ready' | 'fcp' | 'ttfb'} */ key) =>
    perArticle((name) => summarize(runs[name].flatMap((run) => (typeof run[key] === 'number' ? [run[key]] : []))));
  const ready = pick('ready');
  return {
    ...ready,
    fcp: pick('fcp'),
    ttfb: pick('ttfb'),
    serverRendered: perArticle((name) => runs[name][0].serverRendered),
    height: perArticle((name) => runs[name][0].height),
    errors: perArticle((name) => [...new Set(runs[name].flatMap((r) => r.errors ?? []))]),
  };
}

/**
 * Figure 2b: n instances of each element vs n instances of its hand-written equivalent.
 * @param {import('puppeteer-core').Browser} browser @param {string} origin @param {number} samples @param {number} n
 */
export async function renderInstances(browser, origin, samples, n) {
  const url = `${origin}/bench/instances.html`;
  const open = async () => {
    const fresh = await freshPage(browser);
    await fresh.page.goto(url, { waitUntil: 'load' });
    await fresh.page.waitForFunction(() => window.bench && customElements.get('lede-comment-form'));
    return fresh;
  };
  /** @typedef {NonNullable<Window['bench']>} Bench the page's functions, once `open` has seen them */
  /** @type {Partial<Record<Tag, Awaited<ReturnType<Bench['capture']>>>>} */
  const specs = {};
  {
    const { page, close } = await open();
    for (const tag of TAGS)
      specs[tag] = await page.evaluate((tag) => /** @type {Bench} */ (window.bench).capture(tag), tag);
    await close();
  }
  /**
   * @type {Partial<Record<Tag, { lede: Summary, baseline: Summary, layout: { lede: Summary, baseline: Summary },
   *   count: { lede: number, baseline: number }, shadowElements: { lede: number, baseline: number },
   *   errors: { lede: number, baseline: number, first: string | undefined } }>>}
   */
  const out = {};
  for (const tag of TAGS) {
    /** @type {Record<'lede' | 'baseline', Array<Awaited<ReturnType<Bench['run']>>>>} */
    const runs = { lede: [], baseline: [] };
    const spec = specs[tag];
    if (!spec) throw new Error(`no captured shadow tree for <${tag}>`);
    for (let i = 0; i < samples; i++) {
      for (const name of /** @type {Array<'lede' | 'baseline'>} */ (rotate(['lede', 'baseline'], i))) {
        const { page, close } = await open();
        runs[name].push(
          await page.evaluate(
            async (tag, spec, n, vanilla) => {
              const bench = /** @type {Bench} */ (window.bench);
              bench.defineVanilla(tag, spec);
              return bench.run(tag, n, vanilla);
            },
            tag,
            spec,
            n,
            name === 'baseline',
          ),
        );
        await close();
      }
    }
    out[tag] = {
      lede: summarize(runs.lede.map((r) => r.ms)),
      baseline: summarize(runs.baseline.map((r) => r.ms)),
      layout: {
        lede: summarize(runs.lede.map((r) => r.layout)),
        baseline: summarize(runs.baseline.map((r) => r.layout)),
      },
      count: { lede: runs.lede[0].count, baseline: runs.baseline[0].count },
      shadowElements: { lede: runs.lede[0].shadowElements, baseline: runs.baseline[0].shadowElements },
      errors: {
        lede: runs.lede[0].errors,
        baseline: runs.baseline[0].errors,
        first: runs.lede[0].error ?? spec.errors[0],
      },
    };
  }
  return out;
}

/** Records layout shifts (not after input) from before the first byte: `window.__shifts`. */
function shiftObserver() {
  window.__shifts = [];
  const describe = (/** @type {Node | null} */ node) => {
    if (!node) return '(removed node)';
    if (!(node instanceof Element)) return node.nodeName;
    const root = node.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : null;
    const name = node.id
      ? `#${node.id}`
      : typeof node.className === 'string' && node.className
        ? `.${node.className.split(' ')[0]}`
        : node.getAttribute('part')
          ? `[part=${node.getAttribute('part')}]`
          : '';
    return `${host ? `${host.localName} › ` : ''}${node.localName}${name}`;
  };
  new PerformanceObserver((list) => {
    // Chromium's LayoutShift entries, which TypeScript's DOM library does not describe.
    const entries =
      /** @type {Array<PerformanceEntry & { hadRecentInput: boolean, value: number, sources: Array<{ node: Node | null }> }>} */ (
        list.getEntries()
      );
    for (const entry of entries) {
      if (!entry.hadRecentInput)
        window.__shifts.push({
          value: entry.value,
          at: entry.startTime,
          sources: entry.sources.map((s) => describe(s.node)),
        });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * Figure 4: layout shift of the article while its images arrive `delay` ms late, in each viewport; the Lede
 * pages (server- and client-rendered) vs the static one. Measured until the load event (all eager images in), plus two frames and 300 ms.
 * @param {import('puppeteer-core').Browser} browser
 * @param {Awaited<ReturnType<typeof import('./server.js').startServer>>} server
 * @param {{ delay: number, samples: number, viewports: Array<{ width: number, height: number }> }} options
 */
export async function layoutShift(browser, server, { delay, samples, viewports }) {
  const names = ARTICLES;
  server.setImageDelay(delay);
  /**
   * @typedef {{ cls: number, shifts: Window['__shifts'], imagesLoaded: number, images: number, loadedAt?: number,
   *   took: { loaded: number, total: number } }} ShiftRun
   */
  /** @type {Array<Record<Article, Summary> & { viewport: { width: number, height: number }, runs: Record<Article, ShiftRun[]> }>} */
  const out = [];
  try {
    for (const viewport of viewports) {
      /** @type {Record<Article, ShiftRun[]>} */
      const runs = perArticle(() => []);
      for (let i = 0; i < samples; i++) {
        for (const name of /** @type {Article[]} */ (rotate(names, i))) {
          const began = Date.now();
          const { page, close } = await freshPage(browser, { viewport, extra: shiftObserver });
          await page.goto(server.origin + ARTICLE[name], { waitUntil: 'load', timeout: 30_000 });
          const loaded = Date.now() - began;
          const result = await page.evaluate(async () => {
            await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
            await new Promise((done) => setTimeout(done, 300));
            const images = [
              ...document.images,
              ...window.__lede(document).flatMap((el) => [...(el.shadowRoot?.querySelectorAll('img') ?? [])]),
            ];
            return {
              cls: window.__shifts.reduce((sum, shift) => sum + shift.value, 0),
              shifts: window.__shifts,
              imagesLoaded: images.filter((img) => img.complete && img.naturalWidth > 0).length,
              images: images.length,
              loadedAt: /** @type {PerformanceNavigationTiming | undefined} */ (
                performance.getEntriesByType('navigation')[0]
              )?.loadEventStart,
            };
          });
          await close();
          runs[name].push({ ...result, took: { loaded, total: Date.now() - began } });
        }
      }
      out.push({ viewport, ...perArticle((name) => summarize(runs[name].map((r) => r.cls))), runs });
    }
  } finally {
    server.setImageDelay(0);
  }
  return out;
}

/** Long tasks and slow input events from the start: `window.__longtasks`, `window.__events`. */
function taskObserver() {
  window.__longtasks = [];
  window.__events = [];
  new PerformanceObserver((list) =>
    window.__longtasks.push(...list.getEntries().map((e) => ({ at: e.startTime, duration: e.duration }))),
  ).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) =>
    window.__events.push(
      .../** @type {PerformanceEventTiming[]} */ (list.getEntries()).map((e) => ({
        name: e.name,
        at: e.startTime,
        duration: e.duration,
        processing: e.processingEnd - e.processingStart,
      })),
    ),
  ).observe(/** @type {PerformanceObserverInit} */ ({ type: 'event', durationThreshold: 16, buffered: true }));
}

/**
 * @typedef {{ name: string, ph?: string, pid: number, tid: number, dur: number, tdur?: number,
 *   args: { name?: string, data?: { frames?: Array<{ processId: number }> } } }} TraceEvent
 */

/**
 * The page's main-thread tasks in a trace: wall time (`dur`) and CPU time (`tdur`), in ms.
 * @param {Uint8Array | undefined} buffer
 */
function mainThreadTasks(buffer) {
  /** @type {unknown} */
  const trace = JSON.parse(new TextDecoder().decode(buffer));
  const events = /** @type {{ traceEvents: TraceEvent[] }} */ (trace).traceEvents;
  const pids = new Set(
    events.find((e) => e.name === 'TracingStartedInBrowser')?.args.data?.frames?.map((f) => f.processId),
  );
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && pids.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // CPU time cannot exceed wall time; the thread clock sometimes says otherwise, so it is capped.
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: e.dur / 1000, cpu: Math.min(e.tdur ?? e.dur, e.dur) / 1000 }));
}

/**
 * Figure 5: longest main-thread task while typing `length` characters into the comment form's textarea (drafts
 * saved), the Lede page vs the static page with a hand-written draft script. Two views of the same tasks: the
 * `longtask` observer (wall clock, tasks of 50 ms and more, started after the textarea got focus) and a trace
 * of the renderer's main thread (every task, with its CPU time: on a loaded machine a task's wall time is
 * mostly time spent descheduled). 700 ms after the last key lets the debounced draft save run.
 * @param {import('puppeteer-core').Browser} browser @param {string} origin
 * @param {{ length: number, samples: number }} options
 */
export async function typing(browser, origin, { length, samples }) {
  const variants = { lede: `${origin}/`, baseline: `${origin}/gen/article-static-draft.html` };
  const text = FRENCH.replace(/\s+/g, ' ').repeat(2).slice(0, length);
  /**
   * @typedef {{ typedFor: number, tasks: number, longestCpu: number, longestCpuWall: number, longestWall: number,
   *   over50Cpu: number, longest: number, longTasks: number, slowestEvent: number, typed: number, drafts: number,
   *   errors?: string[] }} TypingRun
   */
  /** @type {Record<'lede' | 'baseline', TypingRun[]>} */
  const runs = { lede: [], baseline: [] };
  for (let i = 0; i < samples; i++) {
    for (const name of /** @type {Array<'lede' | 'baseline'>} */ (rotate(['lede', 'baseline'], i))) {
      const { page, close } = await openReady(browser, variants[name], { extra: taskObserver });
      await page.waitForNetworkIdle({ idleTime: 200 });
      const start = await page.evaluate(() => {
        const form = window.__lede(document).find((el) => el.localName === 'lede-comment-form');
        const field = (form?.shadowRoot ?? document).querySelector('textarea');
        if (!field) throw new Error('the page has no comment textarea');
        field.focus();
        return performance.now();
      });
      await page.tracing.start({ categories: ['-*', 'disabled-by-default-devtools.timeline'] });
      const began = Date.now();
      await page.keyboard.type(text, { delay: 0 });
      const typedFor = Date.now() - began;
      await new Promise((done) => setTimeout(done, 700));
      const tasks = mainThreadTasks(await page.tracing.stop());
      const byCpu = tasks.reduce((a, b) => (b.cpu > a.cpu ? b : a), { wall: 0, cpu: 0 });
      runs[name].push({
        typedFor,
        tasks: tasks.length,
        longestCpu: byCpu.cpu,
        longestCpuWall: byCpu.wall,
        longestWall: Math.max(0, ...tasks.map((t) => t.wall)),
        over50Cpu: tasks.filter((t) => t.cpu >= 50).length,
        ...(await page.evaluate((start) => {
          const form = window.__lede(document).find((el) => el.localName === 'lede-comment-form');
          const field = (form?.shadowRoot ?? document).querySelector('textarea');
          if (!field) throw new Error('the page has no comment textarea');
          const tasks = window.__longtasks.filter((t) => t.at >= start);
          const events = window.__events.filter((e) => e.at >= start);
          return {
            longest: Math.max(0, ...tasks.map((t) => t.duration)),
            longTasks: tasks.length,
            slowestEvent: Math.max(0, ...events.map((e) => e.duration)),
            typed: field.value.length,
            drafts: Object.keys(localStorage).filter((key) => /comment/.test(key)).length,
            errors: window.__errors,
          };
        }, start)),
      });
      await close();
    }
  }
  /** @typedef {Exclude<keyof TypingRun, 'errors'>} TypingKey */
  const pick = (/** @type {'lede' | 'baseline'} */ name, /** @type {TypingKey} */ key) =>
    summarize(runs[name].map((r) => r[key]));
  const both = (/** @type {TypingKey} */ key) => ({ lede: pick('lede', key), baseline: pick('baseline', key) });
  return {
    lede: pick('lede', 'longest'),
    baseline: pick('baseline', 'longest'),
    longTasks: both('longTasks'),
    longestCpu: both('longestCpu'),
    longestWall: both('longestWall'),
    slowestEvent: both('slowestEvent'),
    runs,
  };
}
