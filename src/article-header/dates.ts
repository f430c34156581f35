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

const ISO = /^(\d{4}-\d\d-\d\d)(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?)?$/;
const DAY = 86400;

/**
 * An ISO 8601 date ("2019-11-27", UTC midnight) or date-time ("2019-11-27T23:30:00Z", "…T10:00+01:00"; without an
 * offset it is the reader's local time). Anything else, impossible days included ("2019-02-30"), gives `undefined`.
 */
export function parseDate(value: string): When | undefined {
  const iso = `${value}`.trim(); // a `Date` set from script reads as text, and is refused
  const text = iso.toUpperCase();
  const [, day, time] = ISO.exec(text) ?? [];
  const date = new Date(text);
  // `Date` rolls an impossible day over ("2019-02-30" is 2 March), so the day must read back unchanged.
  if (day && new Date(day).getUTCDate() === +day.slice(8) && +date === +date) return { iso, date, plain: !time };
  return undefined;
}

/**
 * `Intl.DateTimeFormat` options per `date-style` (components, not `dateStyle`, so numeric months stay numeric);
 * `relative` and unknown styles give `long`.
 */
export function dateOptions(style: string, when: When, timeZone?: string): Intl.DateTimeFormatOptions {
  return {
    weekday: style === 'full' ? 'long' : undefined,
    year: 'numeric',
    month: style === 'medium' ? 'short' : style === 'short' ? 'numeric' : 'long',
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
  const diff =
    (+when.date - (when.plain ? Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) : now)) / 1000;
  const abs = Math.abs(diff);
  if (abs > 30 * DAY) return;
  const [size, unit]: [number, Intl.RelativeTimeFormatUnit] =
    when.plain || abs >= DAY ? [DAY, 'day'] : abs >= 3600 ? [3600, 'hour'] : abs >= 60 ? [60, 'minute'] : [1, 'second'];
  return [Math.round(diff / size) || 0, unit];
}

/** The zone if `Intl` knows it, else `undefined`. */
export function validZone(zone?: string): string | undefined {
  try {
    if (zone) {
      new Intl.DateTimeFormat('en', { timeZone: zone }); // throws a RangeError for an unknown zone
      return zone;
    }
  } catch {
    // An unknown zone: the reader's is used.
  }
  return undefined;
}

/**
 * A date-time written without an offset ("2019-11-27T10:00") with the offset `zone` has at that wall-clock time
 * ("2019-11-27T10:00+01:00" in Europe/Paris), for structured data.
 */
export function withZone(iso: string, zone: string): string {
  const offset = (at: number) =>
    new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')
      ?.value.slice(3) || '+00:00';
  const minutes = (text: string) => (text[0] === '-' ? -1 : 1) * (+text.slice(1, 3) * 60 + +text.slice(4, 6));
  const wall = Date.parse(`${iso.toUpperCase()}Z`); // the wall-clock time read as UTC
  // The zone's offset an instant near it, then at the instant that wall-clock time really is (around a DST change).
  return iso + offset(wall - minutes(offset(wall)) * 60_000);
}
