import { afterEach, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/checks/front-matter';
import { canonicalDate, formatDate, formatDayRange, missingDay, shownUpdate, toArticleDate } from '../../src/model/dates';
import { articleSchema } from '../../src/schemas/article';

const NY = 'America/New_York';

describe('canonicalDate', () => {
  describe.each([
    ['a date-only string', '2024-06-18', '2024-06-18'],
    ['an unquoted YAML date (UTC midnight)', new Date(Date.UTC(2024, 5, 18)), '2024-06-18'],
    ['a time with an offset', '2024-06-18T09:30:00-04:00', '2024-06-18T13:30:00.000Z'],
    ['a time with a compact offset', '2024-06-18T09:30:00-0400', '2024-06-18T13:30:00.000Z'],
    ['a UTC time', '2024-06-18T13:30Z', '2024-06-18T13:30:00.000Z'],
    ['a time without a zone: New York wall clock (summer)', '2024-06-18 09:30', '2024-06-18T13:30:00.000Z'],
    ['a time without a zone: New York wall clock (winter)', '2024-12-18T09:30', '2024-12-18T14:30:00.000Z'],
    ['a YAML timestamp (a Date that is not midnight UTC)', new Date('2024-06-18T13:30:00Z'), '2024-06-18T13:30:00.000Z'],
    ['a leap day', '2024-02-29', '2024-02-29'],
  ])('%s', (_label, input, expected) => {
    it(`reads ${String(input)} as ${expected}`, () => {
      expect(canonicalDate(input, NY)).toBe(expected);
    });
  });

  it.each([['2023-02-29'], ['2024-13-01'], ['2024-06-18T25:00'], ['18/06/2024'], ['yesterday'], [''], [20240618], [null], [new Date('nope')]])(
    'rejects %s',
    (input) => {
      expect(canonicalDate(input, NY)).toBeNull();
    },
  );
});

describe('toArticleDate and formatDate in every build time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  describe.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])('TZ=%s', (tz) => {
    it('keeps a calendar day on that day, at midnight in New York', () => {
      process.env.TZ = tz;
      const date = toArticleDate('2024-06-18', NY);
      expect(date).toEqual({ instant: new Date('2024-06-18T04:00:00.000Z'), dateOnly: true, datetime: '2024-06-18' });
      expect(formatDate(date, 'en-GB', NY)).toBe('18 June 2024');
    });

    it('words an instant in the newsroom zone with its offset', () => {
      process.env.TZ = tz;
      const date = toArticleDate('2024-06-18T02:30:00.000Z', NY);
      expect(date.datetime).toBe('2024-06-17T22:30:00-04:00');
      expect(formatDate(date, 'en-GB', NY)).toBe('17 June 2024, 22:30 EDT');
    });
  });

  it('refuses a string that is not canonical', () => {
    expect(() => toArticleDate('June 18', NY)).toThrow(/Not a canonical date/);
  });
});

