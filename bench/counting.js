// Figure 3, counting speed in Node: `estimateReadingTime` (dist/lib/reading-time/define.js) vs the `reading-time` package
// on the same French and English texts of 10 KB, 100 KB, 1 MB and 10 MB (1 KB = 1,024 bytes of UTF-8).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import readingTime from 'reading-time';
import { ENGLISH, FRENCH, sized } from './lib/texts.js';
import { now, rotate, summarize } from './lib/stats.js';

// On texts of 1 MB and more, a collection before each timed run, so one counter does not pay for the other's
// garbage (10 MB of text makes millions of short-lived objects). Not on small texts: a full collection also
// drops V8's compiled regular expressions, and recompiling would dominate a 10 KB run. `gc` is exposed at run
// time, since `npm run bench` runs plain `node`.
setFlagsFromString('--expose-gc');
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- runInNewContext is `any`; the cast gives its type
const gc = /** @type {() => void} */ (runInNewContext('gc'));

/** @type {Array<[label: string, bytes: number]>} */
export const SIZES = [
  ['10 KB', 10 * 1024],
  ['100 KB', 100 * 1024],
  ['1 MB', 1024 * 1024],
  ['10 MB', 10 * 1024 * 1024],
];

/**
 * Times both counters on each text, alternating them, until each has `budget` ms of samples (at least 7, 3 at
 * 10 MB; at most 50). Returns per language and size: medians, spread, throughput and the words each counter found.
 */
export async function counting({ budget = 250 } = {}) {
  const { estimateReadingTime } = await import('../dist/lib/reading-time/define.js');
  /** @typedef {'lede' | 'baseline'} Contender */
  /** @type {Record<Contender, (text: string, lang: string) => number>} */
  const contenders = {
    lede: (text, lang) => estimateReadingTime(text, { lang }).words,
    baseline: (text) => readingTime(text).words,
  };
  /** @typedef {ReturnType<typeof summarize> & { mbPerSecond: number, words: number | undefined }} Run */
  /** @type {Array<{ lang: string, size: string, bytes: number, lede: Run, baseline: Run, ratio: number }>} */
  const results = [];
  for (const [lang, source] of [
    ['fr', FRENCH],
    ['en', ENGLISH],
  ]) {
    for (const [label, size] of SIZES) {
      const text = sized(source, size);
      const bytes = Buffer.byteLength(text);
      /** @type {Record<Contender, number[]>} */
      const times = { lede: [], baseline: [] };
      /** @type {Partial<Record<Contender, number>>} */
      const words = {};
      // Warm-up on the small texts; by 1 MB both counters are compiled, and a 10 MB warm-up would take seconds.
      if (size <= 100 * 1024) for (const contender of Object.values(contenders)) contender(text, lang);
      let spent = 0;
      const least = size > 1024 * 1024 ? 3 : 7;
      while ((spent < 2 * budget && times.lede.length < 50) || times.lede.length < least) {
        for (const name of /** @type {Contender[]} */ (rotate(['lede', 'baseline'], times.lede.length))) {
          if (size >= 1024 * 1024) gc();
          const start = now();
          words[name] = contenders[name](text, lang);
          const took = now() - start;
          times[name].push(took);
          spent += took;
        }
      }
      const lede = summarize(times.lede);
      const baseline = summarize(times.baseline);
      results.push({
        lang,
        size: label,
        bytes,
        lede: { ...lede, mbPerSecond: bytes / 1048576 / (lede.median / 1000), words: words.lede },
        baseline: { ...baseline, mbPerSecond: bytes / 1048576 / (baseline.median / 1000), words: words.baseline },
        ratio: lede.median / baseline.median,
      });
    }
  }
  const growth = (/** @type {string} */ lang, /** @type {Contender} */ who) => {
    // Best of n: on a shared machine contention only ever adds time, so the fastest run is the steadiest.
    const at = (/** @type {string} */ size) =>
      results.find((r) => r.lang === lang && r.size === size)?.[who].min ?? NaN;
    return at('10 MB') / at('1 MB');
  };
  return {
    results,
    growth: Object.fromEntries(
      ['fr', 'en'].map((lang) => [lang, { lede: growth(lang, 'lede'), baseline: growth(lang, 'baseline') }]),
    ),
  };
}
