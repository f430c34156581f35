// `npm run bench` (after `npm run build`): the five figures of issue 9, a sixth (first paint, server- vs client-rendered)
// and a seventh (the comment server under load, SQLite and PostgreSQL, 1 and 2 instances), each against a baseline measured in the
// same run, printed as one Markdown table and written to bench/results.json. Benchmarks report; they never fail
// (the size budget gate is `npm run size`).
//   BENCH_QUICK=1   fewer samples, for trying the scripts out
//   BENCH_ONLY=2,5  only those figures (printed, not written to bench/results.json)
//   CHROME_PATH     Chromium or Chrome to drive (default /usr/bin/chromium)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGET, ELEMENTS, PAGE_BUDGET, PAGE_REPORT, distSizes, floorSize, standaloneSizes } from './size.js';
import { pageDownloads } from './downloads.js';
import { counting } from './counting.js';
import { ssrFcp } from './ssr-fcp.js';
import { generateStatic, launch, layoutShift, renderArticle, renderInstances, typing } from './browser.js';
import { startServer } from './server.js';
import { serverLoad } from './server-load.js';
import { bytes, now, ratio, spread } from './lib/stats.js';

const quick = !!process.env.BENCH_QUICK;
const only = process.env.BENCH_ONLY?.split(',').map(Number);
const want = (/** @type {number} */ figure) => !only || only.includes(figure);
const SETTINGS = {
  articleSamples: quick ? 3 : 8,
  instanceSamples: quick ? 2 : 3,
  instances: 1000,
  countingBudget: quick ? 50 : 200,
  imageDelay: 1500,
  shiftSamples: quick ? 1 : 2,
  viewports: [
    { width: 1280, height: 800 },
    { width: 390, height: 844, isMobile: true },
  ],
  typedCharacters: 2000,
  typingSamples: 1,
};

/** @type {Array<{ figure: string, what: string, lede: string, baseline: string, ratio: string, notes: string }>} */
const rows = [];
/** @type {string[]} */
const notes = [];
/**
 * What bench/results.json holds: the settings and machine, then one entry per figure that ran.
 * @type {{ date: string, settings: typeof SETTINGS, machine: object, size?: Record<string, unknown>, browser?: string,
 *   seconds?: number, [figure: string]: unknown }}
 */
const results = {
  date: new Date().toISOString(),
  settings: SETTINGS,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
};
/** @param {string} figure @param {string} what @param {string} lede @param {string} baseline @param {string} r @param {string} note */
const row = (figure, what, lede, baseline, r, note) =>
  rows.push({ figure, what, lede, baseline, ratio: r, notes: note });
const ms = (/** @type {number} */ v, digits = 1) => `${v.toFixed(digits)} ms`;
const started = now();
const step = (/** @type {string} */ label) =>
  process.stderr.write(`bench: ${label} (${((now() - started) / 1000).toFixed(0)} s)\n`);

