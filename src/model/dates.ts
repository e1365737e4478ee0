import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * A publication date as the newsroom means it. `dateOnly` dates ("2024-06-18") name a calendar day
 * in the site's time zone; the rest name an exact instant. Both carry the instant, so sorting and
 * feeds never need to know the difference.
 */
export interface ArticleDate {
  /** The instant: midnight in the site's time zone for a date-only value. */
  instant: Date;
  /** True when the source gave a calendar day and no time. */
  dateOnly: boolean;
  /** The value for `<time datetime>`: `2024-06-18`, or `2024-06-18T09:30:00-04:00`. */
  datetime: string;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// A date and time, with an optional zone (Z or ±hh:mm). Seconds and fractions are optional.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function validDay(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/**
 * Turns what front matter holds into a canonical string, or null when it is not a date.
 * Output is `YYYY-MM-DD` for a calendar day and a UTC ISO instant otherwise.
 *
 * YAML turns an unquoted `2024-06-18` into a Date at UTC midnight, so such Dates are read back as
 * calendar days; an unquoted time without a zone is UTC by the YAML spec. A quoted time without a
 * zone ("2024-06-18 09:30") is wall-clock time in the site's time zone.
 */
export function canonicalDate(value: unknown, timeZone: string): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const day = DATE_ONLY.exec(text);
  if (day) {
    const [y, m, d] = day.slice(1).map(Number) as [number, number, number];
    return validDay(y, m, d) ? text : null;
  }
  const time = DATE_TIME.exec(text);
  if (!time) return null;
  const [y, m, d, hh, mm, ss = 0] = time.slice(1, 7).map((part) => Number(part ?? 0)) as number[] as [
    number, number, number, number, number, number,
  ];
  if (!validDay(y, m, d) || hh > 23 || mm > 59 || ss > 59) return null;
  const zone = time[7];
  const instant = zone
    ? new Date(`${text.slice(0, 10)}T${hh.toString().padStart(2, '0')}:${mm.toString().padStart(2, '0')}:${ss.toString().padStart(2, '0')}${zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`}`)
    : new TZDate(y, m - 1, d, hh, mm, ss, timeZone);
  return Number.isNaN(instant.getTime()) ? null : new Date(instant.getTime()).toISOString();
}

/** Expands a canonical date string (from `canonicalDate`) into an ArticleDate. */
export function toArticleDate(canonical: string, timeZone: string): ArticleDate {
  const day = DATE_ONLY.exec(canonical);
  if (day) {
    const [y, m, d] = day.slice(1).map(Number) as [number, number, number];
    const midnight = new TZDate(y, m - 1, d, timeZone);
    return { instant: new Date(midnight.getTime()), dateOnly: true, datetime: canonical };
  }
  const instant = new Date(canonical);
  if (!CANONICAL_INSTANT.test(canonical) || Number.isNaN(instant.getTime())) throw new Error(`Not a canonical date: ${canonical}`);
  const date: ArticleDate = { instant, dateOnly: false, datetime: '' };
  date.datetime = isoWithOffset(date, timeZone);
  return date;
}

/** The value a map holds for a key, made and kept on first use. */
function remember<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

// A page's head, its JSON-LD and the feeds each ask for the same few instants; working out a zone
// offset is the costly part, so each instant is worded once per build.
const withOffset = new Map<string, string>();

/** The instant with the newsroom's offset, `2024-06-18T00:00:00-04:00`: for metadata that needs a time. */
export function isoWithOffset(date: ArticleDate, timeZone: string): string {
  return remember(withOffset, `${date.instant.getTime()}|${timeZone}`, () =>
    format(new TZDate(date.instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx"),
  );
}

/** The calendar year and month of a date in the newsroom's zone: `{ year: '2024', month: '06' }`. */
export function yearMonth(date: ArticleDate, timeZone: string): { year: string; month: string } {
  const zoned = new TZDate(date.instant.getTime(), timeZone);
  return { year: format(zoned, 'yyyy'), month: format(zoned, 'MM') };
}

// Building an Intl.DateTimeFormat costs a hundred times more than using one, and a build words
// tens of thousands of dates with the same few, so each is made once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return remember(formatters, `${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** A month for readers: "June 2024". */
export function formatMonth(year: string, month: string, locale: string): string {
  return formatter(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(year), Number(month) - 1, 1));
}

/** Words a date for readers: "18 June 2024", or "18 June 2024, 09:30 EDT" when it has a time. */
export function formatDate(date: ArticleDate, locale: string, timeZone: string): string {
  const day = formatter(locale, { dateStyle: 'long', timeZone }).format(date.instant);
  if (date.dateOnly) return day;
  const time = formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date.instant);
  const zone = formatter('en-US', { timeZoneName: 'short', timeZone })
    .formatToParts(date.instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  return `${day}, ${time}${zone ? ` ${zone}` : ''}`;
}
