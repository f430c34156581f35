// Small statistics for the benchmarks: median, quartiles and how samples are described in the table.

/** @param {number[]} values @param {number} q 0..1 */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}

/** Median, quartiles, min, max and count of a list of samples. @param {number[]} values */
export function summarize(values) {
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p25: quantile(values, 0.25),
    p75: quantile(values, 0.75),
    min: Math.min(...values),
    max: Math.max(...values),
    samples: values,
  };
}

/**
 * "n=10, IQR 12.1–14.0 ms": sample count and interquartile range.
 * @param {ReturnType<typeof summarize>} summary
 */
export function spread(summary, unit = 'ms', digits = 1) {
  return `n=${summary.n}, IQR ${summary.p25.toFixed(digits)}–${summary.p75.toFixed(digits)} ${unit}`;
}

/** Each name of `names` once per round, in an order that rotates from round to round (Lede and its baseline alternate). */
export const rotate = (/** @type {string[]} */ names, /** @type {number} */ round) =>
  names.map((_, i) => names[(i + round) % names.length]);

/** A monotonic clock in milliseconds. */
export const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Bytes as "18.3 KiB" (or "812 B"). @param {number} n */
export function bytes(n) {
  return n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`;
}

/** A ratio as "×1.23" ("–" when it cannot be computed). @param {number} a @param {number} b */
export function ratio(a, b, digits = 2) {
  return Number.isFinite(a / b) && b !== 0 ? `×${(a / b).toFixed(digits)}` : '–';
}