describe('one rule for every date form, quoted or not (front matter read as the build reads it)', () => {
  const published = (yaml: string) => {
    const data = readFrontMatter(`---\ntitle: t\nstandfirst: s\nsection: Asia\ntags: [x]\npublished: ${yaml}\n---\n\nBody.\n`);
    const result = articleSchema.safeParse(data);
    return result.success ? result.data.published : `refused: ${result.error.issues.map((issue) => issue.message).join('; ')}`;
  };
  const FORMS: [form: string, typed: string, canonical: string][] = [
    ['date only', '2024-06-18', '2024-06-18'],
    ['date and time, space, no seconds', '2024-06-18 09:30', '2024-06-18T13:30:00.000Z'],
    ['date and time, space, seconds', '2024-06-18 09:30:00', '2024-06-18T13:30:00.000Z'],
    ['date and time, T, no seconds', '2024-06-18T09:30', '2024-06-18T13:30:00.000Z'],
    ['date and time, T, seconds', '2024-06-18T09:30:00', '2024-06-18T13:30:00.000Z'],
    ['date and time with a fraction', '2024-06-18T09:30:00.25', '2024-06-18T13:30:00.250Z'],
    ['lower-case t', '2024-06-18t09:30:00', '2024-06-18T13:30:00.000Z'],
    ['one-digit hour', '2024-06-18 9:30:00', '2024-06-18T13:30:00.000Z'],
    ['Z', '2024-06-18T09:30:00Z', '2024-06-18T09:30:00.000Z'],
    ['lower-case z', '2024-06-18T09:30:00z', '2024-06-18T09:30:00.000Z'],
    ['midnight Z is an instant, not a day', '2024-06-18T00:00:00Z', '2024-06-18T00:00:00.000Z'],
    ['offset with colon', '2024-06-18T09:30:00-04:00', '2024-06-18T13:30:00.000Z'],
    ['offset without colon', '2024-06-18T09:30:00-0400', '2024-06-18T13:30:00.000Z'],
    ['offset in hours', '2024-06-18T09:30:00+02', '2024-06-18T07:30:00.000Z'],
    ['YAML spaced form with a one-digit offset', '2001-12-14 21:59:43.10 -5', '2001-12-15T02:59:43.100Z'],
    ['winter wall clock', '2024-12-18 09:30', '2024-12-18T14:30:00.000Z'],
  ];
  describe.each(FORMS)('%s: %s', (_form, typed, canonical) => {
    it.each([
      ['unquoted', typed],
      ['double-quoted', `"${typed}"`],
      ['single-quoted', `'${typed}'`],
    ])('%s → the same instant', (_how, yaml) => {
      expect(published(yaml)).toBe(canonical);
    });
  });

  it('reads the handed input alike: 09:30 and 09:30:00 are the same newsroom time', () => {
    expect(published('2024-06-18 09:30')).toBe(published('2024-06-18 09:30:00'));
  });

  it.each([
    ['2024-03-10 02:30', 'clocks went forward that night and skipped it. Give the offset it was meant in, e.g. 2024-03-10T02:30:00-05:00'],
    ['"2024-03-10T02:59:59"', 'skipped it'],
    ['2024-11-03 01:30', 'which happened twice: clocks went back that night. Give its offset: 2024-11-03T01:30:00-04:00 for the first, 2024-11-03T01:30:00-05:00 for the second'],
    ['2024-02-30', 'expected the publication date as a date like 2024-06-18'],
    ['2024-06-18 24:00', 'expected the publication date as a date like 2024-06-18'],
    ['2024-06-18T09:30:00+25:00', 'expected the publication date as a date like 2024-06-18'],
  ])('refuses %s, saying why', (yaml, message) => {
    expect(published(yaml)).toContain(message);
  });

  const EXPECTED = 'expected the publication date as a date like 2024-06-18 or a date and time like 2024-06-18T09:30:00-04:00';
  it.each([
    ['2026-02-30', `${EXPECTED}, found "2026-02-30": February 2026 has 28 days`],
    ['"2026-02-30"', `${EXPECTED}, found "2026-02-30": February 2026 has 28 days`],
    ['2025-02-29', `${EXPECTED}, found "2025-02-29": February 2025 has 28 days`],
    ['2024-02-30', `${EXPECTED}, found "2024-02-30": February 2024 has 29 days`],
    ['2100-02-29', `${EXPECTED}, found "2100-02-29": February 2100 has 28 days`],
    ['2024-04-31', `${EXPECTED}, found "2024-04-31": April 2024 has 30 days`],
    ['2024-13-01', `${EXPECTED}, found "2024-13-01": there is no month 13 (months run 01 to 12)`],
    ['2024-00-10', `${EXPECTED}, found "2024-00-10": there is no month 0 (months run 01 to 12)`],
    ['2024-06-00', `${EXPECTED}, found "2024-06-00": there is no day 0 (days start at 01)`],
    ['2024-09-31 09:30', `${EXPECTED}, found "2024-09-31 09:30": September 2024 has 30 days`],
    ['2024-06-18 24:00', `${EXPECTED}, found "2024-06-18 24:00": there is no hour 24 (hours run 00 to 23)`],
    ['2024-06-18T09:60', `${EXPECTED}, found "2024-06-18T09:60": there is no minute 60 (minutes run 00 to 59)`],
    ['2024-06-18T09:30:60Z', `${EXPECTED}, found "2024-06-18T09:30:60Z": there is no second 60 (seconds run 00 to 59)`],
    ['2024-06-18T09:30:00+25:00', `${EXPECTED}, found "2024-06-18T09:30:00+25:00": there is no offset +25:00 (its hours run 00 to 23, its minutes 00 to 59)`],
    // The form is wrong, not the day: nothing more to say than the forms expected.
    ['18/06/2024', `${EXPECTED}, found "18/06/2024"`],
  ])('refuses %s, naming the day or time that does not exist', (yaml, message) => {
    expect(published(yaml)).toBe(`refused: ${message}`);
  });

  it.each([['2024-02-29'], ['2000-02-29'], ['2024-04-30'], ['2024-12-31']])('accepts %s, a day that exists', (yaml) => {
    expect(published(yaml)).toBe(yaml);
  });

  it('accepts the times either side of a change', () => {
    expect(published('2024-03-10 01:59')).toBe('2024-03-10T06:59:00.000Z');
    expect(published('2024-03-10 03:00')).toBe('2024-03-10T07:00:00.000Z');
    expect(published('2024-11-03 00:59')).toBe('2024-11-03T04:59:00.000Z');
    expect(published('2024-11-03 02:00')).toBe('2024-11-03T07:00:00.000Z');
  });
});

