import { TZDate, tzOffset } from '@date-fns/tz';
// By file, not from the index: Node would load all 250 of date-fns's modules, re-reading its
// 138 KB `exports` map for each (1.6 s of every process that imports this module).
import { format } from 'date-fns/format';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';

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
// Every date-and-time form YAML 1.1 defines as a timestamp (yaml.org/type/timestamp), quoted or
// not, plus ISO 8601's compact offset: `T`, `t` or white space between date and time; seconds and
// fractions optional; a zone of `Z`, or an offset like -04:00, -0400, -04 or -4, optionally after
// white space.
const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:[ \t]*(Z|z|[+-](?:\d{2}(?::?\d{2})?|\d)))?$/;

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function validDay(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/**
 * Why a written year, month and day name no day of the calendar, in the editor's words: "February
 * 2026 has 28 days", "there is no month 13 (months run 01 to 12)", "there is no day 0 (days start
 * at 01)"; undefined when the month and the day exist. Month lengths and leap years are date-fns's
 * (`getDaysInMonth`), month names its English `MMMM`.
 */
export function missingDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `there is no month ${month} (months run 01 to 12)`;
  if (day < 1) return `there is no day ${day} (days start at 01)`;
  // setFullYear, not the constructor: new Date(24, …) would mean 1924.
  const first = new Date(2000, 0, 1);
  first.setFullYear(year, month - 1, 1);
  const days = getDaysInMonth(first);
  return day > days ? `${format(first, 'MMMM yyyy')} has ${days} days` : undefined;
}

/** Why a written time of day is no time: "there is no hour 24 (hours run 00 to 23)"; undefined when it is one. */
function missingTime(hours: number, minutes: number, seconds: number): string | undefined {
  if (hours > 23) return `there is no hour ${hours} (hours run 00 to 23)`;
  if (minutes > 59) return `there is no minute ${minutes} (minutes run 00 to 59)`;
  if (seconds > 59) return `there is no second ${seconds} (seconds run 00 to 59)`;
  return undefined;
}

const HOUR = 3_600_000;

/** A front-matter value read as a date, or why it cannot be one. */
export type DateReading =
  | { canonical: string }
  /** Not a date; `why` says what is wrong when the form is right but the day or time does not exist. */
  | { problem: 'not-a-date'; why?: string | undefined }
  /**
   * A wall-clock time the zone skipped (clocks went forward): `wall` as `2024-03-10T02:30:00`,
   * `offsets` the zone's before and after, like -05:00.
   */
  | { problem: 'skipped'; wall: string; offsets: [string, string] }
  /** A wall-clock time the zone had twice (clocks went back): the first and second offset. */
  | { problem: 'repeated'; wall: string; offsets: [string, string] };

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Reads what front matter holds as a date, by one rule for every form, quoted or not:
 * - a date alone (`2024-06-18`) is that calendar day in the newsroom's zone;
 * - a date and time with `Z` or an offset is that instant;
 * - a date and time without one is the newsroom's wall-clock time, which must have happened
 *   exactly once there: a time skipped when clocks went forward, or repeated when they went back,
 *   is refused (`skipped`, `repeated`), since only an offset can say which instant was meant.
 * The canonical form is `YYYY-MM-DD` for a day and a UTC ISO instant otherwise. A JavaScript
 * Date is taken as an instant (a midnight-UTC Date as a day, as YAML 1.1 made them).
 */
