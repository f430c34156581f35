/** A parsed `published` or `updated` value: the instant, and whether it was a calendar date without a time. */
export interface When {
  /** The value as written, for `<time datetime>` and JSON-LD. */
  iso: string;
  date: Date;
  /** A plain date ("2019-11-27") is the same calendar day everywhere, so it is shown in UTC. */
  plain: boolean;
}

export type DateStyle = 'long' | 'full' | 'medium' | 'short' | 'relative';
export const dateStyles: readonly string[] = ['long', 'full', 'medium', 'short', 'relative'];

const ISO = /^(\d{4})-(\d\d)-(\d\d)(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?)?$/;
const DAY = 86400;

/**
 * An ISO 8601 date ("2019-11-27") or date-time ("2019-11-27T23:30:00Z", "…T10:00+01:00"; without an offset it is
 * the reader's local time). Anything else, impossible days included ("2019-02-30"), gives `undefined`.
 */
export function parseDate(value: string): When | undefined {
  const iso = value.trim();
  const text = iso.toUpperCase();
  const match = ISO.exec(text);
  if (!match) return;
  const [, y, m, d, time] = match;
  const day = new Date(Date.UTC(+y, +m - 1, +d));
  if (day.getUTCMonth() !== +m - 1) return;
  const date = time ? new Date(text) : day;
  return isNaN(+date) ? undefined : { iso, date, plain: !time };
}

/** `Intl.DateTimeFormat` options per `date-style` (components, not `dateStyle`, so numeric months stay numeric). */
export function dateOptions(style: DateStyle, when: When, timeZone?: string): Intl.DateTimeFormatOptions {
  const month = style === 'medium' ? 'short' : style === 'short' ? 'numeric' : 'long';
  return {
    weekday: style === 'full' ? 'long' : undefined,
    year: 'numeric',
    month,
    day: 'numeric',
    timeZone: when.plain ? 'UTC' : timeZone,
  };
}

/**
 * Value and unit for `Intl.RelativeTimeFormat` (seconds, then minutes, hours, days), or `undefined` when the date
 * is more than 30 days away and should be shown as an absolute date. A plain date counts in whole days from the
 * reader's today.
 */
export function relativeParts(when: When, now: number): [number, Intl.RelativeTimeFormatUnit] | undefined {
  const today = new Date(now);
  const diff = (+when.date - (when.plain ? Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) : now)) / 1000;
  const abs = Math.abs(diff);
  if (abs > 30 * DAY) return;
  const [size, unit]: [number, Intl.RelativeTimeFormatUnit] =
    when.plain || abs >= DAY ? [DAY, 'day'] : abs >= 3600 ? [3600, 'hour'] : abs >= 60 ? [60, 'minute'] : [1, 'second'];
  return [Math.round(diff / size) || 0, unit];
}

/** The zone if `Intl` knows it, else `undefined`. */
export function validZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