describe('formatDayRange: the days a page of articles spans, in the newsroom time zone', () => {
  const day = (value: string) => toArticleDate(canonicalDate(value, NY)!, NY);
  // Intl's formatRange sets the dash between thin spaces (U+2009).
  it.each([
    ['one day', '2024-06-18', '2024-06-18', '18 June 2024'],
    ['two times on one New York day', '2024-06-18T09:00:00-04:00', '2024-06-18T23:30:00-04:00', '18 June 2024'],
    ['a time after midnight UTC, still the day before in New York', '2024-06-18', '2024-06-19T02:00:00Z', '18 June 2024'],
    ['days of one month', '2024-06-03', '2024-06-09', '3\u2009–\u20099 June 2024'],
    ['days across months', '2024-05-28', '2024-06-03', '28 May\u2009–\u20093 June 2024'],
    ['days across years', '2023-12-28', '2024-01-03', '28 December 2023\u2009–\u20093 January 2024'],
    ['the newer day first', '2024-06-09', '2024-06-03', '3\u2009–\u20099 June 2024'],
  ])('%s', (_, first, last, expected) => {
    expect(formatDayRange(day(first), day(last), 'en-GB', NY)).toBe(expected);
  });
});

describe('missingDay: why a year, month and day name no day', () => {
  it.each([
    [2026, 2, 30, 'February 2026 has 28 days'],
    [2025, 2, 29, 'February 2025 has 28 days'],
    [2024, 2, 30, 'February 2024 has 29 days'],
    [1900, 2, 29, 'February 1900 has 28 days'],
    [2024, 4, 31, 'April 2024 has 30 days'],
    [2024, 1, 32, 'January 2024 has 31 days'],
    [2024, 13, 1, 'there is no month 13 (months run 01 to 12)'],
    [2024, 0, 1, 'there is no month 0 (months run 01 to 12)'],
    [2024, 6, 0, 'there is no day 0 (days start at 01)'],
  ])('%i-%i-%i: %s', (year, month, day, why) => {
    expect(missingDay(year, month, day)).toBe(why);
  });

  it.each([
    [2024, 2, 29],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
    [2024, 1, 1],
  ])('%i-%i-%i exists: nothing to say', (year, month, day) => {
    expect(missingDay(year, month, day)).toBeUndefined();
  });
});

describe('shownUpdate: "Updated" once the last change is later than publication', () => {
  const at = (canonical: string) => toArticleDate(canonical, 'America/New_York');
  it.each([
    ['2024-06-18T13:30:00.000Z', '2024-06-18T13:30:00.000Z', undefined],
    ['2024-06-18T13:30:00.000Z', '2024-06-18T15:00:00.000Z', '2024-06-18T11:00:00-04:00'],
    ['2024-06-18T13:30:00.000Z', '2024-06-18', undefined],
    ['2024-06-18', '2024-06-18', undefined],
    ['2024-06-18', '2024-06-19', '2024-06-19'],
  ])('published %s, modified %s → %s', (published, modified, shown) => {
    expect(shownUpdate({ published: at(published), modified: at(modified) })?.datetime).toBe(shown);
  });
});