export function readDate(value: unknown, timeZone: string): DateReading {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: 'not-a-date' };
    const iso = value.toISOString();
    return { canonical: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso };
  }
  if (typeof value !== 'string') return { problem: 'not-a-date' };
  const text = value.trim();
  const day = DATE_ONLY.exec(text);
  if (day) {
    const [y, m, d] = day.slice(1).map(Number) as [number, number, number];
    return validDay(y, m, d) ? { canonical: text } : { problem: 'not-a-date', why: missingDay(y, m, d) };
  }
  const time = DATE_TIME.exec(text);
  if (!time) return { problem: 'not-a-date' };
  const [y, m, d, hh, mm, ss] = time.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const ms = Math.round(Number(`0.${time[7] ?? '0'}`) * 1000);
  if (!validDay(y, m, d) || hh > 23 || mm > 59 || ss > 59) return { problem: 'not-a-date', why: missingDay(y, m, d) ?? missingTime(hh, mm, ss) };
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss, ms);
  const zone = time[8];
  if (zone) {
    let offset = 0;
    if (zone !== 'Z' && zone !== 'z') {
      const [, sign, hours, minutes = '0'] = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
      if (Number(hours) > 23 || Number(minutes) > 59) return { problem: 'not-a-date', why: `there is no offset ${zone} (its hours run 00 to 23, its minutes 00 to 59)` };
      offset = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
    }
    return { canonical: new Date(wall - offset * 60_000).toISOString() };
  }
  // The instants whose wall clock in the zone reads `wall`: one, none (skipped) or two (repeated).
  const before = tzOffset(timeZone, new Date(wall - 24 * HOUR));
  const after = tzOffset(timeZone, new Date(wall + 24 * HOUR));
  const instants = [...new Set([wall - before * 60_000, wall - after * 60_000])].filter(
    (instant) => tzOffset(timeZone, new Date(instant)) * 60_000 === wall - instant,
  );
  const ambiguous = { wall: new Date(wall).toISOString().slice(0, 19), offsets: [offsetText(before), offsetText(after)] as [string, string] };
  if (instants.length === 0) return { problem: 'skipped', ...ambiguous };
  if (instants.length > 1) return { problem: 'repeated', ...ambiguous };
  return { canonical: new Date(instants[0]!).toISOString() };
}

/** `readDate`'s canonical string, or null for anything that is not one unambiguous date. */
export function canonicalDate(value: unknown, timeZone: string): string | null {
  const reading = readDate(value, timeZone);
  return 'canonical' in reading ? reading.canonical : null;
}

/** The value a map holds for a key, made and kept on first use. */
function remember<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

// An archive's articles share a few thousand publication days, and each zone conversion is costly
// (@date-fns/tz works the offset out through Intl): a date is expanded once per build and shared,
// frozen, by every article that gives it.
const expanded = new Map<string, Readonly<ArticleDate>>();

/** Expands a canonical date string (from `canonicalDate`) into an ArticleDate (frozen: shared between articles). Throws on a string that is not canonical. */
export function toArticleDate(canonical: string, timeZone: string): ArticleDate {
  return remember(expanded, `${canonical}|${timeZone}`, () => Object.freeze(expand(canonical, timeZone)));
}

function expand(canonical: string, timeZone: string): ArticleDate {
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

// A page's head, its JSON-LD and the feeds each ask for the same few instants; working out a zone
// offset is the costly part, so each instant is worded once per build.
const withOffset = new Map<string, string>();

/** The instant with the newsroom's offset, `2024-06-18T00:00:00-04:00`: for metadata that needs a time. */
export function isoWithOffset(date: ArticleDate, timeZone: string): string {
  return remember(withOffset, `${date.instant.getTime()}|${timeZone}`, () =>
    format(new TZDate(date.instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx"),
  );
}

const months = new Map<string, Readonly<{ year: string; month: string }>>();

/** The calendar year and month of a date in the newsroom's zone: `{ year: '2024', month: '06' }` (frozen: shared). */
export function yearMonth(date: ArticleDate, timeZone: string): { year: string; month: string } {
  return remember(months, `${date.instant.getTime()}|${timeZone}`, () => {
    const zoned = new TZDate(date.instant.getTime(), timeZone);
    return Object.freeze({ year: format(zoned, 'yyyy'), month: format(zoned, 'MM') });
  });
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

/**
 * Words the days a run of articles spans, for readers: "3–9 June 2024", "28 May – 3 June 2024",
 * or one day, "18 June 2024", in the newsroom's time zone; the order of the two dates does not
 * matter. Intl's `formatRange` shares what the two days have in common (ECMA-402, the locale's
 * CLDR interval formats).
 */
export function formatDayRange(first: ArticleDate, last: ArticleDate, locale: string, timeZone: string): string {
  const [from, to] = first.instant <= last.instant ? [first, last] : [last, first];
  return formatter(locale, { dateStyle: 'long', timeZone }).formatRange(from.instant, to.instant);
}

/**
 * The change an article shows as "Updated" (on its page, and as the feeds' updated time): its
 * last change (`modified`: the latest of published, updated and the corrections' dates) once it
 * is later than publication; undefined while the article is as first published.
 */
export function shownUpdate(article: { published: ArticleDate; modified: ArticleDate }): ArticleDate | undefined {
  return article.modified.instant > article.published.instant ? article.modified : undefined;
}