/** Figure 1: sizes of the built files beside the floor (Lit + one trivial element), built now. */
async function sizes() {
  const tmp = mkdtempSync(join(tmpdir(), 'lede-bench-'));
  try {
    const dist = distSizes();
    const floor = await floorSize(join(tmp, 'floor'));
    /** @type {Partial<Awaited<ReturnType<typeof standaloneSizes>>>} */
    let alone = {};
    try {
      alone = await standaloneSizes(join(tmp, 'alone'));
    } catch (error) {
      notes.push(
        `Size: the per-element bundles could not be built from src/ (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`,
      );
    }
    results.size = { dist, floor, standalone: alone, budget: BUDGET };
    const rest = (/** @type {{ raw: number, brotli: number }} */ s) => `raw ${bytes(s.raw)}, brotli ${bytes(s.brotli)}`;
    const lede = dist['lede.js'];
    if (lede) {
      const { target, limit } = BUDGET['lede.js'];
      const over = lede.gzip - target;
      // The project's server renders the demo page and adds dist/hydrate.js before dist/lede.js.
      const hydrate = dist['hydrate.js']
        ? `; server-rendered pages also load dist/hydrate.js, ${bytes(dist['hydrate.js'].gzip)} gzip`
        : '';
      row(
        '1 Size',
        '`dist/lede.js` (5 elements + Lit), gzip',
        bytes(lede.gzip),
        bytes(floor.gzip),
        ratio(lede.gzip, floor.gzip),
        `${rest(lede)}; floor ${rest(floor)}; target ${target} B: ${over > 0 ? `**${over} B over**` : `${-over} B under`}${hydrate}`,
      );
      if (over > 0)
        notes.push(
          `Size: dist/lede.js is ${lede.gzip} B gzip, ${over} B over its ${target} B target (\`npm run size\` fails above ${limit} B).`,
        );
    }
    // What a reader downloads, from the network log of real page loads in Chromium, beside the floor loaded the same way.
    const pages = await pageDownloads(join(tmp, 'floor'));
    results.size.pages = pages;
    for (const [name, { target, limit, what }] of Object.entries(PAGE_BUDGET)) {
      const p = pages[/** @type {keyof typeof pages} */ (name)];
      const over = p.gzip - target;
      row(
        '1 Size',
        `${what}, gzip`,
        bytes(p.gzip),
        bytes(pages.floor.gzip),
        ratio(p.gzip, pages.floor.gzip),
        `brotli ${bytes(p.brotli)}; ${p.files.length} files (${p.files.map((f) => f.path.replace('/dist/', '')).join(', ')}); target ${bytes(target)}: ${over > 0 ? `**${over} B over**` : `${-over} B under`}`,
      );
      if (over > 0)
        notes.push(
          `Size: ${what}: ${p.gzip} B gzip, ${over} B over its ${target} B target (\`npm run size\` fails above ${limit} B).`,
        );
    }
    const hydrated = pages.articleHydrated;
    row(
      '1 Size',
      `${PAGE_REPORT.articleHydrated}, gzip`,
      bytes(hydrated.gzip),
      bytes(pages.floor.gzip),
      ratio(hydrated.gzip, pages.floor.gzip),
      `brotli ${bytes(hydrated.brotli)}; ${hydrated.files.length} files (${hydrated.files.map((f) => f.path.replace('/dist/', '')).join(', ')}); no budget`,
    );
    for (const name of ELEMENTS) {
      const shipped = dist[`${name}.js`];
      const own = alone[name];
      if (!shipped) continue;
      row(
        '1 Size',
        `\`${name}\` alone + Lit, gzip`,
        own ? bytes(own.gzip) : 'n/a',
        bytes(floor.gzip),
        own ? ratio(own.gzip, floor.gzip) : '–',
        `${own ? `${rest(own)}; ` : ''}\`dist/${name}.js\` as shipped (Lit external, unminified, its chunks counted): raw ${bytes(shipped.raw)}, gzip ${bytes(shipped.gzip)}, brotli ${bytes(shipped.brotli)}`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Figure 3: estimateReadingTime vs the reading-time package, in Node. */
async function count() {
  const result = await counting({ budget: SETTINGS.countingBudget });
  results.counting = result;
  const iqr = (/** @type {{ p25: number, p75: number, median: number }} */ s) =>
    `±${(((s.p75 - s.p25) / 2 / s.median) * 100).toFixed(0)}%`;
  for (const r of result.results) {
    const growth = result.growth[r.lang];
    const last =
      r.size === '10 MB'
        ? `; growth 1→10 MB (best of n): ×${growth.lede.toFixed(1)} vs ×${growth.baseline.toFixed(1)} (linear: ×10)`
        : '';
    const time = (/** @type {{ median: number, mbPerSecond: number }} */ s) =>
      `${ms(s.median, s.median < 10 ? 2 : 0)}, ${s.mbPerSecond.toFixed(0)} MB/s`;
    row(
      '3 Count',
      `${r.lang === 'fr' ? 'French' : 'English'} ${r.size}`,
      time(r.lede),
      time(r.baseline),
      ratio(r.lede.median, r.baseline.median),
      `n=${r.lede.n}, IQR ${iqr(r.lede)} / ${iqr(r.baseline)}; words ${r.lede.words} vs ${r.baseline.words}${last}`,
    );
  }
}

/** Figures 2, 4 and 5, in Chromium, on the demo page, a static copy of it and the instance page. */
async function browserFigures() {
  const generated = mkdtempSync(join(tmpdir(), 'lede-bench-pages-'));
  const server = await startServer({ generated });
  const browser = await launch();
  try {
    results.browser = await browser.version();
    step('2 static copy of the article');
    await generateStatic(browser, server.origin, generated);
    if (want(2)) {
      step('2 render: article');
      await renderArticleFigure(browser, server);
      step(`2 render: ${SETTINGS.instances} instances`);
      await renderInstancesFigure(browser, server);
    }
    if (want(4)) {
      step('4 layout shift');
      await layoutShiftFigure(browser, server);
    }
    if (want(5)) {
      step('5 typing');
      await typingFigure(browser, server);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(generated, { recursive: true, force: true });
  }
}

const RENDERING = {
  lede: 'server-rendered (hydrated when the reader reaches for an element)',
  csr: 'client-rendered (`?ssr=0`)',
};

/** @typedef {import('puppeteer-core').Browser} Browser */
/** @typedef {Awaited<ReturnType<typeof startServer>>} BenchServer */

/** @param {Browser} browser @param {BenchServer} server */
async function renderArticleFigure(browser, server) {
  const article = await renderArticle(browser, server.origin, SETTINGS.articleSamples);
  results.renderArticle = article;
  for (const name of /** @type {const} */ (['lede', 'csr'])) {
    const ssr = article.serverRendered[name];
    if ((name === 'lede') !== ssr)
      notes.push(`Render: the ${RENDERING[name]} page was ${ssr ? '' : 'not '}server-rendered.`);
    row(
      '2 Render',
      `Article page, ${RENDERING[name]}: navigation → all rendered + layout`,
      ms(article[name].median),
      ms(article.baseline.median),
      ratio(article[name].median, article.baseline.median),
      `${spread(article[name])} / ${spread(article.baseline)}; FCP ${ms(article.fcp[name].median, 0)} vs ${ms(article.fcp.baseline.median, 0)}; TTFB ${ms(article.ttfb[name].median, 0)} vs ${ms(article.ttfb.baseline.median, 0)}; page height ${article.height[name]} vs ${article.height.baseline} px`,
    );
    if (article.errors[name].length)
      notes.push(`Render: the ${RENDERING[name]} article page threw: ${article.errors[name].join(' | ')}`);
  }
  if (Math.abs(article.height.lede - article.height.baseline) > 0.02 * article.height.lede) {
    notes.push(
      `Render: the static copy is ${article.height.baseline} px tall, the Lede page ${article.height.lede} px: its generated CSS is only an approximation.`,
    );
  }
}

/** @param {Browser} browser @param {BenchServer} server */
async function renderInstancesFigure(browser, server) {
  const instances = await renderInstances(browser, server.origin, SETTINGS.instanceSamples, SETTINGS.instances);
  results.renderInstances = instances;
  for (const [tag, r] of Object.entries(instances)) {
    if (!r) continue;
    row(
      '2 Render',
      `${SETTINGS.instances.toLocaleString('en')} × \`<${tag}>\` vs hand-written`,
      ms(r.lede.median, 0),
      ms(r.baseline.median, 0),
      ratio(r.lede.median, r.baseline.median),
      `${spread(r.lede, 'ms', 0)} / ${spread(r.baseline, 'ms', 0)}; ${r.shadowElements.lede} shadow element${r.shadowElements.lede === 1 ? '' : 's'} each`,
    );
    if (r.errors.lede)
      notes.push(
        `Render: rendering ${SETTINGS.instances} <${tag}> threw ${r.errors.lede} errors (timed anyway): ${r.errors.first}`,
      );
    if (r.shadowElements.lede !== r.shadowElements.baseline || r.count.lede !== r.count.baseline) {
      notes.push(
        `Render: <${tag}> and its hand-written twin differ (${r.shadowElements.lede} vs ${r.shadowElements.baseline} shadow elements).`,
      );
    }
  }
}

/** @param {Browser} browser @param {BenchServer} server */
async function layoutShiftFigure(browser, server) {
  const shifts = await layoutShift(browser, server, {
    delay: SETTINGS.imageDelay,
    samples: SETTINGS.shiftSamples,
    viewports: SETTINGS.viewports,
  });
  results.layoutShift = shifts;
  for (const name of /** @type {const} */ (['lede', 'csr'])) {
    for (const s of shifts) {
      const sources = (/** @type {'lede' | 'csr' | 'baseline'} */ who) => [
        ...new Set(s.runs[who].flatMap((run) => run.shifts.flatMap((shift) => shift.sources))),
      ];
      const when = [...new Set(s.runs[name].flatMap((run) => run.shifts.map((shift) => `${Math.round(shift.at)} ms`)))];
      const loaded = [...s.runs[name], ...s.runs.baseline].every((run) => run.imagesLoaded === run.images);
      const moved = sources(name).length ? `shifted at ${when.join(', ')}: ${sources(name).join(', ')}` : 'no shift';
      const [lede, baseline] = [s[name].median, s.baseline.median];
      row(
        '4 CLS',
        `Images ${SETTINGS.imageDelay / 1000} s late, ${s.viewport.width}×${s.viewport.height}, ${RENDERING[name]}`,
        lede.toFixed(3),
        baseline.toFixed(3),
        baseline ? ratio(lede, baseline) : lede ? '–' : '=',
        `n=${s[name].n}, max ${s[name].max.toFixed(3)} / ${s.baseline.max.toFixed(3)}; ${moved}${sources('baseline').length ? `; static page shifted: ${sources('baseline').join(', ')}` : ''}${loaded ? '' : '; **not all images loaded**'}`,
      );
    }
  }
}

/** @param {Browser} browser @param {BenchServer} server */
async function typingFigure(browser, server) {
  const typed = await typing(browser, server.origin, {
    length: SETTINGS.typedCharacters,
    samples: SETTINGS.typingSamples,
  });
  results.typing = typed;
  const n = SETTINGS.typedCharacters.toLocaleString('en');
  const observed = (/** @type {{ max: number, median: number }} */ s) => (s.max ? ms(s.median, 0) : 'none ≥ 50 ms');
  row(
    '5 Typing',
    `Longest task typing ${n} characters (server-rendered page), \`longtask\` observer (wall clock)`,
    observed(typed.lede),
    observed(typed.baseline),
    typed.lede.max && typed.baseline.max ? ratio(typed.lede.median, typed.baseline.median) : '–',
    `n=${typed.lede.n}; long tasks per run ${typed.longTasks.lede.median} / ${typed.longTasks.baseline.median}; slowest key event ${ms(typed.slowestEvent.lede.median, 0)} / ${ms(typed.slowestEvent.baseline.median, 0)}; ${(typed.runs.lede[0].typedFor / 1000).toFixed(0)} s of typing per run`,
  );
  row(
    '5 Typing',
    `Same, longest task in CPU time (trace of the main thread)`,
    ms(typed.longestCpu.lede.median),
    ms(typed.longestCpu.baseline.median),
    ratio(typed.longestCpu.lede.median, typed.longestCpu.baseline.median),
    `n=${typed.lede.n}; ${typed.runs.lede[0].tasks} / ${typed.runs.baseline[0].tasks} tasks; longest wall time in the trace ${ms(typed.longestWall.lede.median, 0)} / ${ms(typed.longestWall.baseline.median, 0)}`,
  );
  for (const [name, list] of Object.entries(typed.runs)) {
    for (const run of list) {
      if (run.typed !== SETTINGS.typedCharacters)
        notes.push(`Typing (${name}): ${run.typed} characters arrived, not ${SETTINGS.typedCharacters}.`);
      if (!run.drafts) notes.push(`Typing (${name}): no draft was saved.`);
    }
  }
  if (typed.longestWall.lede.median > 3 * typed.longestCpu.lede.median) {
    notes.push(
      `Typing: the longest task took ${ms(typed.longestWall.lede.median, 0)} of wall time but at most ${ms(typed.longestCpu.lede.median)} of CPU: the machine was busy, so the \`longtask\` row measures contention more than Lede.`,
    );
  }
}

if (want(1)) {
  step('1 size');
  await sizes();
}
if (want(3)) {
  step('3 counting'); // before the browser starts, so Chromium does not compete for the cores
  await count();
}
if (want(2) || want(4) || want(5)) await browserFigures();
if (want(6)) {
  step('6 first paint, server- vs client-rendered');
  const fcp = await ssrFcp({ runs: 5 });
  results.ssrFcp = fcp;
  row(
    '6 FCP',
    'Article, server-rendered vs client-rendered (`?ssr=0`), 4× CPU slow-down, 150 ms RTT',
    ms(fcp.ssr, 0),
    ms(fcp.csr, 0),
    ratio(fcp.ssr, fcp.csr),
    `n=${fcp.runs} each, medians; header and figures shown: ${ms(fcp.complete.ssr, 0)} vs ${ms(fcp.complete.csr, 0)}`,
  );
}

if (want(7)) {
  step('7 comment server under load');
  const before = loadavg()[0];
  const load = await serverLoad({ duration: quick ? 1 : 3, log: step });
  results.serverLoad = { ...load, loadAverage: [before, loadavg()[0]] };
  notes.push(...load.notes);
  for (const r of load.results) {
    row(
      '7 Server',
      `${r.store}, ${r.instances} instance${r.instances > 1 ? 's' : ''}: ${r.what}`,
      `${Math.round(r.rps).toLocaleString('en')} req/s`,
      '–',
      '–',
      `p50 ${r.p50} ms, p99 ${r.p99} ms; ${load.connections} connections, ${load.duration} s; ${r.ok} 2xx, ${r.other} other${r.errors ? `, ${r.errors} errors` : ''}`,
    );
  }
  if (before > cpus().length)
    notes.push(
      `Server: the machine's load average was ${before.toFixed(1)} on ${cpus().length} CPUs when figure 7 started: other work competed for the cores.`,
    );
}

const cell = (/** @type {unknown} */ s) => String(s).replace(/\|/g, '\\|');
const table = [
  '| Figure | Measure | Lede | Baseline | Ratio | Notes (samples, spread) |',
  '|---|---|--:|--:|--:|---|',
  ...rows
    .sort((a, b) => parseInt(a.figure) - parseInt(b.figure))
    .map((r) => `| ${[r.figure, r.what, r.lede, r.baseline, r.ratio, r.notes].map(cell).join(' | ')} |`),
].join('\n');
results.table = rows;
results.notes = notes;
results.seconds = (now() - started) / 1000;
// A partial run (BENCH_ONLY) prints its rows but leaves the last full run's bench/results.json alone.
const out = fileURLToPath(new URL('./results.json', import.meta.url));
if (!only) writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${table}\n`);
console.log(
  'Baselines: 1 = Lit + one trivial element (same vite and minify settings); 2 = the same article as static HTML ' +
    '(generated from the rendered page), and a hand-written custom element building the same shadow DOM; 3 = the ' +
    '`reading-time` package; 4 = the static article; 5 = the static article with a hand-written draft script; 7 = none ' +
    '(absolute figures, autocannon on the loopback sharing the machine with the servers and PostgreSQL). ' +
    'Ratio = Lede ÷ baseline (medians; lower is better for Lede).',
);
console.log(
  `Chromium ${(results.browser ?? '–').replace(/^[^/]*\//, '')}, Node ${process.version}, ${cpus().length} CPUs, ${results.seconds.toFixed(0)} s.`,
);
if (notes.length) console.log(`\nOddities:\n${notes.map((n) => `- ${n}`).join('\n')}`);
console.log(only ? '\nPartial run (BENCH_ONLY): bench/results.json not written.' : `\nWrote ${out}`);
