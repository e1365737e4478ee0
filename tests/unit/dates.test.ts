import { afterEach, describe, expect, it } from 'vitest';
import { canonicalDate, formatDate, toArticleDate } from '../../src/model/dates';

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
