/**
 * dist/reading-time.js, the static build's `<lede-reading-time>`: define.ts without `estimateReadingTimeFromHtml`,
 * which servers use (a browser measures the DOM), so that its HTML reader does not ride along with every page that
 * shows a reading time, the header's included. The package's `lede-elements/reading-time` (define.ts) keeps it.
 */
export { LedeReadingTime, LedeReadingTimeChangeEvent, estimateReadingTime } from './define.js';
export type { ReadingTime, ReadingTimeOptions } from './define.js';
